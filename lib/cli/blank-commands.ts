import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { BLANK_DOCX_IMPORT } from "@/lib/domain/files/upload-rules";
import { db } from "@/lib/server/db/client";
import { importBlankDocx } from "@/lib/server/blanks/import-blank-docx";
import { previewBlankDocx } from "@/lib/server/blanks/preview-blank-docx";
import { storeFile } from "@/lib/server/files/store-file";
import { z } from "@/lib/schemas/z";
import { adminScopeOf } from "./admin-scope";

const USAGE = "blank import-docx <file> --blank <id> [--dry-run]";

/**
 * `blank import-docx <file> --blank <id> [--dry-run]`: a filled Word blank into a blank, as the
 * administrator of the blank's region on the participant's behalf (the history says so). Prints
 * the preview as JSON; without --dry-run also applies it (one save, the file attached) and prints
 * { version, applied, fileId } beside it.
 */
export async function importBlankDocxCommand(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { blank: { type: "string" }, "dry-run": { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length || !values.blank) throw new AppError("VALIDATION", `blank import-docx needs <file> and --blank <id>: ${USAGE}`);
  const blankId = values.blank;
  const found =
    z.uuid().safeParse(blankId).success && (await db().blank.findUnique({ where: { id: blankId }, select: { regionId: true } }));
  if (!found) throw new AppError("NOT_FOUND", `Бланк ${blankId} не найден.`);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new AppError("VALIDATION", `«${file}»: ${error.code === "ENOENT" ? "такого файла нет" : error.message}`);
  });
  const scope = adminScopeOf(found.regionId);
  const { preview, version, owner } = await previewBlankDocx({ scope, blankId, source: { bytes } });
  if (values["dry-run"]) return { blankId, version, preview };
  const stored = await storeFile({ scope, owner, name: path.basename(file), bytes, allowed: BLANK_DOCX_IMPORT.kinds });
  const applied = await importBlankDocx({ scope, input: { blankId, fileId: stored.id, version } });
  return { blankId, ...applied, fileId: stored.id, preview };
}
