import "server-only";
import { fileNotices } from "@/lib/domain/files/table-file";
import { readRecordFile } from "@/lib/domain/students/record-file";
import { AppError } from "@/lib/errors";
import { countedRecords, refusedRecords } from "@/lib/domain/imports/import-result";
import type { TImportNotice, TStudentRecordImportResult, TStudentRecordImportRow } from "@/lib/schemas/import";
import { narrowScope, type Scope } from "@/lib/scope";
import { zSchoolYear } from "@/lib/schemas/student";
import { db } from "@/lib/server/db/client";
import {
  changedStudentFields,
  changedTeacherFields,
  parseStudentTable,
  parseTeacherTable,
  RECORD_KINDS,
  studentKey,
  teacherKey,
  type RecordKind,
  type StudentRecordFields,
  type TableProblem,
  type TeacherRecordFields,
} from "@/lib/domain/students/student-table";
import { studentData } from "./create-student";
import { courseRows, teacherData } from "./create-teacher";
import { resolveStudentSchool } from "./resolve-student-school";
import { studentWriteWhere, teacherWriteWhere } from "@/lib/domain/privacy/child-access";
import { SCHOOL_COORDINATORS } from "@/lib/roles";

/** The caller is the school's coordinator, who may see the names: the preview's rows name each record. */
type PlannedRecord<Fields> = TStudentRecordImportRow & { id?: string; fields: Fields };

/** How long an import's transaction may run: a big file (up to 5,000 rows) takes longer than Prisma's default 5 s. */
const IMPORT_TIMEOUT_MS = 5 * 60_000;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Imports a school's students or teachers for a school year from a table (XLSX or
 * CSV): all rows or none, in one transaction. A student matches by name and birth
 * date within the school and school year, a teacher by name and subject; a match
 * is updated, anything else created; records missing from the file stay. Only the
 * school's coordinator may; anyone else gets NOT_FOUND. A workbook is read from its
 * sheet `sheet`, else from the one sheet that holds the table. With `dryRun` nothing is written.
 * The problems never quote a cell: the records are personal data.
 */
