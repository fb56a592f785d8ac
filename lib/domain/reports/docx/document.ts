/**
 * One translator from the pdfmake definitions our layouts make to a Word
 * document, so each report's DOCX is its PDF's twin without a layout of its own:
 * the same content, the page (A4, its orientation and margins), the header and
 * footer, the metadata. Set in Times New Roman (LibreOffice shows it as
 * Liberation Serif, of the same widths) with the sizes of ./style's wordSize.
 *
 * pdfmake's header and footer are functions of the page: the header is asked
 * for page 1 of 1 (ours is the same on every page) and becomes Word's header;
 * the footer is asked with two numbers no report prints, and where they come
 * out Word's PAGE and NUMPAGES fields go, so «Стр. N из M» counts Word's pages.
 * Pure: lib/server/reports/render-docx.ts packs it into bytes.
 */
import { AlignmentType, Document, Footer, Header, LevelFormat, LineRuleType } from "docx";
import type { Content, ContextPageSize, DynamicContent, Margins, TDocumentDefinitions } from "pdfmake/interfaces";
import { type Block, mapParagraphs, type Para, type Run } from "./blocks";
import { type Context, walk } from "./content";
import { DEFAULT_LOOK, inherited, lookOf, type StyledNode } from "./style";
import { toDocx } from "./to-docx";

export const DOCX_FONT = "Times New Roman";
export const DOCX_CREATOR = "Методаудит";

const A4 = { width: 595.28, height: 841.89 } as const;
const twips = (points: number) => Math.round(points * 20);

/** Stand-ins for the page number and the page count in the footer: numbers no report prints. */
const PAGE_MARK = 987_654_301;
const PAGES_MARK = 987_654_302;

function marginsOf(margins: Margins | undefined): [number, number, number, number] {
  return lookOf({ margin: margins ?? 40 }, DEFAULT_LOOK, {}).margin;
}

/** A header's or footer's content and its margin apart: Word places them by distances from the page's edge. */
function band(part: DynamicContent | Content | undefined, page: ContextPageSize, numbers: [number, number]) {
  const content = typeof part === "function" ? part(numbers[0], numbers[1], page) : part;
  if (content === undefined || content === null) return null;
  if (typeof content !== "object" || Array.isArray(content)) return { content, margin: [0, 0, 0, 0] };
  return { content: { ...content, margin: 0 } as Content, margin: marginsOf((content as StyledNode).margin) };
}

function withPageFields(run: Run): Run[] {
  return run.text.split(new RegExp(`(${PAGE_MARK}|${PAGES_MARK})`)).flatMap((text, i): Run[] => {
    const field = text === String(PAGE_MARK) ? "page" : text === String(PAGES_MARK) ? "pages" : undefined;
    if (!field && !text) return [];
    return [{ ...run, text: field ? "" : text, ...(field ? { field } : {}), lineBreak: Boolean(run.lineBreak) && i === 0 }];
  });
}

export function docxDocument(definition: TDocumentDefinitions): Document {
  if (definition.pageSize !== undefined && definition.pageSize !== "A4") throw new Error("DOCX: only A4 pages are translated");
  const orientation = definition.pageOrientation === "landscape" ? "landscape" : "portrait";
  const page = orientation === "landscape" ? { width: A4.height, height: A4.width } : A4;
  const [left, top, right, bottom] = marginsOf(definition.pageMargins);
  const styles = definition.styles ?? {};
  const ctx: Context = {
    styles,
    images: (definition.images ?? {}) as Record<string, unknown>,
    look: inherited(lookOf((definition.defaultStyle ?? {}) as StyledNode, DEFAULT_LOOK, styles)),
    width: page.width - left - right,
    lists: { count: 0 },
  };
  const pageSize = { ...page, orientation } as ContextPageSize;
  const header = band(definition.header, pageSize, [1, 1]);
  const footer = band(definition.footer, pageSize, [PAGE_MARK, PAGES_MARK]);
  const footerBlocks: Block[] = footer
    ? mapParagraphs(walk(footer.content, ctx), (p) => ({
        ...p,
        runs: p.runs.flatMap((r): Para["runs"] => ("kind" in r ? [r] : withPageFields(r))),
      }))
    : [];
  const info = definition.info ?? {};
  return new Document({
    title: info.title,
    subject: info.subject,
    keywords: info.keywords,
    creator: DOCX_CREATOR,
    lastModifiedBy: DOCX_CREATOR,
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONT, size: 24, language: { value: "ru-RU" } },
          // Single spacing said in full: without the rule LibreOffice takes 240 for an exact 12 pt, and larger type overlaps.
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    numbering: {
      config: [
        { reference: "ol", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }] },
        { reference: "ul", levels: [{ level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(A4.width), height: twips(A4.height), orientation },
            margin: {
              top: twips(top),
              right: twips(right),
              bottom: twips(bottom),
              left: twips(left),
              header: twips(header?.margin[1] ?? top / 2),
              // pdfmake sets the footer this far under the text; Word counts from the page's bottom edge up to the footer's last line.
              footer: twips(Math.max(8, bottom - (footer?.margin[1] ?? 0) - 12)),
            },
          },
        },
        headers: { default: new Header({ children: header ? toDocx(walk(header.content, ctx)) : [] }) },
        footers: { default: new Footer({ children: toDocx(footerBlocks) }) },
        children: toDocx(walk(definition.content, ctx)),
      },
    ],
  });
}
