import "server-only";
import { writeCsv } from "@/lib/domain/directory/csv";
import { SCHOOL_FILE_MIME_TYPES, writeTableXlsx, type SchoolFileFormat } from "@/lib/domain/directory/school-file";
import { AppError } from "@/lib/errors";
import { narrowScope, type Scope } from "@/lib/scope";
import { zSchoolYear } from "@/lib/schemas/student";
import { actorOfScope } from "@/lib/server/audit/actor-context";
import { EXPORT_ENTITY_ID, recordReads } from "@/lib/server/audit/record-read";
import { db } from "@/lib/server/db/client";
import {
  RECORD_COLUMNS,
  RECORD_KIND_LABELS,
  RECORD_KINDS,
  recordFileName,
  studentTableRows,
  teacherTableRows,
  type RecordKind,
} from "@/lib/domain/students/student-table";
import { resolveStudentSchool } from "./resolve-student-school";
import { studentWriteWhere, teacherWriteWhere } from "@/lib/domain/privacy/child-access";
import { SCHOOL_COORDINATORS } from "@/lib/roles";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * A school's students or teachers of a school year as a file (XLSX or CSV) in the
 * columns importStudentRecords reads back without changing anything. Only the
 * school's coordinator may (the names are personal data); anyone else gets NOT_FOUND.
 */
export async function exportStudentRecords(options: {
  scope: Scope;
  organizationId: string;
  kind: RecordKind;
  schoolYear: string;
  format: SchoolFileFormat;
}) {
  const scope = narrowScope(options.scope, SCHOOL_COORDINATORS);
  const school = await resolveStudentSchool({ scope, organizationId: options.organizationId });
  if (!RECORD_KINDS.includes(options.kind)) throw new AppError("VALIDATION", "Укажите, что выгружается: обучающиеся или педагоги.");
  const year = zSchoolYear.safeParse(options.schoolYear);
  if (!year.success) throw new AppError("VALIDATION", year.error.issues[0]!.message, { schoolYear: [year.error.issues[0]!.message] });
  const tenant = { regionId: school.regionId, municipalityId: school.municipalityId, organizationId: school.id, schoolYear: year.data };

  let rows: string[][];
  let count: number;
  if (options.kind === "students") {
    const students = await db().dotStudent.findMany({
      where: { AND: [tenant, studentWriteWhere(scope)] },
      orderBy: [{ fullName: "asc" }, { id: "asc" }],
    });
    count = students.length;
    rows = studentTableRows(
      students.map((s) => ({
        fullName: s.fullName,
        birthDate: day(s.birthDate),
        grade: s.grade,
        disabilityConfirmedUntil: day(s.disabilityConfirmedUntil),
        iupPresent: s.iupPresent,
        timetable: s.timetable,
        status: s.status,
        furtherEducation: s.furtherEducation,
      })),
    );
  } else {
    const teachers = await db().dotTeacher.findMany({
      where: { AND: [tenant, teacherWriteWhere(scope)] },
      orderBy: [{ fullName: "asc" }, { id: "asc" }],
      include: { courses: { orderBy: [{ dateFrom: "asc" }, { title: "asc" }] } },
    });
    count = teachers.length;
    rows = teacherTableRows(
      teachers.map((t) => ({
        fullName: t.fullName,
        subject: t.subject,
        needsCourse: t.needsCourse,
        courses: t.courses.map((c) => ({ title: c.title, dateFrom: day(c.dateFrom)!, dateTo: day(c.dateTo), hours: c.hours })),
      })),
    );
  }
  // The names leave as a file: a read of personal data, recorded in the audit trail.
  await recordReads(db(), actorOfScope(scope), [
    {
      entity: options.kind === "students" ? "DotStudent" : "DotTeacher",
      entityId: EXPORT_ENTITY_ID,
      regionId: school.regionId,
      after: { export: RECORD_KIND_LABELS[options.kind], schoolYear: year.data, format: options.format, rows: count },
    },
  ]);
  return {
    fileName: recordFileName(options.kind, year.data, options.format),
    mimeType: SCHOOL_FILE_MIME_TYPES[options.format],
    bytes:
      options.format === "csv"
        ? writeCsv(rows)
        : await writeTableXlsx(
            RECORD_KIND_LABELS[options.kind],
            RECORD_COLUMNS[options.kind].map((c) => ({ width: c.width, text: true })),
            rows,
          ),
    count,
  };
}
