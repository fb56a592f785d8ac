import { ALL_FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import type { Scope } from "@/lib/scope";
import { storeFile } from "@/lib/server/files/store-file";
import { pdfSample } from "../../support/file-samples";
import type { World } from "../authorization-matrix/world";
import { createDocument, createStudent, createTeacher } from "../../support/operations";

/**
 * The canary: one child of school S1 whose every personal datum is a string found
 * nowhere else, so that finding any of them in an answer means the answer shows
 * the child. Unique and ugly on purpose; the matrix looks for each in every answer.
 */
export const CANARY = {
  fullName: "Канарейкин Чижик Пернатович",
  /** Alone, it also finds the name declined («Канарейкина») or cut by a table's cell. */
  surname: "Канарейкин",
  /** Written into the timetable, where schools do write such things. */
  diagnosis: "диагноз КАНАРЕЙКА-F84.0",
  birthDate: "2015-03-17",
  birthDateRu: "17.03.2015",
  disabilityConfirmedUntil: "2027-05-13",
  disabilityConfirmedUntilRu: "13.05.2027",
  fileName: "ИУП Канарейкин Чижик Пернатович 2015.pdf",
  /** Inside the ИУП file only: whoever gets these bytes got the file. */
  fileBytes: "КАНАРЕЙКА-ИУП-БАЙТЫ-7f3a",
  /** The registry document enrolling the child, named in its title as schools name them (shorter than a label's 80 characters). */
  orderTitle: "О зачислении Канарейкин Чижик Пернатович на обучение с ДОТ",
} as const;

/** A name that exists nowhere: searching for it must answer exactly as searching for the canary does, to whoever may not see the child. */
export const DECOY_SURNAME = "Несуществующев";

/** The canary's rows: what its ids are and what a call may not change. */
export interface CanaryRows {
  studentId: string;
  iupFileId: string;
  orderId: string;
  teacherId: string;
}

/**
 * Builds the canary in S1 as its school coordinator would, through the domain
 * operations: the ИУП file uploaded for the school, the enrolment order in the
 * school's registry, a ДОТ teacher, then the record linking all three. `copy`
 * makes a sacrificial twin (same texts, its own rows; the order under another
 * number, since the registry refuses the same requisites twice) for calls that
 * erase or revoke. THE ONE PLACE that says how a child's record is made: when
 * files start recording their owner, only this function changes.
 */
export async function buildCanary(options: { world: World; copy?: number }): Promise<CanaryRows> {
  const { world, copy } = options;
  const scope: Scope = world.users.SCHOOL_COORDINATOR.scope;
  const school = world.school;
  const file = await storeFile({
    scope,
    owner: { regionId: world.region.id, municipalityId: world.municipality.id, organizationId: school.id },
    name: CANARY.fileName,
    bytes: pdfSample(`ИУП ${CANARY.fullName}: ${CANARY.fileBytes}`),
    allowed: ALL_FILE_KINDS,
    // As the student form uploads it: a child's file from the first moment.
    forChildRecord: true,
  });
  // The school marks the order as naming a child, as the document form asks it to.
  const order = await createDocument({
    scope,
    input: { ...canaryOrderRequisites(world, copy), title: CANARY.orderTitle, childData: true },
  });
  const teacher = await createTeacher({
    scope,
    input: { organizationId: school.id, schoolYear: world.schoolYear, fullName: "Соловьёва Певчая Дроздовна", subject: "математика" },
  });
  const rows = { iupFileId: file.id, orderId: order.id, teacherId: teacher.id };
  const student = await createStudent({ scope, input: { organizationId: school.id, ...canaryFields(world, rows) } });
  return { studentId: student.id, ...rows };
}

/** The canary's record as its form sends it (an update with exactly these changes nothing). */
export function canaryFields(world: World, rows: Omit<CanaryRows, "studentId">) {
  return {
    schoolYear: world.schoolYear,
    fullName: CANARY.fullName,
    birthDate: CANARY.birthDate,
    grade: "3",
    enrolmentOrderId: rows.orderId,
    disabilityConfirmedUntil: CANARY.disabilityConfirmedUntil,
    iupPresent: true,
    iupFileId: rows.iupFileId,
    timetable: `Пн, Ср, Пт 10:00–10:40; ${CANARY.diagnosis}`,
    teacherIds: [rows.teacherId],
  };
}

/**
 * The enrolment order's requisites without its title: what another caller types to
 * create «the same» document (the registry's duplicate check must not answer with the
 * child's order). `owner` defaults to S1.
 */
export function canaryOrderRequisites(world: World, copy?: number, owner = `organization:${world.school.id}`) {
  return { owner, type: "приказ", issuer: world.school.name, date: "2025-08-28", number: copy === undefined ? "ДОТ-17" : `ДОТ-17/${copy}` };
}
