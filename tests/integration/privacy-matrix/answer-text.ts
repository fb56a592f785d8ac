import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describeOutcome, type Outcome } from "../authorization-matrix/matrix";

/**
 * Everything an answer tells its reader, as searchable text: a page's element tree
 * with its props (the RSC payload), a JSON body, a CSV, the cells of an XLSX, the
 * text of a PDF (and its raw bytes, where an uploaded file carries its own), an
 * action's result, an error's message, a redirect's target, a download's file name.
 * And the lists' totals, to compare two searches by what they count.
 */
export interface Answer {
  /** Whitespace collapsed, so that a name wrapped in a PDF cell or a CSV line is still one string. */
  text: string;
  /** What two answers to the same question must agree on when the question names someone the caller may not see. */
  shape: string;
}

/** The objects of a page's tree (collected while it is read): its lists are among them. */
export function answerOf(outcome: Outcome, pageObjects: object[] = []): Answer {
  switch (outcome.kind) {
    case "rendered":
      return answer([outcome.text], `page ${totalsIn(pageObjects)}`);
    case "response": {
      const body = responseBody(outcome.bytes, outcome.headers.get("content-type") ?? "");
      const disposition = outcome.headers.get("content-disposition") ?? "";
      return answer([outcome.location ?? "", disposition, body.text], `${outcome.status} ${body.totals}`);
    }
    case "result": {
      const value = outcome.value as { ok?: boolean; error?: { code?: string; fieldErrors?: Record<string, unknown> } };
      const shape =
        value?.ok === false
          ? `refused ${value.error?.code} ${Object.keys(value.error?.fieldErrors ?? {}).sort()}`
          : `ok ${totalsIn(jsonObjects(value))}`;
      return answer([JSON.stringify(outcome.value) ?? ""], shape);
    }
    case "digest":
      return answer([outcome.digest], outcome.digest);
    case "threw":
      return answer([describeOutcome(outcome)], "threw");
  }
}

const answer = (parts: string[], shape: string): Answer => ({ text: plainText(parts.join("\n")), shape });

/**
 * A text as a reader takes it: percent-encoded runs decoded (a download's `filename*=UTF-8''…`, a name in a
 * link's query or in the request's URL), whitespace collapsed.
 */
export function plainText(text: string): string {
  return text
    .replace(/(?:%[0-9a-f]{2})+/giu, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    })
    .replace(/\s+/gu, " ");
}

function responseBody(bytes: Uint8Array, contentType: string): { text: string; totals: string } {
  const raw = Buffer.from(bytes);
  const text = raw.toString("utf8");
  if (raw.subarray(0, 5).toString("latin1") === "%PDF-") {
    // The raw bytes too: an uploaded PDF carries its own text outside any page (a comment, metadata).
    return { text: `${pdfText(raw)}\n${text}`, totals: "pdf" };
  }
  if (raw.subarray(0, 4).toString("latin1") === "PK\u0003\u0004") {
    const xml = zipText(raw);
    return { text: xmlText(xml), totals: `rows ${(xml.match(/<row[\s>]/gu) ?? []).length}` };
  }
  if (contentType.includes("json")) return { text, totals: totalsIn(jsonObjects(safeJson(text))) };
  if (contentType.includes("csv")) return { text, totals: `lines ${text.split(/\r?\n/u).filter((l) => l.trim()).length}` };
  return { text, totals: "" };
}

/** pdftotext (poppler-utils) from stdin; a PDF it cannot read has no text. */
function pdfText(bytes: Buffer): string {
  try {
    return execFileSync("pdftotext", ["-q", "-", "-"], { input: bytes, encoding: "utf8", stdio: ["pipe", "pipe", "ignore"] });
  } catch {
    return "";
  }
}

/** Every part of a ZIP (an XLSX's sheets, shared strings and properties; a DOCX's document) as one text, read by unzip. */
function zipText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "privacy-zip-"));
  try {
    const file = path.join(dir, "answer.zip");
    writeFileSync(file, bytes);
    return execFileSync("unzip", ["-p", file], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The text of the XML, tags as spaces. A workbook keeps a date as a serial number
 * (days since 1899-12-30) in a date-formatted cell: each whole number of the years
 * 1955–2119 is also written as the ISO day it would be, so that a date of birth is
 * found in a sheet as in any other answer.
 */
function xmlText(xml: string): string {
  const dated = xml.replace(/<v>(\d{5})<\/v>/gu, (all, serial: string) => {
    const days = Number(serial);
    if (days < 20_000 || days > 80_000) return all;
    return `${all} ${new Date(Date.UTC(1899, 11, 30) + days * 86_400_000).toISOString().slice(0, 10)} `;
  });
  return dated
    .replace(/<[^>]*>/gu, " ")
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/giu, (all, dec?: string, hex?: string, name?: string) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITIES[name!] ?? all),
    );
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

function jsonObjects(data: unknown): object[] {
  const found: object[] = [];
  const walk = (value: unknown) => {
    if (!value || typeof value !== "object") return;
    found.push(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) walk(child);
  };
  walk(data);
  return found;
}

/** The totals and row counts of every list ({ rows, total }) among the objects, in order. */
function totalsIn(objects: object[]): string {
  return objects
    .filter(
      (o): o is { rows: unknown[]; total: number } =>
        Array.isArray((o as { rows?: unknown }).rows) && typeof (o as { total?: unknown }).total === "number",
    )
    .map((o) => `${o.total}/${o.rows.length}`)
    .join(",");
}
