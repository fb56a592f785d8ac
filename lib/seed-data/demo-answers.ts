/**
 * Answers and marks of the demo campaign (seed 000): deterministic per participant,
 * varied so that the typical errors of the seed show up — municipal coordinators
 * without a work plan, a report on it, or pupils' personal files; base schools
 * without the network agreements (БШ ↔ schools, МЦДО ↔ ГБОУ ИРО КК) or the
 * regulation of the МЦДО.
 */
import type { AuditMark, TBlankAnswer } from "@/lib/schemas/blank";
import { answerableItems, type TTemplateContent, type TTemplateItem } from "@/lib/schemas/template";

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

/** A municipality's education authority as an order names it, in the genitive (seed 004's wording). */
export const authorityOf = (municipality: string) => `Управления образования администрации муниципального образования ${municipality}`;

/**
 * How a demo participant names the document an item asks for, grammatically and as
 * the registry writes requisites: an order names its issuer in the genitive («Приказ
 * Управления образования администрации муниципального образования Славянский район»)
 * and its subject, capitalised, as its title; an agreement or a regulation names its
 * subject only (seed 000: «соглашений о сетевом взаимодействии между БШ и школами…»);
 * a work plan is approved by an order. `issuer` is in the genitive; `date` "YYYY-MM-DD".
 */
export function demoRequisites(itemTitle: string, issuer: string, date: string): Pick<DocumentAnswer, "docType" | "issuer" | "title"> {
  const subject = itemTitle.replace(/^-\s*/, "").replace(/\s*¹$/, "");
  const [calendarYear, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  // The school year under way at the date (plans are made for it), and the last one ended by then (reports are on it).
  const year = calendarYear - (month < 9 ? 1 : 0);
  const ended = calendarYear - (month < 6 ? 2 : 1);
  const special: Record<string, Pick<DocumentAnswer, "docType" | "issuer" | "title">> = {
    "План работы": { docType: "Приказ", issuer, title: `Об утверждении плана работы МЦДО на ${year}/${year + 1} учебный год` },
    "Отчет о выполнении": { docType: "Отчет", issuer, title: `О выполнении плана работы МЦДО за ${ended}/${ended + 1} учебный год` },
    "База данных кандидатов": { docType: "Приказ", issuer, title: "Об обновлении базы данных кандидатов" },
  };
  if (special[subject]) return special[subject];
  if (subject.startsWith("между ")) return { docType: "Соглашение", issuer: "", title: `О сетевом взаимодействии ${subject}` };
  if (subject.startsWith("о центре ")) return { docType: "Положение", issuer: "", title: capitalised(subject) };
  return { docType: "Приказ", issuer, title: capitalised(subject) };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type DocumentAnswer = Extract<TBlankAnswer, { kind: "DOCUMENT" }>;

function documentFor(item: TTemplateItem, index: number, issuer: string): TBlankAnswer {
  if (ABSENT_BY_NUMBER[item.number]?.includes(index)) {
    return { kind: "DOCUMENT", present: false, docType: "", issuer: "", date: null, number: "", title: "", fileId: null };
  }
  const date = item.annualUpdate
    ? OUTDATED.has(index)
      ? "2021-03-15"
      : "2022-09-01"
    : `2021-${String(8 + (index % 4)).padStart(2, "0")}-${String(10 + index).padStart(2, "0")}`;
  const numbered = !NO_NUMBER[item.number]?.includes(index);
  return {
    kind: "DOCUMENT",
    present: true,
    ...demoRequisites(item.title, issuer, date),
    date,
    number: numbered ? `${100 + index * 7}-од` : "",
    fileId: null,
  };
}

/** `issuer`: the participant's education authority or school, in the genitive. */
export function demoAnswers(content: TTemplateContent, issuer: string, index: number): DemoAnswer[] {
  return answerableItems(content).map((item) => {
    let value: TBlankAnswer;
    let mark: AuditMark = "MATCHES";
    let markComment: string | null = null;
    if (item.kind === "DOCUMENT") {
      value = documentFor(item, index, issuer);
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
