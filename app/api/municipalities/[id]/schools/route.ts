import { MAX_SCHOOL_FILE_BYTES, ZSchoolExportQuery } from "@/lib/domain/directory/school-file";
import { withScope } from "@/lib/server/auth/with-scope";
import { exportSchools } from "@/lib/server/directory/export-schools";
import { importSchools } from "@/lib/server/directory/import-schools";
import { readUpload } from "@/lib/server/files/read-upload";
import { idParam } from "@/lib/server/http/params";
import { downloadResponse } from "@/lib/server/http/download";
import { SUPERVISORS } from "@/lib/roles";
import { importResponse, isDryRun } from "@/lib/server/http/import-response";

/** Downloads the municipality's schools in seed 001's columns: `?format=xlsx|csv` (XLSX without it). */
export const GET = withScope<{ id: string }>(
  async ({ request, params, scope }) => {
    const municipalityId = idParam(params.id);
    const query = ZSchoolExportQuery.parse({ format: new URL(request.url).searchParams.get("format") ?? undefined });
    const file = await exportSchools({ scope, municipalityId, format: query.format });
    return downloadResponse(new Uint8Array(file.bytes), { mimeType: file.mimeType, fileName: file.fileName });
  },
  { role: SUPERVISORS },
);

/**
 * Imports a table of schools (multipart/form-data, field `file`, XLSX or CSV up to
 * 5 MB): a ZSchoolImportResult; `?dryRun=1` only previews; `?sheet=<name>` names the
 * workbook's sheet to read when several hold the table. A file with errors
 * writes nothing and answers 422 with each error by row and column.
 */
export const POST = withScope<{ id: string }>(
  async ({ request, params, scope }) => {
    const municipalityId = idParam(params.id);
    const search = new URL(request.url).searchParams;
    const dryRun = isDryRun(search.get("dryRun"));
    const upload = await readUpload(request, MAX_SCHOOL_FILE_BYTES);
    const sheet = search.get("sheet")?.trim() || null;
    const result = await importSchools({ scope, municipalityId, bytes: upload.bytes, sheet, dryRun });
    return importResponse(result);
  },
  { role: SUPERVISORS },
);
