import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MEASURE_ITEMS, schoolYearOf } from "@/lib/domain/records/official-measures";
import { answerableItems, type TTemplateContent } from "@/lib/schemas/template";
import { countOfficialData } from "./count-official-data";

type Tx = Pick<Prisma.TransactionClient, "dotStudent" | "dotTeacher">;

/**
 * The counts our records give for a blank's count items (item key → count), for
 * the school year of the campaign's date; items whose measure has no records are left out.
 */
export async function officialCountsForBlank(
  tx: Tx,
  blank: { municipalityId: string; organizationId: string | null; templateKey: string; campaignDate: string },
  content: TTemplateContent,
): Promise<Record<string, number>> {
  const wanted = MEASURE_ITEMS.filter((m) => m.templateKey === blank.templateKey);
  if (wanted.length === 0) return {};
  const area = blank.organizationId ? { organizationId: blank.organizationId } : { municipalityId: blank.municipalityId };
  const measures = await countOfficialData(area, schoolYearOf(blank.campaignDate), tx);
  const items = answerableItems(content);
  const counts: Record<string, number> = {};
  for (const { itemNumber, measure } of wanted) {
    const item = items.find((i) => i.number === itemNumber && i.kind === "COUNT");
    const value = measures[measure];
    if (item && value !== null) counts[item.key] = value;
  }
  return counts;
}
