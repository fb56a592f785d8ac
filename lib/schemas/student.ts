/**
 * Records of disabled children taught at home with ДОТ and of their teachers.
 * Messages never quote the values entered: the records are personal data.
 */
import { latestLocalToday } from "@/lib/dates";
import { listQuery } from "./list";
import { z } from "./z";

export const STUDENT_STATUSES = ["STUDYING", "GRADUATED", "LEFT"] as const;
export const FURTHER_EDUCATION = ["NONE", "SPO", "VUZ"] as const;

export const STUDENT_STATUS_LABELS: Record<(typeof STUDENT_STATUSES)[number], string> = {
  STUDYING: "обучается",
  GRADUATED: "выпускник",
  LEFT: "выбыл",
};

export const FURTHER_EDUCATION_LABELS: Record<(typeof FURTHER_EDUCATION)[number], string> = {
  NONE: "не продолжает обучение",
  SPO: "СПО",
  VUZ: "ВУЗ",
};

const SCHOOL_YEAR = /^(\d{4})\/(\d{4})$/;

/** "2025/2026": two consecutive years. */
export const zSchoolYear = z
  .string({ error: "Укажите учебный год." })
  .trim()
  .refine((value) => {
    const match = SCHOOL_YEAR.exec(value);
    return !!match && Number(match[2]) === Number(match[1]) + 1 && Number(match[1]) >= 2000;
  }, "Учебный год указывается как 2025/2026.");

export function isSchoolYear(value: string): boolean {
  return zSchoolYear.safeParse(value).success;
}

/** An optional id from a select: "" means none. */
const optionalId = (message: string) =>
  z
    .union([z.literal(""), z.null(), z.uuid({ error: message })])
    .transform((v) => (v === "" ? null : v))
    .default(null);

/** An optional date from a date input: "" means none. */
const optionalDate = (message: string) =>
  z
    .union([z.literal(""), z.null(), z.iso.date({ error: message })])
    .transform((v) => (v === "" ? null : v))
    .default(null);

const optionalText = (max: number) =>
  z
    .union([z.null(), z.string().trim().max(max, `Не длиннее ${max} символов.`)])
    .transform((v) => (v ? v : null))
    .default(null);

export const ZStudentFields = z
  .object({
    schoolYear: zSchoolYear,
    fullName: z
      .string({ error: "Укажите ФИО или инициалы." })
      .trim()
      .min(1, "Укажите ФИО или инициалы.")
      .max(200, "Не длиннее 200 символов."),
    birthDate: optionalDate("Укажите дату рождения в виде ГГГГ-ММ-ДД.").refine(
      (date) => date === null || date < latestLocalToday(),
      "Дата рождения должна быть в прошлом.",
    ),
    grade: z.string({ error: "Укажите класс." }).trim().min(1, "Укажите класс.").max(20, "Не длиннее 20 символов."),
    enrolmentOrderId: optionalId("Выберите приказ из реестра."),
    networkAgreementId: optionalId("Выберите соглашение из реестра."),
    disabilityConfirmedUntil: optionalDate("Укажите дату в виде ГГГГ-ММ-ДД."),
    iupPresent: z.boolean().default(false),
    iupFileId: optionalId("Загрузите файл ИУП заново."),
    timetable: optionalText(2000),
    teacherIds: z
      .array(z.uuid({ error: "Выберите педагога из списка." }))
      .max(100)
      .default([]),
    status: z.enum(STUDENT_STATUSES, { error: "Выберите статус." }).default("STUDYING"),
    furtherEducation: z
      .enum(["", ...FURTHER_EDUCATION], { error: "Выберите, где продолжает обучение." })
      .nullable()
      .transform((v) => (v === "" ? null : v))
      .default(null),
  })
  .superRefine((value, ctx) => {
    if (value.furtherEducation !== null && value.status !== "GRADUATED") {
      ctx.addIssue({ code: "custom", path: ["furtherEducation"], message: "Продолжение обучения указывается только для выпускников." });
    }
  });
export type TStudentFields = z.infer<typeof ZStudentFields>;

/** A new record: the school it belongs to, then its fields. */
export const ZStudentCreate = ZStudentFields.and(z.object({ organizationId: z.uuid({ error: "Выберите школу." }) }));

export const ZStudentListQuery = listQuery(["fullName", "grade", "status", "birthDate", "createdAt"] as const).extend({
  schoolYear: zSchoolYear.optional().catch(undefined),
  status: z.enum(STUDENT_STATUSES).optional().catch(undefined),
});
export type TStudentListQuery = z.infer<typeof ZStudentListQuery>;

export const ZTeacherCourse = z
  .object({
    title: z.string({ error: "Укажите название курса." }).trim().min(1, "Укажите название курса.").max(500, "Не длиннее 500 символов."),
    dateFrom: z.iso.date({ error: "Укажите дату начала курса." }),
    dateTo: optionalDate("Укажите дату окончания в виде ГГГГ-ММ-ДД."),
    hours: z.coerce
      .number({ error: "Укажите число часов." })
      .int("Число часов — целое число.")
      .gt(0, "Число часов должно быть больше нуля.")
      .max(10000, "Не больше 10000 часов."),
  })
  .superRefine((value, ctx) => {
    if (value.dateTo !== null && value.dateTo < value.dateFrom) {
      ctx.addIssue({ code: "custom", path: ["dateTo"], message: "Дата окончания не может быть раньше даты начала." });
    }
  });

export const ZTeacherFields = z.object({
  schoolYear: zSchoolYear,
  fullName: z.string({ error: "Укажите ФИО педагога." }).trim().min(1, "Укажите ФИО педагога.").max(200, "Не длиннее 200 символов."),
  subject: z.string({ error: "Укажите предмет." }).trim().min(1, "Укажите предмет.").max(200, "Не длиннее 200 символов."),
  needsCourse: z.boolean().default(false),
  courses: z.array(ZTeacherCourse).max(50, "Не больше 50 курсов.").default([]),
});
export type TTeacherFields = z.infer<typeof ZTeacherFields>;

export const ZTeacherCreate = ZTeacherFields.extend({ organizationId: z.uuid({ error: "Выберите школу." }) });

export const ZTeacherListQuery = listQuery(["fullName", "subject", "createdAt"] as const).extend({
  schoolYear: zSchoolYear.optional().catch(undefined),
});
export type TTeacherListQuery = z.infer<typeof ZTeacherListQuery>;

export const ZCountsQuery = z.object({ schoolYear: zSchoolYear.optional().catch(undefined) });
