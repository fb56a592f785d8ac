import { formatDate } from "@/lib/dates";
import { COORDINATOR_ROLE_LABELS, describePeriod } from "@/lib/schemas/assignment";
import type { AssignmentRow } from "@/lib/server/assignments/list-assignments";
import { columnsFor } from "../columns";
import { FIELD_LABELS as F } from "../field-labels";

const c = columnsFor<AssignmentRow>();

export const ASSIGNMENTS_CAPTION = "Назначения координаторов";

/** «действует», «с 01.09.2027» (not yet) or «завершено», as of `today`. */
export function assignmentStatusText(row: Pick<AssignmentRow, "current" | "validFrom">, today: string): string {
  if (row.current) return "действует";
  return row.validFrom > today ? `с ${formatDate(row.validFrom)}` : "завершено";
}

/** The columns; the status depends on the day it is read. */
export const assignmentColumns = (today: string) => ({
  subject: c.text("Муниципалитет или школа", (a) => a.subject),
  role: c.text(F.CoordinatorAssignment.role, (a) => COORDINATOR_ROLE_LABELS[a.role]),
  personName: c.text(F.CoordinatorAssignment.personName, (a) => a.personName),
  phone: c.text(F.CoordinatorAssignment.phone, (a) => a.phone),
  email: c.text(F.CoordinatorAssignment.email, (a) => a.email),
  validFrom: c.text("Период", describePeriod),
  order: c.text("Приказ", (a) => a.order),
  current: c.text("Статус", (a) => assignmentStatusText(a, today)),
});
