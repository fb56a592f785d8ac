/**
 * TEMPORARY stand-in for H3's reader (branch i21/docx-read), so that the blank import can be
 * run before that branch lands: same signature and result; replaced whole by the merge.
 */
import JSZip from "jszip";
import type { DocxCell, DocxDocument } from "@/lib/domain/blanks/docx-import/docx-document";

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

const paragraphText = (p: string) => decode([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((m) => paragraphText(m[0]));

export async function readDocx(bytes: Uint8Array): Promise<{ ok: true; document: DocxDocument } | { ok: false; message: string }> {
  const zip = await JSZip.loadAsync(bytes).catch(() => null);
  const types = await zip?.file("[Content_Types].xml")?.async("string");
  if (!zip || !types) return { ok: false, message: "Файл не читается как документ Word (.docx)." };
  if (/macroEnabled/i.test(types))
    return { ok: false, message: "Документ Word с макросами (.docm) не принимается: сохраните его как .docx." };
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) => ({
    rows: [...t[0].matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(
        (c): DocxCell => ({
          text: paragraphsOf(c[0]).join("\n").trim(),
          gridSpan: Number(/<w:gridSpan w:val="(\d+)"/.exec(c[0])?.[1] ?? 1),
          vMergeContinue: /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(c[0]),
        }),
      ),
    ),
  }));
  return { ok: true, document: { paragraphs: paragraphsOf(xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "")), tables } };
}
