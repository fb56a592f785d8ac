/**
 * Column widths that break no word. The layouts chose their widths for
 * pdfmake's 8–9.5 pt; set larger in Word, a label such as «Исполнитель:» or a
 * header such as «Муниципалитет» may no longer fit its column, and Word would
 * split it in the middle. Such a column takes the room its longest word needs
 * from the columns with room to spare, each giving in proportion to its spare room. Widths of text are
 * estimated from Times New Roman's advances. Pure.
 */
import type { Block, Row } from "./blocks";

/** Advance widths in ems: Times New Roman's capitals and digits, small letters, and the rest. */
function textWidth(text: string, size: number, bold: boolean): number {
  let ems = 0;
  for (const char of text) ems += /[A-ZА-ЯЁ]/.test(char) ? 0.7 : /[0-9a-zа-яё]/.test(char) ? 0.5 : 0.35;
  return ems * size * (bold ? 1.15 : 1);
}

/** The widest word of the paragraphs directly in these blocks (a nested table has widths of its own). */
function longestWord(blocks: Block[]): number {
  let widest = 0;
  for (const block of blocks) {
    if (block.kind !== "p") continue;
    for (const run of block.runs) {
      if ("kind" in run) {
        widest = Math.max(widest, block.left + run.width);
        continue;
      }
      // Word breaks lines at spaces and after hyphens.
      for (const word of run.text.split(/\s+|(?<=-)/)) widest = Math.max(widest, block.left + textWidth(word, run.size, run.bold));
    }
  }
  return widest;
}

export function fitWords(widths: number[], rows: Row[]): number[] {
  const needs = widths.map(() => 0);
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.colSpan !== 1) continue;
      const need = longestWord(cell.blocks) + cell.padding.left + cell.padding.right + 1;
      needs[cell.column] = Math.max(needs[cell.column] ?? 0, need);
    }
  }
  const spare = widths.map((w, i) => Math.max(0, w - (needs[i] ?? 0)));
  const lack = widths.map((w, i) => Math.max(0, (needs[i] ?? 0) - w));
  const [missing, available] = [lack, spare].map((list) => list.reduce((sum, x) => sum + x, 0)) as [number, number];
  if (!missing || !available) return widths;
  // All that is missing, or all there is to spare: taken in proportion to each column's spare room, given in proportion to each one's lack.
  const moved = Math.min(missing, available);
  return widths.map((w, i) => w - ((spare[i] ?? 0) * moved) / available + ((lack[i] ?? 0) * moved) / missing);
}
