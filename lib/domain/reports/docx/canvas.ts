/**
 * pdfmake's canvas drawings for Word, which has no such thing: one horizontal
 * line is a rule under a paragraph (a signature line, the header's rule);
 * anything else (the campaign chart's bars, the legend's squares, the audit
 * blank's check mark) is painted into a PNG three times the size it takes on
 * the page, and the picture goes where the drawing was. Pure: pngjs only
 * encodes in memory.
 */
import { PNG } from "pngjs";
import type { CanvasElement, CanvasLine, Point } from "pdfmake/interfaces";
import type { Border, Picture } from "./blocks";
import { hexColor } from "./style";

/** Pixels per point: sharp on paper and on a screen zoomed in. */
const SCALE = 3;

/** A lone horizontal line, which Word draws as a paragraph's bottom border. */
export function asRule(elements: CanvasElement[]): (Border & { x1: number; x2: number; y: number }) | null {
  const [line] = elements;
  if (elements.length !== 1 || line?.type !== "line" || line.y1 !== line.y2 || line.dash) return null;
  return {
    width: line.lineWidth ?? 1,
    color: hexColor(line.lineColor) ?? "000000",
    x1: Math.min(line.x1, line.x2),
    x2: Math.max(line.x1, line.x2),
    y: line.y1,
  };
}

type Rgb = [number, number, number];

function rgb(color: unknown, fallback: Rgb | null): Rgb | null {
  const hex = typeof color === "string" ? hexColor(color) : null;
  if (!hex) return fallback;
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function segments(element: CanvasElement): Array<[Point, Point]> {
  const pairs = (points: Point[], close: boolean) => {
    const list = points.slice(1).map((p, i) => [points[i] as Point, p] as [Point, Point]);
    const [first, last] = [points[0], points[points.length - 1]];
    return close && first && last ? [...list, [last, first] as [Point, Point]] : list;
  };
  switch (element.type) {
    case "line":
      return [
        [
          { x: element.x1, y: element.y1 },
          { x: element.x2, y: element.y2 },
        ],
      ];
    case "rect": {
      const { x, y, w, h } = element;
      return pairs(
        [
          { x, y },
          { x: x + w, y },
          { x: x + w, y: y + h },
          { x, y: y + h },
        ],
        true,
      );
    }
    case "polyline":
      return pairs(element.points, Boolean(element.closePath));
    case "ellipse":
      return [];
  }
}

function bounds(elements: CanvasElement[]): { left: number; top: number; right: number; bottom: number } {
  const box = { left: 0, top: 0, right: 1, bottom: 1 };
  for (const element of elements) {
    const half = (element.lineWidth ?? 1) / 2;
    const points =
      element.type === "ellipse"
        ? [
            { x: element.x - element.r1, y: element.y - (element.r2 ?? element.r1) },
            { x: element.x + element.r1, y: element.y + (element.r2 ?? element.r1) },
          ]
        : segments(element).flat();
    for (const p of points) {
      box.left = Math.min(box.left, p.x - half);
      box.top = Math.min(box.top, p.y - half);
      box.right = Math.max(box.right, p.x + half);
      box.bottom = Math.max(box.bottom, p.y + half);
    }
  }
  return box;
}

function distanceToSegment(p: Point, [a, b]: [Point, Point]): { distance: number; along: number } {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0;
  return { distance: Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)), along: t * Math.sqrt(length2) };
}

function insidePolygon(p: Point, points: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [a, b] = [points[i] as Point, points[j] as Point];
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

function filled(element: CanvasElement, p: Point): boolean {
  switch (element.type) {
    case "rect":
      return p.x >= element.x && p.x <= element.x + element.w && p.y >= element.y && p.y <= element.y + element.h;
    case "polyline":
      return insidePolygon(p, element.points);
    case "ellipse":
      return ((p.x - element.x) / element.r1) ** 2 + ((p.y - element.y) / (element.r2 ?? element.r1)) ** 2 <= 1;
    case "line":
      return false;
  }
}

function stroked(element: CanvasElement, p: Point): boolean {
  const half = Math.max((element.lineWidth ?? 1) / 2, 0.5 / SCALE);
  if (element.type === "ellipse") {
    const r2 = element.r2 ?? element.r1;
    const norm = Math.hypot((p.x - element.x) / element.r1, (p.y - element.y) / r2);
    return Math.abs(norm - 1) * Math.min(element.r1, r2) <= half;
  }
  const dash = (element as CanvasLine).dash;
  return segments(element).some((segment) => {
    const { distance, along } = distanceToSegment(p, segment);
    if (distance > half) return false;
    if (!dash) return true;
    const period = dash.length + (dash.space ?? dash.length);
    return along % period < dash.length;
  });
}

/** What pdfmake paints for an element: a fill when it has a colour, a stroke when it has a line colour or no fill. */
function paints(element: CanvasElement): { fill: Rgb | null; stroke: Rgb | null } {
  const fill = element.type === "line" ? null : rgb(element.color, null);
  const stroke = rgb(element.lineColor, fill && !element.lineColor ? null : [0, 0, 0]);
  return { fill, stroke: element.type === "line" ? (stroke ?? [0, 0, 0]) : stroke };
}

/** The drawing as a PNG picture of the same size in points, its origin where the canvas's is. */
export function canvasPicture(elements: CanvasElement[]): Picture {
  const box = bounds(elements);
  const width = box.right - Math.min(0, box.left);
  const height = box.bottom - Math.min(0, box.top);
  const png = new PNG({ width: Math.ceil(width * SCALE), height: Math.ceil(height * SCALE) });
  const painted = elements.map((element) => ({ element, ...paints(element) }));
  for (let py = 0; py < png.height; py++) {
    for (let px = 0; px < png.width; px++) {
      const p = { x: (px + 0.5) / SCALE + Math.min(0, box.left), y: (py + 0.5) / SCALE + Math.min(0, box.top) };
      let color: Rgb | null = null;
      for (const { element, fill, stroke } of painted) {
        if (fill && filled(element, p)) color = fill;
        if (stroke && stroked(element, p)) color = stroke;
      }
      if (!color) continue;
      const at = (py * png.width + px) * 4;
      png.data.set([...color, 255], at);
    }
  }
  return { kind: "picture", data: PNG.sync.write(png), type: "png", width, height };
}
