/**
 * The requisites every document ends with (seed 004: «Документы должны быть
 * подписаны …, указаны даты и номер документа, исполнители»): «Дата», «№»,
 * «Исполнитель» and «Подпись», filled where known and lines to fill by hand
 * otherwise. Pure.
 */
import type { Column, Content } from "pdfmake/interfaces";
import { formatDate } from "@/lib/dates";
import { COLORS } from "./frame";

export interface SignatureData {
  /** "YYYY-MM-DD" */
  date: string | null;
  number: string | null;
  executor: {
    /** As seed 002 signs: «Начальник отдела мониторинга системы образования МКУ КНМЦ». */
    position: string | null;
    name: string | null;
  };
}

/** A value on its line, or the empty line; what belongs there in small print under it. */
function line(value: string | null, width: number, caption: string): Column {
  return {
    width,
    stack: [
      { text: value ?? " " },
      { canvas: [{ type: "line", x1: 0, y1: 1, x2: width, y2: 1, lineWidth: 0.5, lineColor: COLORS.text }] },
      { text: caption, fontSize: 7, italics: true, color: COLORS.muted },
    ],
  };
}

const label = (text: string, width: number): Column => ({ width, text });

/**
 * Two rows that fit a portrait page: the date and number, then the executor as
 * seed 002 signs — position, signature, name on one line.
 */
export function signatureBlock(data: SignatureData): Content {
  return {
    // The requisites stay together, after the content.
    unbreakable: true,
    margin: [0, 22, 0, 0],
    stack: [
      {
        columnGap: 4,
        margin: [0, 0, 0, 10],
        columns: [
          label("Дата:", 30),
          line(data.date ? formatDate(data.date) : null, 100, "(дата)"),
          label("", 30),
          label("№:", 16),
          line(data.number, 100, "(номер)"),
        ],
      },
      {
        columnGap: 4,
        columns: [
          label("Исполнитель:", 66),
          line(data.executor.position, 150, "(должность)"),
          label("Подпись:", 44),
          line(null, 80, "(подпись)"),
          line(data.executor.name, 150, "(фамилия, инициалы)"),
        ],
      },
    ],
  };
}
