import "server-only";
import { formatDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dayBefore, describePeriod, isoDay } from "@/lib/schemas/assignment";
import type { AssignmentSubject } from "./assignment-access";

type Reader = Pick<PrismaClient, "coordinatorAssignment">;
const OPEN_END = "9999-12-31";

/**
 * Where a new period fits in a subject's history. The one assignment that began
 * earlier and still runs on the new start day is its predecessor, to be closed
 * the day before (unless it has a fixed end after the new one's: a period inside
 * another's term is refused); any other overlap is refused, naming the
 * assignment in the way.
 */
export async function checkPeriod(
  reader: Reader,
  subject: AssignmentSubject,
  period: { validFrom: string; validTo: string | null },
): Promise<{ predecessor: { id: string; closeOn: string } | null }> {
  const existing = await reader.coordinatorAssignment.findMany({
    where: {
      regionId: subject.regionId,
      role: subject.role,
      municipalityId: subject.municipalityId,
      organizationId: subject.organizationId,
    },
    orderBy: { validFrom: "asc" },
    select: { id: true, personName: true, validFrom: true, validTo: true },
  });
  const newTo = period.validTo ?? OPEN_END;
  let predecessor: { id: string; closeOn: string } | null = null;
  for (const row of existing) {
    const from = isoDay(row.validFrom);
    const to = row.validTo ? isoDay(row.validTo) : null;
    const overlaps = from <= newTo && (to ?? OPEN_END) >= period.validFrom;
    if (!overlaps) continue;
    const clash = `${row.personName}, ${describePeriod({ validFrom: from, validTo: to })}`;
    if (from < period.validFrom) {
      // A period with a fixed end inside it would cut off the rest of its term: not a successor.
      if (to !== null && to > newTo) {
        throw new AppError(
          "CONFLICT",
          `Период попадает внутрь назначения: ${clash}. Укажите дату окончания не раньше ${formatDate(to)} или оставьте её пустой.`,
          { validTo: [`Пересекается с назначением: ${clash}.`] },
        );
      }
      predecessor = { id: row.id, closeOn: dayBefore(period.validFrom) };
      continue;
    }
    const field = from === period.validFrom ? "validFrom" : "validTo";
    throw new AppError(
      "CONFLICT",
      from === period.validFrom
        ? `С этой даты уже назначен координатор: ${clash}. Выберите другую дату начала.`
        : `Период пересекается с более поздним назначением: ${clash}. Укажите дату окончания не позже ${formatDate(dayBefore(from))}.`,
      { [field]: [`Пересекается с назначением: ${clash}.`] },
    );
  }
  return { predecessor };
}
