/**
 * The frame every PDF report shares: A4, the issuing organisation's header and
 * the report's date on every page, «Стр. N из M» in the footer, the styles and
 * the thin-bordered table. Pure: builds pdfmake document definitions from plain
 * data; lib/server/reports/render-pdf.ts turns them into bytes.
 */
import type {
  CanvasElement,
  Content,
  ContentTable,
  CustomTableLayout,
  Margins,
  Size,
  StyleDictionary,
  TableCell,
  TDocumentDefinitions,
} from "pdfmake/interfaces";
import { formatDate } from "@/lib/dates";
import type { SignatureData } from "./signature";

export const FONT_FAMILY = "LiberationSans";

/** The TTFs shipped in lib/domain/reports/fonts, by pdfmake's font style. */
export const FONT_FILES = {
  normal: "LiberationSans-Regular.ttf",
  bold: "LiberationSans-Bold.ttf",
  italics: "LiberationSans-Italic.ttf",
  bolditalics: "LiberationSans-BoldItalic.ttf",
} as const;

/** Who issues the report: the region's report settings. */
export interface ReportIssuer {
  organizationName: string;
  /** Address, phones, e-mail: a few lines. */
  details: string;
  /** A PNG or JPEG as a data URL: never a path or a web address. */
  logoDataUrl: string | null;
}

/** What every report's data carries besides its own: the issuer, the date, the signature block. */
export interface ReportBase {
  issuer: ReportIssuer;
  /** "YYYY-MM-DD" */
  date: string;
  signature: SignatureData;
}

export type Orientation = "portrait" | "landscape";

const A4 = { portrait: { width: 595.28, height: 841.89 }, landscape: { width: 841.89, height: 595.28 } } as const;
const SIDE_MARGIN = { portrait: 42, landscape: 30 } as const;
const BOTTOM_MARGIN = 40;
const HEADER_TOP = 18;
const LOGO_SIZE = 40;
const DATE_WIDTH = 80;
const NAME_SIZE = 10;
const DETAILS_SIZE = 8;
const CELL_PADDING = 3;

export const COLORS = {
  text: "#1a1a1a",
  muted: "#555555",
  rule: "#777777",
  border: "#8c8c8c",
  headerFill: "#eeeeee",
  sectionFill: "#f5f5f5",
  compliant: "#2e7d32",
  partial: "#e0a100",
  nonCompliant: "#c62828",
  track: "#ececec",
} as const;

const STYLES: StyleDictionary = {
  title: { fontSize: 13, bold: true, alignment: "center", margin: [0, 0, 0, 6] },
  subtitle: { fontSize: 10, alignment: "center", margin: [0, 0, 0, 2] },
  h2: { fontSize: 11, bold: true, margin: [0, 12, 0, 5] },
  small: { fontSize: 8, color: COLORS.muted },
  table: { fontSize: 8.5 },
  tableHeader: { bold: true, fillColor: COLORS.headerFill },
  section: { bold: true, fillColor: COLORS.sectionFill },
  issuerName: { fontSize: NAME_SIZE, bold: true },
  issuerDetails: { fontSize: DETAILS_SIZE, color: COLORS.muted },
};

/** Thin grey borders on every cell, with a little air inside. */
export const THIN_TABLE: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => COLORS.border,
  vLineColor: () => COLORS.border,
  paddingLeft: () => CELL_PADDING,
  paddingRight: () => CELL_PADDING,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** The width of the text area of a page. */
export function contentWidth(orientation: Orientation): number {
  return A4[orientation].width - 2 * SIDE_MARGIN[orientation];
}

/**
 * Lines a text takes at a width, erring on the long side: the header must fit
 * the top margin (or pdfmake leaves it out altogether), and a row kept whole must
 * fit a page (or pdfmake drops what does not).
 */
