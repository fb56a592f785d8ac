/**
 * Answers and marks of the demo campaign (seed 000): deterministic per participant,
 * varied so that the typical errors of the seed show up — municipal coordinators
 * without a work plan, a report on it, or pupils' personal files; base schools
 * without the network agreements (БШ ↔ schools, МЦДО ↔ ГБОУ ИРО КК) or the
 * regulation of the МЦДО.
 */
import type { AuditMark, TBlankAnswer } from "@/lib/schemas/blank";
import { answerableItems, type TTemplateContent } from "@/lib/schemas/template";

export interface DemoAnswer {
  itemKey: string;
  value: TBlankAnswer;
  mark: AuditMark;
  markComment: string | null;
}

/** Which participants (by their index among the ten audited) lack which item. */
const ABSENT_BY_NUMBER: Record<string, number[]> = {
  // municipal blank
  "1.2.1": [0, 2, 4, 6, 8, 9],
  "1.2.2": [0, 1, 3, 5, 7],
  "2.3.1": [2, 3, 6, 9],
  // school blank
  "1.1": [0, 1, 2, 4, 6, 8],
  "1.2": [1, 3, 5, 7, 9],
  "2.1": [0, 3, 6, 8],
};
/** Documents given without a number: incomplete requisites (the "systematisation" error). */
const NO_NUMBER: Record<string, number[]> = { "1.1.1": [1, 4, 8], "3.3": [2, 5] };
/** The candidates' database last updated long before the audit: outdated. */
const OUTDATED = new Set([1, 4, 7]);

const ISSUERS = {
  MUNICIPAL: "Управление образования",
  SCHOOL: "МБОУ СОШ № 1",
} as const;

/** The kind of document each document row asks for. */
const DOC_TYPES: Record<string, string> = {
  "MUNICIPAL 1.2.1": "План",
  "MUNICIPAL 1.2.2": "Отчет",
  "MUNICIPAL 2.2": "База данных",
  "SCHOOL 1.1": "Соглашение",
  "SCHOOL 1.2": "Соглашение",
  "SCHOOL 2.1": "Положение",
};

function documentFor(number: string, title: string, index: number, level: "MUNICIPAL" | "SCHOOL", annual: boolean): TBlankAnswer {
  if (ABSENT_BY_NUMBER[number]?.includes(index)) {
    return { kind: "DOCUMENT", present: false, docType: "", issuer: "", date: null, number: "", title: "", fileId: null };
  }
  const date = annual
    ? OUTDATED.has(index)
      ? "2021-03-15"
      : "2022-09-01"
    : `2021-${String(8 + (index % 4)).padStart(2, "0")}-${String(10 + index).padStart(2, "0")}`;
  const numbered = !NO_NUMBER[number]?.includes(index);
  return {
    kind: "DOCUMENT",
    present: true,
    docType: DOC_TYPES[`${level} ${number}`] ?? "Приказ",
    issuer: ISSUERS[level],
    date,
    number: numbered ? `${100 + index * 7}-од` : "",
    title: title.replace(/^-\s*/, "").replace(/¹$/, ""),
    fileId: null,
  };
}

export function demoAnswers(content: TTemplateContent, level: "MUNICIPAL" | "SCHOOL", index: number): DemoAnswer[] {
  return answerableItems(content).map((item) => {
    let value: TBlankAnswer;
    let mark: AuditMark = "MATCHES";
    let markComment: string | null = null;
    if (item.kind === "DOCUMENT") {
      value = documentFor(item.number, item.title, index, level, item.annualUpdate);
    } else if (item.kind === "COUNT") {
      const count =
        { "2.1": 1 + (index % 3), "2.3": 12 + index * 3, "2.3.2": index % 4, "4.1": 5 + index, "4.2": index % 3, "5.1": 3 + (index % 5) }[
          item.number
        ] ?? index;
      value = { kind: "COUNT", count };
      if (item.number === "2.3" && index % 5 === 2) {
        mark = "MISMATCH";
        markComment = "Численность не совпадает с данными ГБОУ ИРО КК";
      }
    } else if (item.kind === "PRESENCE") {
      value = { kind: "PRESENCE", present: !ABSENT_BY_NUMBER[item.number]?.includes(index) };
      if (item.number === "5.2" && index % 4 === 3) {
        mark = "PARTIAL";
        markComment = "ИУП есть не у всех обучающихся";
      }
    } else {
      value = { kind: "TEXT", text: "—" };
    }
    return { itemKey: item.key, value, mark, markComment };
  });
}
