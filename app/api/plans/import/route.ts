import { MAX_ROADMAP_FILE_BYTES } from "@/lib/domain/plans/roadmap-file";
import { ROADMAP_WRITERS } from "@/lib/roles";
import { withScope } from "@/lib/server/auth/with-scope";
import { readUpload } from "@/lib/server/files/read-upload";
import { importResponse, isDryRun } from "@/lib/server/http/import-response";
import { importRoadmap } from "@/lib/server/plans/import-roadmap";

const text = (value: FormDataEntryValue | string | null | undefined) => (typeof value === "string" ? value.trim() : "");

/**
 * Imports a roadmap execution report in seed 002's columns (multipart/form-data:
 * `file`, Markdown, CSV, XLSX or DOCX up to 5 MB; `schoolYear` «2020/2021», optional,
 * else read from the file's title; `sheet`, the workbook's sheet (the Word
 * document's table, «Таблица 2») to read when several hold the report; `dryRun` "true" only previews, also as `?dryRun=1`;
 * each field may come in the query instead): a ZRoadmapImportResult. All rows or none: a file with errors
 * writes nothing and answers 422 with each error by row and column, as the other
 * table imports do.
 */
export const POST = withScope(
  async ({ request, scope }) => {
    const search = new URL(request.url).searchParams;
    // readUpload enforces the size limit on the body; its copy is read for the other fields only after that.
    const copy = request.clone();
    const upload = await readUpload(request, MAX_ROADMAP_FILE_BYTES);
    const form = await copy.formData().catch(() => null);
    const dryRun = isDryRun(text(form?.get("dryRun")) || search.get("dryRun"));
    const schoolYear = text(form?.get("schoolYear")) || text(search.get("schoolYear")) || null;
    const sheet = text(form?.get("sheet")) || text(search.get("sheet")) || null;
    const result = await importRoadmap({ scope, bytes: upload.bytes, fileName: upload.name, schoolYear, sheet, dryRun });
    return importResponse(result);
  },
  { role: ROADMAP_WRITERS },
);
