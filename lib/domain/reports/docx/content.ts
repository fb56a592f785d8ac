/**
 * The walk over pdfmake content: texts, stacks, lists, images and canvases
 * here, tables and columns in ./tables. Each node's look is worked out as
 * pdfmake does (./style) and its margin, `headlineLevel`, `pageBreak` and
 * `unbreakable` are applied to what it became. A node this subset does not know
 * is an error, so that a new layout learns at once that its DOCX needs more. Pure.
 */
import type { Content, StyleDictionary } from "pdfmake/interfaces";
import { type Block, keptTogether, type Para, type Run, spacer, withMargin } from "./blocks";
import { asRule, canvasPicture } from "./canvas";
import { imagePicture } from "./images";
import { hexColor, inherited, lookOf, type StyledNode, type TextLook, wordSize } from "./style";
import { columnBlocks, tableBlocks } from "./tables";

export interface Context {
  styles: StyleDictionary;
  /** The definition's `images`, by name. */
  images: Record<string, unknown>;
  look: TextLook;
  /** The width there is, in points. */
  width: number;
  /** The lists made so far: each list is its own Word numbering instance, so each counts from 1. */
  lists: { count: number };
}

/** A pdfmake node as this translator reads it: any of the content kinds it knows. */
type Node = StyledNode & {
  text?: unknown;
  stack?: Content[];
  columns?: Content[];
  ol?: Content[];
  ul?: Content[];
  table?: unknown;
  image?: string;
  canvas?: unknown;
  headlineLevel?: number;
  pageBreak?: "before" | "after";
  unbreakable?: boolean;
};

function textRuns(text: unknown, look: TextLook, styles: StyleDictionary): Run[] {
  if (Array.isArray(text)) return text.flatMap((part) => textRuns(part, look, styles));
  if (text !== null && typeof text === "object") {
    const node = text as Node;
    return textRuns(node.text, inherited(lookOf(node, look, styles)), styles);
  }
  const style = {
    size: wordSize(look.fontSize),
    bold: look.bold,
    italics: look.italics,
    color: hexColor(look.color),
    ...(look.underline ? { underline: true } : {}),
    ...(look.strike ? { strike: true } : {}),
    ...(look.script ? { script: look.script } : {}),
  };
  return String(text ?? "")
    .split("\n")
    .map((line, i): Run => ({ text: line, ...style, ...(i > 0 ? { lineBreak: true } : {}) }));
}

export function paragraph(runs: Para["runs"], look: TextLook): Para {
  return { kind: "p", runs, alignment: look.alignment, size: wordSize(look.fontSize), before: 0, after: 0, left: 0, right: 0 };
}

/**
 * Properties of a node without content (an empty table cell, a spacer with a page
 * break): how it would look and where it would break. pdfmake's own notes start with «_».
 */
const LOOK_ONLY = new Set([
  ...["style", "fontSize", "bold", "italics", "color", "alignment", "decoration", "sup", "sub", "fillColor", "font", "lineHeight"],
  ...["margin", "marginLeft", "marginTop", "marginRight", "marginBottom", "pageBreak", "unbreakable", "headlineLevel", "id"],
  ...["colSpan", "rowSpan", "border", "borderColor", "width", "noWrap", "characterSpacing", "opacity", "verticalAlignment"],
]);

/** pdfmake's markers take about this room before an item's text. */
const MARKER_ROOM = { ol: 18, ul: 12 } as const;

function listBlocks(kind: "ol" | "ul", items: Content[], ctx: Context): Block[] {
  const instance = ++ctx.lists.count;
  const hanging = MARKER_ROOM[kind];
  return items.flatMap((item) => {
    const blocks = withMargin(walk(item, { ...ctx, width: ctx.width - hanging }), [hanging, 0, 0, 0]);
    const first = blocks.findIndex((block) => block.kind === "p");
    const head = blocks[first];
    if (head?.kind === "p") blocks[first] = { ...head, hanging, list: { kind, instance } };
    return blocks;
  });
}

function canvasBlocks(elements: Parameters<typeof asRule>[0], look: TextLook, width: number): Block[] {
  const rule = asRule(elements);
  if (!rule) return [paragraph([canvasPicture(elements)], look)];
  return [{ ...spacer(rule.y + rule.width / 2), rule, left: rule.x1, right: Math.max(0, width - rule.x2) }];
}

function nodeBlocks(node: Node, ctx: Context): Block[] {
  const look = lookOf(node, ctx.look, ctx.styles);
  const [left, , right] = look.margin;
  const inner: Context = { ...ctx, look: inherited(look), width: ctx.width - left - right };
  let blocks: Block[];
  if (node.text !== undefined) blocks = [paragraph(textRuns(node.text, inner.look, ctx.styles), inner.look)];
  else if (node.stack) blocks = node.stack.flatMap((child) => walk(child, inner));
  else if (node.columns) blocks = columnBlocks(node as never, inner, walk);
  else if (node.ol) blocks = listBlocks("ol", node.ol, inner);
  else if (node.ul) blocks = listBlocks("ul", node.ul, inner);
  else if (node.table) blocks = tableBlocks(node as never, inner, walk);
  else if (node.image) blocks = [paragraph([imagePicture(node as never, ctx.images, inner.width)], inner.look)];
  else if (Array.isArray(node.canvas)) blocks = canvasBlocks(node.canvas, inner.look, inner.width);
  else if (Object.keys(node).every((key) => LOOK_ONLY.has(key) || key.startsWith("_"))) blocks = [];
  else throw new Error(`DOCX: pdfmake content of this kind is not translated: ${Object.keys(node).join(", ")}`);
  blocks = withMargin(blocks, look.margin);
  if (node.unbreakable) blocks = keptTogether(blocks, ctx.width);
  const first = blocks[0];
  if (node.headlineLevel) {
    // A heading, or a caption with its note, stays on the page of what follows it: every line of it keeps with the next.
    blocks = blocks.map((block) => (block.kind === "p" ? { ...block, keepNext: true } : block));
    if (first?.kind === "p") blocks[0] = { ...first, keepNext: true, outlineLevel: node.headlineLevel - 1 };
  }
  // A page break: on the node's first paragraph, or an empty line of one point that opens the next page.
  const head = blocks[0];
  if (node.pageBreak === "before") {
    if (head?.kind === "p") blocks[0] = { ...head, pageBreakBefore: true };
    else blocks.unshift({ ...spacer(1), pageBreakBefore: true });
  }
  if (node.pageBreak === "after") blocks.push({ ...spacer(1), pageBreakBefore: true });
  return blocks;
}

/** Any pdfmake content as Word blocks. */
export function walk(content: Content, ctx: Context): Block[] {
  if (Array.isArray(content)) return content.flatMap((child) => walk(child, ctx));
  if (typeof content === "string" || typeof content === "number") return [paragraph(textRuns(content, ctx.look, ctx.styles), ctx.look)];
  return nodeBlocks(content as Node, ctx);
}