export async function importStudentRecords(options: {
  scope: Scope;
  organizationId: string;
  kind: RecordKind;
  schoolYear: string;
  bytes: Uint8Array;
  sheet?: string | null;
  dryRun?: boolean;
}): Promise<TStudentRecordImportResult> {
  const scope = narrowScope(options.scope, SCHOOL_COORDINATORS);
  const dryRun = options.dryRun ?? false;
  const school = await resolveStudentSchool({ scope, organizationId: options.organizationId });
  if (!RECORD_KINDS.includes(options.kind)) throw new AppError("VALIDATION", "Укажите, что импортируется: обучающиеся или педагоги.");
  const year = zSchoolYear.safeParse(options.schoolYear);
  if (!year.success) throw new AppError("VALIDATION", year.error.issues[0]!.message, { schoolYear: [year.error.issues[0]!.message] });
  const schoolYear = year.data;

  const file = await readRecordFile(options.kind, options.bytes, options.sheet ?? null);
  if (!file.ok) return refusedRecords(dryRun, file.problems, { sheets: file.sheets });
  const { rows, date1904 } = file.file;
  const tenant = { regionId: school.regionId, municipalityId: school.municipalityId, organizationId: school.id, schoolYear };

  if (options.kind === "students") {
    const table = parseStudentTable(rows, schoolYear, { date1904 });
    const notices = [...fileNotices(file.file), ...table.notices];
    if (table.problems.length) return refusedRecords(dryRun, table.problems, { notices });
    return db().$transaction(
      async (tx) => {
        if (!dryRun) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dot-students:${school.id}:${schoolYear}`}))`;
        const stored = await tx.dotStudent.findMany({
          where: { AND: [tenant, studentWriteWhere(scope)] },
          orderBy: { id: "asc" },
        });
        const byKey = groupBy(stored, (s) => studentKey({ fullName: s.fullName, birthDate: day(s.birthDate) }));
        const problems: TableProblem[] = [];
        const plan: PlannedRecord<(typeof table.students)[number]["fields"]>[] = [];
        for (const { row, fields } of table.students) {
          const matches = byKey.get(studentKey(fields)) ?? [];
          if (matches.length > 1) {
            problems.push({
              row,
              column: "ФИО (или инициалы)",
              message:
                "В учёте школы несколько обучающихся с такими ФИО и датой рождения: исправьте записи вручную, затем повторите импорт.",
            });
            continue;
          }
          const match = matches[0];
          if (!match) {
            plan.push({ row, name: fields.fullName, action: "create", changes: [], fields });
            continue;
          }
          const changes = changedStudentFields(storedStudent(match), fields);
          plan.push({ row, name: fields.fullName, action: changes.length ? "update" : "unchanged", changes, id: match.id, fields });
        }
        if (problems.length) return refusedRecords(dryRun, problems, { notices });
        if (!dryRun) {
          for (const item of plan) {
            const data = studentData(item.fields);
            const fileFields = {
              fullName: data.fullName,
              birthDate: data.birthDate,
              grade: data.grade,
              disabilityConfirmedUntil: data.disabilityConfirmedUntil,
              iupPresent: data.iupPresent,
              timetable: data.timetable,
              status: data.status,
              furtherEducation: data.furtherEducation,
            };
            if (item.action === "create") await tx.dotStudent.create({ data: { ...tenant, ...fileFields }, select: { id: true } });
            // The order, agreement, ИУП file and teachers are not in the table: an update keeps them.
            else if (item.action === "update")
              await tx.dotStudent.update({ where: { id: item.id!, ...tenant }, data: fileFields, select: { id: true } });
          }
        }
        return summary(dryRun, plan, notices);
      },
      { timeout: IMPORT_TIMEOUT_MS },
    );
  }

  const table = parseTeacherTable(rows, schoolYear, { date1904 });
  const notices = [...fileNotices(file.file), ...table.notices];
  if (table.problems.length) return refusedRecords(dryRun, table.problems, { notices });
  return db().$transaction(
    async (tx) => {
      if (!dryRun) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`dot-teachers:${school.id}:${schoolYear}`}))`;
      const stored = await tx.dotTeacher.findMany({
        where: { AND: [tenant, teacherWriteWhere(scope)] },
        orderBy: { id: "asc" },
        include: { courses: true },
      });
      const byKey = groupBy(stored, (t) => teacherKey(t));
      const problems: TableProblem[] = [];
      const plan: PlannedRecord<(typeof table.teachers)[number]["fields"]>[] = [];
      for (const { row, fields } of table.teachers) {
        const matches = byKey.get(teacherKey(fields)) ?? [];
        if (matches.length > 1) {
          problems.push({
            row,
            column: "ФИО",
            message: "В учёте школы несколько педагогов с такими ФИО и предметом: исправьте записи вручную, затем повторите импорт.",
          });
          continue;
        }
        const match = matches[0];
        if (!match) {
          plan.push({ row, name: fields.fullName, action: "create", changes: [], fields });
          continue;
        }
        const changes = changedTeacherFields(storedTeacher(match), fields);
        plan.push({ row, name: fields.fullName, action: changes.length ? "update" : "unchanged", changes, id: match.id, fields });
      }
      if (problems.length) return refusedRecords(dryRun, problems, { notices });
      if (!dryRun) {
        for (const item of plan) {
          const { schoolYear: _, ...fields } = teacherData(item.fields);
          if (item.action === "create") {
            await tx.dotTeacher.create({
              data: { ...tenant, ...fields, courses: { create: courseRows(item.fields.courses) } },
              select: { id: true },
            });
          } else if (item.action === "update") {
            await tx.dotTeacher.update({
              where: { id: item.id!, ...tenant },
              data: {
                ...fields,
                ...(item.changes.includes("courses") ? { courses: { deleteMany: {}, create: courseRows(item.fields.courses) } } : {}),
              },
              select: { id: true },
            });
          }
        }
      }
      return summary(dryRun, plan, notices);
    },
    { timeout: IMPORT_TIMEOUT_MS },
  );
}

function storedStudent(s: {
  fullName: string;
  birthDate: Date | null;
  grade: string;
  disabilityConfirmedUntil: Date | null;
  iupPresent: boolean;
  timetable: string | null;
  status: StudentRecordFields["status"];
  furtherEducation: StudentRecordFields["furtherEducation"];
}): StudentRecordFields {
  return {
    fullName: s.fullName,
    birthDate: day(s.birthDate),
    grade: s.grade,
    disabilityConfirmedUntil: day(s.disabilityConfirmedUntil),
    iupPresent: s.iupPresent,
    timetable: s.timetable,
    status: s.status,
    furtherEducation: s.furtherEducation,
  };
}

function storedTeacher(t: {
  fullName: string;
  subject: string;
  needsCourse: boolean;
  courses: Array<{ title: string; dateFrom: Date; dateTo: Date | null; hours: number }>;
}): TeacherRecordFields {
  return {
    fullName: t.fullName,
    subject: t.subject,
    needsCourse: t.needsCourse,
    courses: t.courses.map((c) => ({ title: c.title, dateFrom: day(c.dateFrom)!, dateTo: day(c.dateTo), hours: c.hours })),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** The preview's rows without what only the write needs. */
function summary(dryRun: boolean, plan: readonly TStudentRecordImportRow[], notices: TImportNotice[]): TStudentRecordImportResult {
  return countedRecords(
    dryRun,
    plan.map(({ row, name, action, changes }) => ({ row, name, action, changes })),
    notices,
  );
}
