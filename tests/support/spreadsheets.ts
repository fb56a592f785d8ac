import ExcelJS from "exceljs";

/** An XLSX with one sheet «Лист1» of these rows, as a person fills it in Excel. */
export async function xlsxOf(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Лист1");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV as a person saves it from Excel: ";" between cells, quotes where needed. */
export function csvOf(rows: string[][]): Buffer {
  const field = (text: string) => (/[;"\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return Buffer.from(rows.map((row) => row.map(field).join(";")).join("\r\n"), "utf8");
}

/** An XLSX file read back as exceljs sees it. */
export async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}
