import { MAX_SCHOOL_FILE_BYTES, SCHOOL_FILE_FORMATS } from "@/lib/domain/directory/school-file";
import { notFound } from "@/lib/errors";
import { SCHOOL_COORDINATORS } from "@/lib/roles";
import { coordinatedOrganizationIds, type Scope } from "@/lib/scope";
import { z } from "@/lib/schemas/z";
import { withScope } from "@/lib/server/auth/with-scope";
import { readUpload } from "@/lib/server/files/read-upload";
import { exportStudentRecords } from "@/lib/server/students/export-student-records";
import { importStudentRecords } from "@/lib/server/students/import-student-records";
import { RECORD_KINDS } from "@/lib/domain/students/student-table";
import { downloadResponse } from "@/lib/server/http/download";
import { importResponse, isDryRun } from "@/lib/server/http/import-response";

const ZKind = z.enum(RECORD_KINDS, { error: "Укажите, что это за таблица: kind=students или kind=teachers." });
const ZExportQuery = z.object({
  kind: ZKind,
  schoolYear: z.string({ error: "Укажите учебный год." }),
  format: z.enum(SCHOOL_FILE_FORMATS).default("xlsx"),
});
const ZImportFields = z.object({ kind: ZKind, schoolYear: z.string({ error: "Укажите учебный год." }) });

/**
 * The school whose records are meant: `organizationId` when given (it must be the
 * caller's), else the first school the caller coordinates, as the students' page does.
 */
function schoolOf(scope: Scope, requested: string | null): string {
  const schools = coordinatedOrganizationIds(scope);
  const id = requested || schools[0];
  if (!id) throw notFound("Запись не найдена.");
  return id;
}

const optional = (value: FormDataEntryValue | string | null | undefined) => (typeof value === "string" && value !== "" ? value : undefined);

/** Downloads the school's students or teachers: `?kind=students|teachers&schoolYear=2025/2026&format=xlsx|csv`. */
export const GET = withScope(
  async ({ request, scope }) => {
    const search = new URL(request.url).searchParams;
    const query = ZExportQuery.parse({
      kind: optional(search.get("kind")),
      schoolYear: optional(search.get("schoolYear")),
      format: optional(search.get("format")),
    });
    const organizationId = schoolOf(scope, search.get("organizationId"));
    const file = await exportStudentRecords({ scope, organizationId, ...query });
    return downloadResponse(new Uint8Array(file.bytes), { mimeType: file.mimeType, fileName: file.fileName });
  },
  { role: SCHOOL_COORDINATORS },
);

/**
 * Imports the school's students or teachers (multipart/form-data: `file`, XLSX or
 * CSV up to 5 MB, `kind`, `schoolYear`, `sheet` — the workbook's sheet to read when
 * several hold the table; each but the file may come in the query instead): a
 * ZStudentRecordImportResult; `?dryRun=1` only previews. A file with
 * errors writes nothing and answers 422 with each error by row and column.
 */
export const POST = withScope(
  async ({ request, scope }) => {
    const search = new URL(request.url).searchParams;
    const dryRun = isDryRun(search.get("dryRun"));
    // readUpload enforces the size limit on the body; its copy is read for the other fields only after that.
    const copy = request.clone();
    const upload = await readUpload(request, MAX_SCHOOL_FILE_BYTES);
    const form = await copy.formData().catch(() => null);
    const fields = ZImportFields.parse({
      kind: optional(form?.get("kind")) ?? optional(search.get("kind")),
      schoolYear: optional(form?.get("schoolYear")) ?? optional(search.get("schoolYear")),
    });
    const organizationId = schoolOf(scope, optional(form?.get("organizationId")) ?? search.get("organizationId"));
    const sheet = optional(form?.get("sheet")) ?? optional(search.get("sheet")) ?? null;
    const result = await importStudentRecords({ scope, organizationId, ...fields, bytes: upload.bytes, sheet, dryRun });
    return importResponse(result);
  },
  { role: SCHOOL_COORDINATORS },
);
