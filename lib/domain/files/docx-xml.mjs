// A Word document's body (word/document.xml) read into plain data
// (lib/domain/files/docx-data.ts describes it) with saxes, a streaming XML parser that
// expands no entities of a DTD: the text Word shows, paragraph by paragraph and cell
// by cell. Runs inside the bounded worker thread (workbook-worker.mjs); pure, and
// plain JavaScript for the same reason as that worker. Types: docx-xml.d.mts.
import { SaxesParser } from "saxes";

/** WordprocessingML, transitional and strict. */
const W = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);
const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/**
 * Elements whose content Word does not show as text: tracked deletions and moves
 * away, a field's instruction, the old formatting of a tracked change (its w:i is
 * not the run's), a text box (its paragraphs are not the body's), and the fallback
 * copy of markup-compatibility content (the chosen copy is read).
 */
const SKIPPED = new Set([
  "del",
  "moveFrom",
  "delText",
  "instrText",
  "txbxContent",
  "rPrChange",
  "pPrChange",
  "tcPrChange",
  "trPrChange",
  "tblPrChange",
  "sectPrChange",
]);

/** Check marks and boxes of the symbol fonts, by the character's low byte (w:sym's "F0FC" and text typed in the font alike). */
const SYMBOL_FONTS = {
  wingdings: { 252: "✓", 251: "✗", 254: "☒", 253: "☒", 120: "☒", 168: "☐", 111: "☐", 113: "☐" },
  "wingdings 2": { 80: "✓", 79: "✗", 82: "☒", 83: "☒", 84: "☒", 163: "☐", 42: "☐" },
  // «√» typed in Symbol is the check mark of many Russian forms.
  symbol: { 214: "✓" },
};

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const superscript = (text) => text.replace(/[0-9]/gu, (digit) => SUPERSCRIPT[Number(digit)]);

/** A character of a symbol font as the mark it shows; other characters of the font's private area show nothing we can name. */
function symbolChar(font, code) {
  const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const mark = SYMBOL_FONTS[font]?.[low];
  if (mark) return mark;
  if (code >= 0xe000 && code <= 0xf8ff) return "";
  return String.fromCodePoint(code);
}

/** An attribute's value by its local name, whatever its prefix. */
function attribute(node, local) {
  for (const attr of Object.values(node.attributes)) if (attr.local === local) return attr.value;
  return undefined;
}

/** A toggle property (<w:i/>, <w:i w:val="0"/>): on unless its value says off. */
const isOn = (node) => !["0", "false", "off"].includes(attribute(node, "val") ?? "1");

/**
 * Parses the XML text, given in chunks, into a DocxDocument. Throws on XML that is
 * not well formed and on a DOCTYPE (Word writes none: one is an entity bomb's door).
 */
