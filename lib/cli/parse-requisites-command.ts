import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { parseRequisites, parseRequisitesList } from "@/lib/domain/requisites/parse-requisites";

/**
 * `parse-requisites "<text>"` prints one document's requisites;
 * `parse-requisites --list "<text>"` all the documents a text holds.
 */
export async function parseRequisitesCommand(args: string[]) {
  const { values, positionals } = parseArgs({ args, options: { list: { type: "boolean" } }, allowPositionals: true, strict: true });
  const text = positionals.join(" ");
  if (!text.trim()) throw new AppError("VALIDATION", 'parse-requisites needs a text: parse-requisites [--list] "<text>"');
  const result = values.list ? parseRequisitesList(text) : parseRequisites(text);
  if (!result.ok) throw new AppError("VALIDATION", result.error);
  return result.value;
}
