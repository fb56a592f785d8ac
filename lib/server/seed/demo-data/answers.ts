import "server-only";
import { MEASURE_ITEMS, measuresOf, type RecordTallies } from "@/lib/domain/records/official-measures";
import type { AuditMark, TBlankAnswer } from "@/lib/schemas/blank";
import { answerableItems, type TTemplateContent, type TTemplateItem } from "@/lib/schemas/template";
import { type DemoAnswer, demoRequisites } from "@/lib/seed-data/demo-answers";
import type { Random } from "@/lib/seed-data/random";

/** The counts the generated records give for a blank's count items (item key → count), as officialCountsForBlank reads them. */
export function officialCountsOf(
  content: TTemplateContent,
  templateKey: string,
  tallies: RecordTallies | undefined,
): Record<string, number> {
  if (!tallies) return {};
  const measures = measuresOf(tallies);
  const items = answerableItems(content);
  const counts: Record<string, number> = {};
  for (const { itemNumber, measure } of MEASURE_ITEMS.filter((m) => m.templateKey === templateKey)) {
    const item = items.find((i) => i.number === itemNumber && i.kind === "COUNT");
    const value = measures[measure];
    if (item && value !== null) counts[item.key] = value;
  }
  return counts;
}

const TEXTS = ["—", "Информация размещена на сайте организации", "Работа ведётся по плану", "Сведения представлены в приложении"];

function iso(year: number, month: number, day: number) {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function documentAnswer(random: Random, item: TTemplateItem, issuer: string, campaignYear: number): TBlankAnswer {
  if (!random.chance(0.85))
    return { kind: "DOCUMENT", present: false, docType: "", issuer: "", date: null, number: "", title: "", fileId: null };
  // Annual documents are mostly renewed in the campaign's year; a few are left from years before (outdated).
  const year = item.annualUpdate ? (random.chance(0.85) ? campaignYear : campaignYear - 2) : random.int(campaignYear - 6, campaignYear - 1);
  const month = year === campaignYear ? random.int(1, 9) : random.int(1, 12);
  const date = iso(year, month, random.int(1, 28));
  return {
    kind: "DOCUMENT",
    present: true,
    ...demoRequisites(item.title, issuer, date),
    date,
    number: random.chance(0.9) ? (random.chance(0.5) ? `${random.int(1, 899)}-од` : String(random.int(1, 2500))) : "",
    fileId: null,
  };
}

function countAnswer(random: Random, official: number | undefined): TBlankAnswer {
  if (official !== undefined) return { kind: "COUNT", count: random.chance(0.85) ? official : official + random.int(1, 3) };
  return { kind: "COUNT", count: random.chance(0.05) ? null : random.int(0, 12) };
}

function markOf(random: Random): { mark: AuditMark; markComment: string | null } {
  const roll = random.next();
  if (roll < 0.03) return { mark: "MISMATCH", markComment: "Сведения не совпадают с данными муниципалитета" };
  if (roll < 0.07) return { mark: "PARTIAL", markComment: "Документ представлен не в полном объёме" };
  if (roll < 0.08) return { mark: "NOT_APPLICABLE", markComment: "Не относится к организации" };
  return { mark: "MATCHES", markComment: null };
}

/**
 * Varied answers to every item of a blank: documents present or absent, with or
 * without a number, current or outdated; counts that mostly agree with the records.
 * `marked`: an accepted blank carries the auditor's marks; a blank in progress has
 * answered only its first items.
 */
export function generatedAnswers(
  random: Random,
  content: TTemplateContent,
  input: { issuer: string; campaignYear: number; officialCounts: Record<string, number>; marked: boolean },
): DemoAnswer[] {
  const items = answerableItems(content);
  const answered = input.marked ? items : items.slice(0, random.int(1, Math.max(1, items.length - 1)));
  return answered.map((item) => {
    const value: TBlankAnswer =
      item.kind === "DOCUMENT"
        ? documentAnswer(random, item, input.issuer, input.campaignYear)
        : item.kind === "COUNT"
          ? countAnswer(random, input.officialCounts[item.key])
          : item.kind === "PRESENCE"
            ? { kind: "PRESENCE", present: random.chance(0.85) }
            : { kind: "TEXT", text: random.pick(TEXTS) };
    return { itemKey: item.key, value, ...(input.marked ? markOf(random) : { mark: "MATCHES" as const, markComment: null }) };
  });
}
