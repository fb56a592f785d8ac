import "server-only";
import type { Scope } from "@/lib/scope";
import type { TTeacherFields, TTeacherCreate } from "@/lib/schemas/student";
import { db } from "@/lib/server/db/client";
import { resolveStudentSchool } from "./resolve-student-school";

/** A school coordinator adds a teacher working with ДОТ, with the courses they took. */
export async function createTeacher(options: { scope: Scope; input: TTeacherCreate }) {
  const { input } = options;
  const school = await resolveStudentSchool({ scope: options.scope, organizationId: input.organizationId });
  return db().dotTeacher.create({
    data: {
      ...teacherData(input),
      regionId: school.regionId,
      municipalityId: school.municipalityId,
      organizationId: school.id,
      courses: { create: courseRows(input.courses) },
    },
    select: { id: true },
  });
}

export function teacherData(input: TTeacherFields) {
  return { schoolYear: input.schoolYear, fullName: input.fullName, subject: input.subject, needsCourse: input.needsCourse };
}

export function courseRows(courses: TTeacherFields["courses"]) {
  return courses.map((c) => ({
    title: c.title,
    dateFrom: new Date(c.dateFrom),
    dateTo: c.dateTo ? new Date(c.dateTo) : null,
    hours: c.hours,
  }));
}
