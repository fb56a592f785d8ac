import type { CellValue } from "exceljs";
import { AppError } from "@/lib/errors";
import { readWorkbook } from "@/lib/domain/files/read-workbook";
import { cellValue, sheetNamed, type SheetData, type WorkbookData } from "@/lib/domain/files/workbook-data";
import {
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  TEMPLATE_LEVEL_LABELS,
  TEMPLATE_LEVELS,
  ZTemplateDocument,
  type TTemplateDocument,
} from "@/lib/schemas/template";
import { refuseTemplate, type TemplateProblem } from "./template-problems";
import {
  BLANK_SHEET,
  columnLetter,
  columnOf,
  columnOfField,
  ITEM_COLUMNS,
  META_ROWS,
  META_SHEET,
  type PRINTED_COLUMNS,
  type ItemColumnId,
  type MetaPath,
} from "./template-xlsx-layout";
import { cellLines, cellText, isoDate, parseClauses, parseNumber, parseValue, parseYesNo } from "./xlsx-cells";

/** An item as read from its row, before validation. */
interface RawItem {
  key: string;
  number: string;
  title: string;
  kind: string;
  legalBasis: { text: string; document: string | null; date: string | null; number: string | null; clauses: string[] }[];
  footnotes: { mark: string; text: string | null }[];
  annualUpdate: boolean;
  weight: number | undefined;
  critical: boolean;
  columns: Record<keyof typeof PRINTED_COLUMNS, string> | null;
  children: RawItem[];
}

/** Where each item came from, by its path in the document ("content.items.0.children.1"). */
type ItemRows = Map<string, { row: number; item: RawItem }>;

/** Collects what is wrong, cell by cell, so that one refusal names every problem. */
class Problems {
  readonly list: TemplateProblem[] = [];

  at(sheet: SheetData, message: string, row?: number, column?: number) {
    const name = sheet.name;
    const header = column === undefined ? "" : cellText(cellValue(sheet, 1, column));
    const where = [`лист «${name}»`];
    if (row !== undefined) where.push(`строка ${row}`);
    if (column !== undefined) where.push(`столбец ${columnLetter(column)}${header ? ` («${header}»)` : ""}`);
    const cell = column === undefined ? "" : `${columnLetter(column)}${row ?? ""}`;
    this.list.push({ field: cell ? `${name}!${cell}` : name, where: where.join(", "), message });
  }

  inWorkbook(message: string) {
    this.list.push({ field: "_", where: "книга", message });
  }

  throwIfAny() {
    if (this.list.length) throw refuseTemplate(this.list);
  }
}

/** Reads a workbook written by templateToXlsx (and edited in Excel) back into a validated template. */
export async function templateFromXlsx(bytes: Buffer): Promise<TTemplateDocument> {
  const workbook = await loadWorkbook(bytes);
  const problems = new Problems();
  const blank = sheetNamed(workbook, BLANK_SHEET);
  const meta = sheetNamed(workbook, META_SHEET);
  for (const [sheet, name] of [
    [blank, BLANK_SHEET],
    [meta, META_SHEET],
  ] as const) {
    if (!sheet) problems.inWorkbook(`нет листа «${name}»`);
  }
  if (!blank || !meta) throw refuseTemplate(problems.list);

  const values = readMeta(meta, problems);
  checkMetaNumbers(meta, values, problems);
  // With unexpected columns, every row would be misread: stop here.
  if (!blankHeadersFit(blank, values, problems)) problems.throwIfAny();
  const { items, rows } = readItems(blank, problems);
  problems.throwIfAny();

  const parsed = ZTemplateDocument.safeParse(documentOf(values, items));
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) locate(issue.path.map(String), issue.message, { blank, meta, values, rows, problems });
  throw refuseTemplate(problems.list);
}

/** The workbook, unless lib/domain/files/zip-guard.ts refuses it (a zip bomb, a sheet of billions of cells) or exceljs cannot read it. */
async function loadWorkbook(bytes: Buffer): Promise<WorkbookData> {
  const loaded = await readWorkbook(bytes);
  if (!loaded.ok) throw new AppError("VALIDATION", loaded.message);
  return loaded.workbook;
}

/** The numbers of the rows from `first` on that hold anything: a cell far down the sheet is one row, not a million. */
function filledRows(sheet: SheetData, first: number): number[] {
  return sheet.rows.filter(({ row }) => row >= first).map(({ row }) => row);
}

interface MetaValue {
  row: number;
  value: CellValue;
}

/** The metadata rows found on sheet "Шаблон", by the document path they fill. */
type MetaValues = Partial<Record<MetaPath, MetaValue>>;

