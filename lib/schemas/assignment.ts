import { formatDate } from "@/lib/dates";
import { type CoordinatorRole, COORDINATORS } from "@/lib/roles";
import { listQuery } from "./list";
import { z } from "./z";

/**
 * Coordinator assignments: who coordinates a municipality or a school, from when
 * to when, appointed by which order. Used by the form's resolver and re-parsed
 * on the server.
 */

export const COORDINATOR_ROLE_LABELS: Record<CoordinatorRole, string> = {
  MUNICIPAL_COORDINATOR: "Муниципальный координатор",
  SCHOOL_COORDINATOR: "Школьный координатор",
};

/** The local date in Moscow ("YYYY-MM-DD"): the day against which "current" is judged. */
export function assignmentToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(now);
}

/** "YYYY-MM-DD" of a stored date column or an ISO string. */
export function isoDay(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** The day before an ISO date ("2020-09-18" → "2020-09-17"). */
export function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** Current on `today`: started and not yet ended. */
export function isCurrent(period: { validFrom: string; validTo: string | null }, today = assignmentToday()): boolean {
  return period.validFrom <= today && (period.validTo === null || period.validTo >= today);
}

/** «с 18.09.2020», «с 18.09.2020 по 31.08.2023». */
export function describePeriod(period: { validFrom: string; validTo: string | null }): string {
  return period.validTo ? `с ${formatDate(period.validFrom)} по ${formatDate(period.validTo)}` : `с ${formatDate(period.validFrom)}`;
}

/** «приказ от 18.09.2020 № 1006»: an order's requisites as they are cited. */
export function orderRequisites(doc: { type: string; date: Date | string | null; number: string | null }): string {
  return [doc.type.trim().toLowerCase(), doc.date && `от ${formatDate(doc.date)}`, doc.number && `№ ${doc.number}`]
    .filter(Boolean)
    .join(" ");
}

const DATE_FORMAT = "Укажите дату в формате ДД.ММ.ГГГГ.";
const isoDate = z.iso.date();
const isDate = (value: string) => isoDate.safeParse(value).success;
const plausible = (value: string) => value >= "1991-01-01" && value <= "2100-12-31";

const emailFormat = z.email();
const uuidFormat = z.uuid();

export const ZAssignmentCreate = z
  .object({
    role: z.enum(COORDINATORS, { error: "Выберите роль." }),
    /** The municipality's id for a municipal coordinator, the school's id for a school coordinator. */
    subjectId: z.uuid({ error: "Выберите муниципалитет или школу." }),
    personName: z
      .string({ error: "Укажите фамилию, имя и отчество." })
      .trim()
      .min(5, "Укажите фамилию, имя и отчество.")
      .max(200, "Не длиннее 200 символов."),
    phone: z
      .string()
      .trim()
      .max(40, "Не длиннее 40 символов.")
      .refine(
        (v) => v === "" || (/^\+?[\d\s()\-–]+$/.test(v) && v.replace(/\D/g, "").length >= 5),
        "Телефон: цифры, пробелы, скобки, «+» и «-», не меньше 5 цифр.",
      )
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .default(null),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, "Не длиннее 254 символов.")
      .refine((v) => v === "" || emailFormat.safeParse(v).success, "Введите корректный адрес электронной почты.")
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .default(null),
    validFrom: z
      .string({ error: "Укажите дату начала." })
      .trim()
      .min(1, { error: "Укажите дату начала.", abort: true })
      .refine(isDate, { error: DATE_FORMAT, abort: true })
      .refine(plausible, "Дата вне допустимого диапазона."),
    validTo: z
      .string()
      .trim()
      .refine((v) => v === "" || isDate(v), { error: DATE_FORMAT, abort: true })
      .refine((v) => v === "" || plausible(v), "Дата вне допустимого диапазона.")
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .default(null),
    /** The order (приказ) of the registry that appoints the coordinator. */
    orderDocumentId: z
      .string()
      .trim()
      .refine((v) => v === "" || uuidFormat.safeParse(v).success, "Выберите документ из списка.")
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .default(null),
    /** Create the person as a user (or give an existing user the role); region admins only. */
    invite: z.boolean().default(false),
    /** The invited user's initial password; ignored without an invitation. */
    password: z.string().max(200, "Пароль должен быть не длиннее 200 символов.").default(""),
  })
  .superRefine((a, ctx) => {
    if (a.validTo !== null && a.validTo < a.validFrom) {
      ctx.addIssue({ code: "custom", path: ["validTo"], message: "Дата окончания не может быть раньше даты начала." });
    }
    if (a.invite && a.email === null) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Укажите электронную почту, чтобы пригласить координатора." });
    }
    if (a.invite && a.password.length < 10) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "Пароль должен быть не короче 10 символов." });
    }
  });
export type TAssignmentCreate = z.infer<typeof ZAssignmentCreate>;

/** The municipality whose registry's orders the form offers. */
export const ZOrderOptionsQuery = z.object({ municipalityId: z.string() });

/** "1", "true", "on" or true (a checkbox of the filter form) → true. */
const flag = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "1" || v === "true" || v === "on")
  .catch(false);

export const ASSIGNMENT_SORTS = ["subject", "role", "personName", "validFrom", "validTo"] as const;

export const ZAssignmentListQuery = listQuery(ASSIGNMENT_SORTS).extend({
  municipalityId: z.uuid().optional().catch(undefined),
  role: z.enum(COORDINATORS).optional().catch(undefined),
  current: flag,
});
export type TAssignmentListQuery = z.infer<typeof ZAssignmentListQuery>;