export function parseDocumentXml(chunks) {
  const parser = new SaxesParser({ xmlns: true });
  const paragraphs = [];
  const tables = [];
  /** Open elements: { local, w } (w: in the WordprocessingML namespace). */
  const stack = [];
  let skipDepth = -1;
  /** Open content controls that are checkboxes mute their rendered glyph: the state is written instead. */
  let muted = 0;
  const sdts = [];
  let tableDepth = 0;
  let table = null;
  let row = null;
  let cell = null;
  let para = null;
  let run = null;
  let inText = false;
  let lastText = "";
  let footnotes = 0;
  let formCheckbox = null;
  /** A checkbox control around whole paragraphs: its mark opens the first of them. */
  let pendingMark = null;

  const parentIs = (local, up = 1) => stack[stack.length - 1 - up]?.local === local;
  const emit = (text) => {
    if (!para || muted > 0 || run?.hidden || text === "") return;
    para.push(text);
    if (run && text.trim() !== "") run.hasText = true;
  };

  function open(node) {
    const w = W.has(node.uri);
    stack.push({ local: node.local, w });
    if (skipDepth >= 0) return;
    if ((w && SKIPPED.has(node.local)) || (node.uri === MC && node.local === "Fallback")) {
      skipDepth = stack.length;
      return;
    }
    if (node.uri === W14) {
      const sdt = sdts.at(-1);
      if (sdt && node.local === "checkbox") sdt.checkbox ??= false;
      if (sdt && node.local === "checked") sdt.checkbox = ["1", "true", "on"].includes(attribute(node, "val") ?? "0");
      return;
    }
    if (!w) return;
    switch (node.local) {
      case "tbl":
        tableDepth++;
        if (tableDepth === 1) table = { rows: [], before: lastText, at: paragraphs.length };
        break;
      case "tr":
        if (tableDepth === 1) row = [];
        break;
      case "tc":
        if (tableDepth === 1) cell = { paras: [], gridSpan: 1, vMergeContinue: false, runs: 0, italicRuns: 0 };
        break;
      case "gridSpan":
        if (tableDepth === 1 && cell && parentIs("tcPr"))
          cell.gridSpan = Math.max(1, Number.parseInt(attribute(node, "val") ?? "1", 10) || 1);
        break;
      case "vMerge":
        if (tableDepth === 1 && cell && parentIs("tcPr")) cell.vMergeContinue = (attribute(node, "val") ?? "continue") === "continue";
        break;
      case "p":
        para ??= [];
        if (pendingMark) para.push(pendingMark);
        pendingMark = null;
        break;
      case "r":
        run = { italic: false, superscript: false, hidden: false, font: null, hasText: false };
        break;
      case "i":
        if (run && parentIs("rPr") && parentIs("r", 2)) run.italic = isOn(node);
        break;
      case "vertAlign":
        if (run && parentIs("rPr")) run.superscript = attribute(node, "val") === "superscript";
        break;
      case "vanish":
        if (run && parentIs("rPr")) run.hidden = isOn(node);
        break;
      case "rFonts": {
        const font = (attribute(node, "ascii") ?? attribute(node, "hAnsi") ?? "").toLowerCase();
        if (run && parentIs("rPr")) run.font = font in SYMBOL_FONTS ? font : null;
        break;
      }
      case "t":
        inText = true;
        break;
      case "tab":
        if (parentIs("r")) emit("\t");
        break;
      case "br":
      case "cr":
        if (parentIs("r")) emit("\n");
        break;
      case "noBreakHyphen":
        emit("-");
        break;
      case "sym": {
        const code = Number.parseInt(attribute(node, "char") ?? "", 16);
        if (Number.isFinite(code)) emit(symbolChar((attribute(node, "font") ?? "").toLowerCase(), code));
        break;
      }
      case "footnoteReference":
        // Word numbers footnotes in order; a custom mark is the text that follows instead.
        footnotes++;
        if (!["1", "true", "on"].includes(attribute(node, "customMarkFollows") ?? "0")) emit(superscript(String(footnotes)));
        break;
      case "checkBox":
        if (parentIs("ffData")) formCheckbox = { default: false, checked: null };
        break;
      case "default":
        if (formCheckbox && parentIs("checkBox")) formCheckbox.default = attribute(node, "val") !== "0";
        break;
      case "checked":
        if (formCheckbox && parentIs("checkBox")) formCheckbox.checked = isOn(node);
        break;
      case "sdt":
        sdts.push({ checkbox: null, muting: false });
        break;
      case "sdtContent": {
        const sdt = sdts.at(-1);
        if (sdt && sdt.checkbox !== null) {
          const mark = sdt.checkbox ? "☒" : "☐";
          if (para) emit(mark);
          else pendingMark = mark;
          sdt.muting = true;
          muted++;
        }
        break;
      }
    }
  }

  function close() {
    const { local, w } = stack.pop();
    if (skipDepth >= 0) {
      if (stack.length + 1 === skipDepth) skipDepth = -1;
      return;
    }
    if (!w) return;
    switch (local) {
      case "t":
        inText = false;
        break;
      case "r":
        if (cell && run?.hasText) {
          cell.runs++;
          if (run.italic) cell.italicRuns++;
        }
        run = null;
        break;
      case "fldChar":
        // A legacy form checkbox (FORMCHECKBOX): its state is its field's whole display.
        if (formCheckbox) emit((formCheckbox.checked ?? formCheckbox.default) ? "☒" : "☐");
        formCheckbox = null;
        break;
      case "sdtContent":
        if (sdts.at(-1)?.muting) {
          sdts.at(-1).muting = false;
          muted--;
        }
        break;
      case "sdt":
        sdts.pop();
        break;
      case "p": {
        const text = (para ?? []).join("");
        para = null;
        if (tableDepth === 0) {
          paragraphs.push(text);
          if (text.trim() !== "") lastText = text;
        } else cell?.paras.push(text);
        break;
      }
      case "tc":
        if (tableDepth === 1 && cell && row) {
          row.push({
            text: cell.paras.join("\n"),
            gridSpan: cell.gridSpan,
            vMergeContinue: cell.vMergeContinue,
            italic: cell.runs > 0 && cell.italicRuns === cell.runs,
          });
          cell = null;
        }
        break;
      case "tr":
        if (tableDepth === 1 && row && table) table.rows.push(row);
        if (tableDepth === 1) row = null;
        break;
      case "tbl":
        if (tableDepth === 1 && table) {
          tables.push(table);
          table = null;
          lastText = "";
        }
        tableDepth--;
        break;
    }
  }

  parser.on("doctype", () => {
    throw new Error("A DOCTYPE in a Word document");
  });
  parser.on("opentag", open);
  parser.on("closetag", close);
  parser.on("text", (text) => {
    if (!inText || skipDepth >= 0) return;
    emit(run?.font ? [...text].map((c) => symbolChar(run.font, c.codePointAt(0))).join("") : run?.superscript ? superscript(text) : text);
  });
  for (const chunk of chunks) parser.write(chunk);
  parser.close();
  return { paragraphs, tables };
}