function readMeta(sheet: SheetData, problems: Problems): MetaValues {
  const rowOfLabel = new Map<string, number>();
  for (const r of filledRows(sheet, 2)) rowOfLabel.set(cellText(cellValue(sheet, r, 1)).trim(), r);
  const values: MetaValues = {};
  for (const { path, label } of META_ROWS) {
    const row = rowOfLabel.get(label);
    if (row === undefined) problems.at(sheet, `нет строки «${label}»`, undefined, 1);
    else values[path] = { row, value: cellValue(sheet, row, 2) };
  }
  return values;
}

const META_NUMBERS: readonly MetaPath[] = ["version", "content.gradeBands.compliant", "content.gradeBands.partial"];

function checkMetaNumbers(sheet: SheetData, values: MetaValues, problems: Problems) {
  for (const path of META_NUMBERS) {
    const found = values[path];
    if (found && Number.isNaN(parseNumber(found.value))) problems.at(sheet, `не число: «${cellText(found.value)}»`, found.row, 2);
  }
}

/** The four printed headers are the template's column headers, also kept on sheet "Шаблон": both must agree. */
function blankHeadersFit(sheet: SheetData, meta: MetaValues, problems: Problems): boolean {
  const before = problems.list.length;
  for (const [index, column] of ITEM_COLUMNS.entries()) {
    const found = cellText(cellValue(sheet, 1, index + 1)).trim();
    if ("header" in column) {
      if (found !== column.header) problems.at(sheet, `ожидался заголовок «${column.header}», в файле «${found}»`, 1, index + 1);
      continue;
    }
    const kept = meta[`content.columns.${column.id}`];
    const expected = kept ? cellText(kept.value).trim() : found;
    if (found !== expected) {
      problems.at(sheet, `заголовок «${found}» не совпадает с листом «${META_SHEET}» (строка ${kept?.row}: «${expected}»)`, 1, index + 1);
    }
  }
  return problems.list.length === before;
}

function readItems(sheet: SheetData, problems: Problems): { items: RawItem[]; rows: ItemRows } {
  const items: RawItem[] = [];
  const rows: ItemRows = new Map();
  const open: { item: RawItem; path: string }[] = [];
  for (const r of filledRows(sheet, 2)) {
    const value = (id: ItemColumnId) => cellValue(sheet, r, columnOf(id));
    const text = (id: ItemColumnId) => cellText(value(id));
    if (ITEM_COLUMNS.every((column) => column.field === null || text(column.id).trim() === "")) continue;
    const say = (id: ItemColumnId, message: string) => problems.at(sheet, message, r, columnOf(id));

    const depth = readDepth(value("depth"), open.length, (message) => say("depth", message));
    const item = readItem(text, value, say);
    const parent = depth > 1 ? open[depth - 2] : undefined;
    const siblings = parent ? parent.item.children : items;
    const path = `${parent ? `${parent.path}.children` : "content.items"}.${siblings.length}`;
    siblings.push(item);
    open.length = depth - 1;
    open.push({ item, path });
    rows.set(path, { row: r, item });
  }
  return { items, rows };
}

/** 1 for a top-level item; at most one deeper than the row above. A bad depth is reported and clamped, to read on. */
function readDepth(value: CellValue, openDepth: number, say: (message: string) => void): number {
  const depth = parseNumber(value);
  if (depth === undefined || !Number.isInteger(depth) || depth < 1) {
    say(`уровень вложенности — целое число от 1, в файле «${cellText(value)}»`);
    return Math.max(openDepth, 1);
  }
  if (depth > openDepth + 1) {
    say(
      openDepth === 0
        ? `первый пункт должен быть уровня 1, а не ${depth}`
        : `уровень ${depth} сразу после уровня ${openDepth}: пропущен уровень вложенности`,
    );
    return openDepth + 1;
  }
  return depth;
}

function readItem(
  text: (id: ItemColumnId) => string,
  value: (id: ItemColumnId) => CellValue,
  say: (id: ItemColumnId, message: string) => void,
): RawItem {
  const kindLabel = text("kind").trim();
  const kind = ITEM_KINDS.find((k) => ITEM_KIND_LABELS[k] === kindLabel);
  if (!kind) {
    const allowed = ITEM_KINDS.map((k) => `«${ITEM_KIND_LABELS[k]}»`).join(", ");
    say("kind", kindLabel ? `неизвестный вид ответа «${kindLabel}»; допустимы ${allowed}` : `укажите вид ответа: ${allowed}`);
  }
  const flag = (id: ItemColumnId) => {
    const parsed = parseYesNo(text(id));
    if (parsed === null) say(id, `ожидалось «да» или «нет», в файле «${text(id)}»`);
    return parsed ?? false;
  };
  const weight = parseNumber(value("weight"));
  if (Number.isNaN(weight)) say("weight", `не число: «${text("weight")}»`);
  const sectionHeaders = [text("sectionNumber"), text("sectionName"), text("sectionValue"), text("sectionMatch")];
  const [number = "", name = "", valueHeader = "", match = ""] = sectionHeaders;
  return {
    // A row added in Excel has no key yet: it is a new item.
    key: text("key").trim() || crypto.randomUUID(),
    number: text("number"),
    title: text("name"),
    kind: kind ?? kindLabel,
    legalBasis: readLegalBases(text, say),
    footnotes: readFootnotes(text, say),
    annualUpdate: flag("annualUpdate"),
    weight,
    critical: flag("critical"),
    columns: sectionHeaders.every((h) => h.trim() === "") ? null : { number, name, value: valueHeader, match },
    children: [],
  };
}

