/**
 * Days as spreadsheets keep them in cells, read to ISO dates (YYYY-MM-DD). Pure.
 *
 * - A date cell: the workbook reader already gives its day (exceljs turns the
 *   serial into a Date at UTC midnight, honouring the workbook's 1900/1904 date
 *   system), written ДД.ММ.ГГГГ.
 * - Text typed as «14.10.2021», «14.10.21» (Excel's rule for two-digit years:
 *   00–29 are 2000–2029, 30–99 are 1930–1999) or «2021-10-14».
 * - An Excel serial number: a number cell in a date column, or its text «44483»
 *   when a cell lost its date format; counted from 1899-12-30 (1900 date system,
 *   Excel's 1900-02-29 that never was included, as Excel counts), or from
 *   1904-01-01 in a workbook of the 1904 date system.
 */

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Serial numbers below this (a day of 1927) are taken for other numbers, not days. */
const MIN_SERIAL = 10_000;
/** 9999-12-31. */
const MAX_SERIAL = 2_958_465;

export interface DateSystem {
  /** The workbook counts days from 1904-01-01 (Excel for Mac before 2011); false for CSV and text. */
  date1904?: boolean;
}

/** The day of an Excel serial number (a whole number of days, a time of day ignored), or null outside 1927–9999. */
export function excelSerialDay(serial: number, system: DateSystem = {}): string | null {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL) return null;
  const epoch = system.date1904 ? EPOCH_1904 : EPOCH_1900;
  return new Date(epoch + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** Two-digit years as Excel reads them. */
const fullYear = (digits: string) => (digits.length === 4 ? Number(digits) : Number(digits) + (Number(digits) < 30 ? 2000 : 1900));

export type CellDay = { kind: "day"; date: string } | { kind: "impossible" } | { kind: "other" };

/**
 * A cell's whole text as a day: «14.10.2021», «14.10.21», «2021-10-14» or a serial
 * number; `impossible` for a date that cannot be (31.02.2021, a year before 1900);
 * `other` for text that is no date at all.
 */
export function readCellDay(text: string, system: DateSystem = {}): CellDay {
  const value = text.trim();
  const russian = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/u.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  let y: number;
  let m: number;
  let d: number;
  if (russian) [d, m, y] = [Number(russian[1]), Number(russian[2]), fullYear(russian[3]!)];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (/^\d+(\.\d+)?$/u.test(value)) {
    const day = excelSerialDay(Number(value), system);
    return day ? { kind: "day", date: day } : { kind: "other" };
  } else return { kind: "other" };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { kind: "impossible" };
  return { kind: "day", date: date.toISOString().slice(0, 10) };
}
