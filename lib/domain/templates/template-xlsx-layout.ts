import type { TColumnHeaders } from "@/lib/schemas/template";

/**
 * The workbook's layout, shared by the writer and the reader. Sheet "Бланк" has
 * one row per item in printed order: first the blank's own four columns, then
 * the columns that carry the rest of the item. Sheet "Шаблон" holds the
 * template's metadata, one field per row.
 */

export const BLANK_SHEET = "Бланк";
export const META_SHEET = "Шаблон";

export interface ItemColumn {
  id: string;
  /** Fixed headers; the four printed columns take theirs from the template. */
  header?: string;
  width: number;
  /** The item's field this column holds, as a path without list indexes ("legalBasis.date"); null when it holds none. */
  field: string | null;
  /** Cells Excel must keep as typed ("1.1" is not a number, "22.07.2021" not a date). */
  text?: boolean;
}

/** The blank's own columns, headed by the template's column headers. */
export const PRINTED_COLUMNS = {
  number: { id: "number", width: 10, field: "number", text: true },
  name: { id: "name", width: 60, field: "title" },
  // The participant's answer and the auditor's mark are filled in on the blank: not template data.
  value: { id: "value", width: 30, field: null },
  match: { id: "match", width: 22, field: null },
} as const satisfies Record<keyof TColumnHeaders, ItemColumn & { id: keyof TColumnHeaders }>;

export const ITEM_COLUMNS = [
  PRINTED_COLUMNS.number,
  PRINTED_COLUMNS.name,
  PRINTED_COLUMNS.value,
  PRINTED_COLUMNS.match,
  { id: "depth", header: "Уровень вложенности", width: 12, field: "children" },
  { id: "kind", header: "Вид ответа", width: 22, field: "kind" },
  { id: "basisText", header: "Правовое основание", width: 45, field: "legalBasis.text" },
  { id: "basisDocument", header: "Основание: документ", width: 24, field: "legalBasis.document" },
  { id: "basisDate", header: "Основание: дата", width: 13, field: "legalBasis.date", text: true },
  { id: "basisNumber", header: "Основание: номер", width: 12, field: "legalBasis.number", text: true },
  { id: "basisClauses", header: "Основание: пункты", width: 18, field: "legalBasis.clauses", text: true },
  { id: "footnoteMarks", header: "Сноски: знак", width: 10, field: "footnotes.mark" },
  { id: "footnoteTexts", header: "Сноски: текст", width: 30, field: "footnotes.text" },
  { id: "annualUpdate", header: "Ежегодное обновление", width: 14, field: "annualUpdate" },
  { id: "weight", header: "Вес", width: 8, field: "weight" },
  { id: "critical", header: "Критический пункт", width: 12, field: "critical" },
  { id: "sectionNumber", header: "Свои заголовки раздела: № п/п", width: 16, field: "columns.number" },
  { id: "sectionName", header: "Свои заголовки раздела: наименование", width: 24, field: "columns.name" },
  { id: "sectionValue", header: "Свои заголовки раздела: значение", width: 22, field: "columns.value" },
  { id: "sectionMatch", header: "Свои заголовки раздела: соответствие", width: 22, field: "columns.match" },
  { id: "key", header: "Ключ пункта (не менять)", width: 38, field: "key" },
] as const satisfies readonly ItemColumn[];

export type ItemColumnId = (typeof ITEM_COLUMNS)[number]["id"];

/** 1-based, as exceljs counts. */
export function columnOf(id: ItemColumnId): number {
  return ITEM_COLUMNS.findIndex((column) => column.id === id) + 1;
}

/** The column of an item's field, found by the field's path without list indexes ("legalBasis" → its text). */
export function columnOfField(field: string): number | null {
  const index = ITEM_COLUMNS.findIndex((c) => c.field === field || c.field?.startsWith(`${field}.`));
  return index < 0 ? null : index + 1;
}

export const META_ROWS = [
  { path: "format", label: "Формат файла" },
  { path: "key", label: "Ключ шаблона" },
  { path: "name", label: "Название шаблона" },
  { path: "level", label: "Уровень" },
  { path: "version", label: "Версия" },
  { path: "content.title", label: "Заголовок бланка" },
  { path: "content.subtitle", label: "Подзаголовок" },
  { path: "content.subjectCaption", label: "Подпись под наименованием участника" },
  { path: "content.columns.number", label: "Заголовок столбца 1 (номер)" },
  { path: "content.columns.name", label: "Заголовок столбца 2 (наименование)" },
  { path: "content.columns.value", label: "Заголовок столбца 3 (значение)" },
  { path: "content.columns.match", label: "Заголовок столбца 4 (соответствие)" },
  { path: "content.gradeBands.compliant", label: "Порог «соответствует», %" },
  { path: "content.gradeBands.partial", label: "Порог «частично соответствует», %" },
] as const;

export type MetaPath = (typeof META_ROWS)[number]["path"];

export const META_HEADERS = ["Поле", "Значение"] as const;

/** "A".."Z", "AA".. for messages that name a cell as Excel does. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