export function estimateLines(text: string, width: number, fontSize: number): number {
  const perLine = Math.max(1, Math.floor(width / (fontSize * 0.6)));
  return text.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function detailLines(details: string): string[] {
  return details
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The top margin: room for the issuer's header, however many lines it takes. */
function topMargin(issuer: ReportIssuer, orientation: Orientation): number {
  const textWidth = contentWidth(orientation) - DATE_WIDTH - (issuer.logoDataUrl ? LOGO_SIZE + 10 : 0) - 10;
  const text =
    estimateLines(issuer.organizationName, textWidth, NAME_SIZE) * NAME_SIZE * 1.25 +
    detailLines(issuer.details).reduce((sum, line) => sum + estimateLines(line, textWidth, DETAILS_SIZE), 0) * DETAILS_SIZE * 1.25;
  return HEADER_TOP + Math.max(text, issuer.logoDataUrl ? LOGO_SIZE : 0) + 18;
}

/** The height of the text area of a page under this issuer's header. */
export function contentHeight(issuer: ReportIssuer, orientation: Orientation): number {
  return A4[orientation].height - topMargin(issuer, orientation) - BOTTOM_MARGIN;
}

export interface ReportFrame {
  issuer: ReportIssuer;
  /** "YYYY-MM-DD": the report's date, printed in every page's header. */
  date: string;
  /** The document's title (also its metadata title). */
  title: string;
  /** What the report is about: the metadata subject. */
  subject: string;
  orientation?: Orientation;
  content: Content[];
}

/** A whole report: the content inside the common frame, with its metadata. */
export function reportDocument(frame: ReportFrame): TDocumentDefinitions {
  const orientation = frame.orientation ?? "portrait";
  const side = SIDE_MARGIN[orientation];
  const width = contentWidth(orientation);
  const logo = frame.issuer.logoDataUrl;
  const top = topMargin(frame.issuer, orientation);
  const issuerText: Content[] = [
    { text: frame.issuer.organizationName, style: "issuerName" },
    ...detailLines(frame.issuer.details).map((line): Content => ({ text: line, style: "issuerDetails" })),
  ];
  return {
    pageSize: "A4",
    pageOrientation: orientation,
    pageMargins: [side, top, side, BOTTOM_MARGIN],
    info: {
      title: frame.title,
      author: frame.issuer.organizationName,
      subject: frame.subject,
      creator: "Методаудит",
      producer: "Методаудит",
    },
    language: "ru",
    images: logo ? { logo } : {},
    defaultStyle: { font: FONT_FAMILY, fontSize: 9.5, color: COLORS.text, lineHeight: 1.1 },
    styles: STYLES,
    header: () => ({
      margin: [side, HEADER_TOP, side, 0],
      stack: [
        {
          columnGap: 10,
          columns: [
            ...(logo ? [{ image: "logo", fit: [LOGO_SIZE, LOGO_SIZE] as [number, number], width: LOGO_SIZE }] : []),
            { width: "*", stack: issuerText },
            { width: DATE_WIDTH, text: formatDate(frame.date), alignment: "right", style: "issuerDetails" },
          ],
        },
        { canvas: [rule(width, 4)] },
      ],
    }),
    footer: (currentPage, pageCount) => ({
      text: `Стр. ${currentPage} из ${pageCount}`,
      alignment: "right",
      style: "small",
      margin: [side, 14, side, 0],
    }),
    content: frame.content,
    // A heading (or a table's caption, level 2) with nothing after it on its page, or at the page's very bottom,
    // starts the next page.
    pageBreakBefore: (node, queries) =>
      (node.headlineLevel ?? 0) >= 1 && (node.startPosition.verticalRatio > 0.9 || queries.getFollowingNodesOnPage().length === 0),
  };
}

function rule(width: number, y: number): CanvasElement {
  return { type: "line", x1: 0, y1: y, x2: width, y2: y, lineWidth: 0.5, lineColor: COLORS.rule };
}

/** The report's title and the lines under it. */
export function titleBlock(title: string, lines: string[]): Content[] {
  return [{ text: title, style: "title" }, ...lines.map((line): Content => ({ text: line, style: "subtitle" }))];
}

/** A section heading: never the last thing on a page (see pageBreakBefore). */
export function heading(text: string): Content {
  return { text, style: "h2", headlineLevel: 1 };
}

/** What is printed in place of an empty list or table. */
export function nothing(text: string): Content {
  return { text, italics: true, color: COLORS.muted, margin: [0, 0, 0, 4] };
}

/** A cell of a header row. */
export function th(text: string, extra: Partial<TableCell & { alignment: "left" | "center" | "right" }> = {}): TableCell {
  return { text, style: "tableHeader", ...extra } as TableCell;
}

export interface DataTableInput {
  widths: Size[];
  /** Header rows: repeated on every page the table runs over. */
  header: TableCell[][];
  body: TableCell[][];
  /** Keep each row on one page: only for tables whose rows are sure to fit a page (pdfmake drops the rest of a longer one). */
  dontBreakRows?: boolean;
  fontSize?: number;
  margin?: Margins;
}

/**
 * Whether each row of plain texts fits on a page under a header of `headerHeight`:
 * only then may a table keep its rows whole (dontBreakRows).
 */
export function rowsFitOnPage(input: {
  rows: string[][];
  widths: Size[];
  fontSize: number;
  issuer: ReportIssuer;
  orientation: Orientation;
  headerHeight: number;
}): boolean {
  const fixed = input.widths.reduce<number>((sum, w) => sum + (typeof w === "number" ? w : 0), 0);
  const stars = input.widths.filter((w) => typeof w !== "number").length;
  const padding = input.widths.length * 2 * CELL_PADDING;
  const star = stars ? (contentWidth(input.orientation) - fixed - padding) / stars : 0;
  const widths = input.widths.map((w) => (typeof w === "number" ? w : star));
  // pdfmake's line is about 1.17 font sizes, times the document's lineHeight.
  const lineHeight = input.fontSize * 1.17 * 1.1;
  const room = contentHeight(input.issuer, input.orientation) - input.headerHeight;
  return input.rows.every(
    (cells) =>
      Math.max(...cells.map((text, i) => estimateLines(text, widths[i] ?? star, input.fontSize))) * lineHeight + 2 * CELL_PADDING <= room,
  );
}

/** A table with thin borders whose header rows repeat on each page. */
export function dataTable(input: DataTableInput): ContentTable {
  return {
    style: "table",
    ...(input.fontSize ? { fontSize: input.fontSize } : {}),
    layout: THIN_TABLE,
    margin: input.margin ?? [0, 0, 0, 6],
    table: {
      headerRows: input.header.length,
      // The header never ends a page alone.
      keepWithHeaderRows: 1,
      dontBreakRows: input.dontBreakRows ?? false,
      widths: input.widths,
      body: [...input.header, ...input.body],
    },
  };
}

/** A numbered list as the seed prints it: "1. Выселковский район". */
export function numberedList(items: string[]): Content {
  return { ol: items, margin: [10, 0, 0, 4] };
}