/** One basis per line of "Правовое основание"; the other basis columns hold the same lines' parts. */
function readLegalBases(text: (id: ItemColumnId) => string, say: (id: ItemColumnId, message: string) => void) {
  const texts = cellLines(text("basisText"));
  const parts = (id: ItemColumnId) => {
    const lines = cellLines(text(id));
    if (lines.length > texts.length) say(id, `строк (${lines.length}) больше, чем правовых оснований (${texts.length})`);
    return lines;
  };
  const [documents, dates, numbers, clauses] = (["basisDocument", "basisDate", "basisNumber", "basisClauses"] as const).map(parts);
  return texts.map((line, i) => {
    const date = parseValue(dates?.[i] ?? "");
    return {
      text: parseValue(line) ?? "",
      document: parseValue(documents?.[i] ?? ""),
      date: date === null ? null : isoDate(date),
      number: parseValue(numbers?.[i] ?? ""),
      clauses: parseClauses(clauses?.[i] ?? ""),
    };
  });
}

/** One footnote per line of "Сноски: знак"; "Сноски: текст" holds the same lines' texts. */
function readFootnotes(text: (id: ItemColumnId) => string, say: (id: ItemColumnId, message: string) => void) {
  const marks = cellLines(text("footnoteMarks"));
  const texts = cellLines(text("footnoteTexts"));
  if (texts.length > marks.length) say("footnoteTexts", `строк (${texts.length}) больше, чем знаков сносок (${marks.length})`);
  return marks.map((mark, i) => ({ mark: parseValue(mark) ?? "", text: parseValue(texts[i] ?? "") }));
}

function documentOf(meta: MetaValues, items: RawItem[]): unknown {
  const text = (path: MetaPath) => cellText(meta[path]?.value ?? null);
  const number = (path: MetaPath) => parseNumber(meta[path]?.value ?? null);
  const levelLabel = text("level").trim();
  const version = number("version");
  return {
    format: text("format"),
    key: text("key"),
    name: text("name"),
    level: TEMPLATE_LEVELS.find((level) => TEMPLATE_LEVEL_LABELS[level] === levelLabel) ?? levelLabel,
    // A document without a version has no such key at all, as in JSON.
    ...(version === undefined ? {} : { version }),
    content: {
      title: text("content.title"),
      subtitle: text("content.subtitle"),
      subjectCaption: text("content.subjectCaption"),
      columns: {
        number: text("content.columns.number"),
        name: text("content.columns.name"),
        value: text("content.columns.value"),
        match: text("content.columns.match"),
      },
      gradeBands: { compliant: number("content.gradeBands.compliant"), partial: number("content.gradeBands.partial") },
      items,
    },
  };
}

/** Names the cell a validation issue is about: a metadata row, or an item's row and column. */
function locate(
  path: string[],
  message: string,
  at: {
    blank: SheetData;
    meta: SheetData;
    values: MetaValues;
    rows: ItemRows;
    problems: Problems;
  },
) {
  const joined = path.join(".");
  // "content.gradeBands" (the bands' order) is about the lower band, the last of its rows.
  const metaRow = META_ROWS.find((m) => m.path === joined) ?? META_ROWS.findLast((m) => m.path.startsWith(`${joined}.`));
  const metaValue = metaRow && at.values[metaRow.path];
  if (metaRow && metaValue) return at.problems.at(at.meta, `${metaRow.label}: ${message}`, metaValue.row, 2);
  for (let end = path.length; end > 0; end--) {
    const found = at.rows.get(path.slice(0, end).join("."));
    if (!found) continue;
    const [field, index] = path.slice(end);
    const subfield = path
      .slice(end)
      .filter((segment) => !/^\d+$/.test(segment))
      .join(".");
    const list = field === "legalBasis" || field === "footnotes" ? found.item[field] : [];
    const line = list.length > 1 && index !== undefined ? ` (строка ${Number(index) + 1} в ячейке)` : "";
    return at.problems.at(at.blank, `${message}${line}`, found.row, (subfield && columnOfField(subfield)) || undefined);
  }
  at.problems.at(at.blank, message);
}
