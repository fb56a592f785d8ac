/**
 * How a pdfmake node's look is worked out for Word: what it inherits from its
 * parents, then its named styles (the definition's style dictionary), then its
 * own properties — pdfmake's order. Pure.
 */
import type { Margins, Style, StyleDictionary } from "pdfmake/interfaces";

/** What a node passes on to the nodes inside it, as pdfmake does. */
export interface TextLook {
  fontSize: number;
  bold: boolean;
  italics: boolean;
  color: string | null;
  alignment: "left" | "center" | "right" | "justify";
  underline: boolean;
  strike: boolean;
  /** Superscript or subscript (pdfmake's sup, sub). */
  script: "sup" | "sub" | null;
}

/** A node's whole look: the inherited part, and what stays with the node itself. */
export interface NodeLook extends TextLook {
  /** [left, top, right, bottom] in points. */
  margin: [number, number, number, number];
  fillColor: string | null;
}

/** The pdfmake properties this translator reads, on any node or inline run. */
export interface StyledNode {
  style?: string | string[] | Style;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  alignment?: TextLook["alignment"];
  decoration?: string | string[];
  sup?: boolean;
  sub?: boolean;
  margin?: Margins;
  marginLeft?: number;
  marginTop?: number;
  marginRight?: number;
  marginBottom?: number;
  fillColor?: string;
}

export const DEFAULT_LOOK: TextLook = {
  fontSize: 12,
  bold: false,
  italics: false,
  color: null,
  alignment: "left",
  underline: false,
  strike: false,
  script: null,
};

/**
 * Points of pdfmake to points of Word. The PDF is set in Liberation Sans at
 * 9.5 pt; a Russian official document is set in Times New Roman at 12–14 pt, and
 * Times is the smaller face at the same size. ×1.25 makes the body 12 pt
 * (9.5 → 11.875) and the tables 10–10.5 pt (8–8.5), keeping the ratios the
 * layouts chose between them, so that seed 002's eight columns still fit a
 * landscape page; titles and headings stop at 14 pt, the official documents' top.
 * Half points are Word's step. Nothing goes below 8 pt, the smallest print still
 * read at arm's length.
 */
export function wordSize(pdfSize: number): number {
  return Math.min(14, Math.max(8, Math.round(pdfSize * 1.25 * 2) / 2));
}

function marginOf(margin: Margins | undefined): NodeLook["margin"] | undefined {
  if (margin === undefined) return undefined;
  if (typeof margin === "number") return [margin, margin, margin, margin];
  if (margin.length === 2) return [margin[0], margin[1], margin[0], margin[1]];
  return [margin[0], margin[1], margin[2], margin[3]];
}

/** The named styles a node asks for, in order, and a style given inline. */
function stylesOf(node: StyledNode, dictionary: StyleDictionary): Style[] {
  const named = node.style;
  if (named === undefined) return [];
  if (typeof named === "string") return dictionary[named] ? [dictionary[named]] : [];
  if (Array.isArray(named)) return named.flatMap((name) => (dictionary[name] ? [dictionary[name]] : []));
  return [named];
}

/** The look of a node under its parent's: inherited, then named styles, then its own properties. */
export function lookOf(node: StyledNode, parent: TextLook, dictionary: StyleDictionary): NodeLook {
  const look: NodeLook = { ...parent, margin: [0, 0, 0, 0], fillColor: null };
  for (const source of [...stylesOf(node, dictionary), node] as StyledNode[]) {
    if (typeof source.fontSize === "number") look.fontSize = source.fontSize;
    if (typeof source.bold === "boolean") look.bold = source.bold;
    if (typeof source.italics === "boolean") look.italics = source.italics;
    if (typeof source.color === "string") look.color = source.color;
    if (source.alignment) look.alignment = source.alignment;
    if (typeof source.fillColor === "string") look.fillColor = source.fillColor;
    if (source.decoration !== undefined) {
      const decorations = [source.decoration].flat();
      look.underline = decorations.includes("underline");
      look.strike = decorations.includes("lineThrough");
    }
    if (source.sup || source.sub) look.script = source.sup ? "sup" : "sub";
    look.margin = marginOf(source.margin) ?? look.margin;
    const sides = [source.marginLeft, source.marginTop, source.marginRight, source.marginBottom];
    look.margin = look.margin.map((side, i) => sides[i] ?? side) as NodeLook["margin"];
  }
  return look;
}

/** The inherited part of a look: what the nodes inside pass on. */
export function inherited(look: NodeLook): TextLook {
  const { margin: _margin, fillColor: _fillColor, ...passed } = look;
  return passed;
}

const NAMED_COLORS: Record<string, string> = { black: "000000", white: "FFFFFF", gray: "808080", grey: "808080", red: "FF0000" };

/** A pdfmake colour as Word's six hex digits; null for what is not a colour (Word's «auto»). */
export function hexColor(color: string | null | undefined): string | null {
  if (!color) return null;
  const hex = /^#?([0-9a-f]{6})$/i.exec(color)?.[1] ?? /^#?([0-9a-f]{3})$/i.exec(color)?.[1]?.replace(/./g, (c) => c + c);
  return hex ? hex.toUpperCase() : (NAMED_COLORS[color.toLowerCase()] ?? null);
}
