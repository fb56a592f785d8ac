import { AppError } from "@/lib/errors";
import { ZTemplateDocument, type TTemplateDocument } from "@/lib/schemas/template";
import { refuseTemplate } from "./template-problems";

/** The JSON export: the document itself, indented, as UTF-8. */
export function templateToJson(doc: TTemplateDocument): Buffer {
  return Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, "utf8");
}

/** Parses and validates a JSON template; a problem is named by its path in the document. */
export function templateFromJson(bytes: Buffer): TTemplateDocument {
  const parsed = ZTemplateDocument.safeParse(parseJson(bytes.toString("utf8")));
  if (parsed.success) return parsed.data;
  throw refuseTemplate(
    parsed.error.issues.map((issue) => {
      const path = issue.path.join(".");
      return { field: path || "_", where: path || "документ", message: issue.message };
    }),
  );
}

/** JSON text as people save it (a byte-order mark allowed); a syntax error names its line and column. */
export function parseJson(text: string): unknown {
  // Windows editors save UTF-8 with a byte-order mark, which JSON.parse refuses.
  const json = text.replace(/^\uFEFF/, "");
  if (!json.trim()) throw new AppError("VALIDATION", "Файл пустой.");
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new AppError("VALIDATION", `Файл не читается как JSON: ${syntaxErrorPlace(json, error)}.`);
  }
}

/** V8 names the offset of a syntax error ("… at position 45"); people count lines and columns. */
function syntaxErrorPlace(json: string, error: unknown): string {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
  if (position === undefined) return "ошибка синтаксиса";
  const before = json.slice(0, Number(position)).split("\n");
  return `ошибка синтаксиса в строке ${before.length}, позиции ${(before.at(-1)?.length ?? 0) + 1}`;
}
