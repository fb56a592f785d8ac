/** The statuses an answered item can have, their severity, default recommendation and label. */
export const ITEM_STATUSES = [
  "COMPLIANT",
  "ABSENT",
  "INCOMPLETE_REQUISITES",
  "OUTDATED",
  "MISMATCH",
  "PARTIAL",
  "NOT_APPLICABLE",
  "NOT_ANSWERED",
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export type FindingStatus = Exclude<ItemStatus, "COMPLIANT" | "NOT_APPLICABLE">;
export const FINDING_STATUSES = ITEM_STATUSES.filter((s): s is FindingStatus => s !== "COMPLIANT" && s !== "NOT_APPLICABLE");

export type Severity = "HIGH" | "MEDIUM" | "LOW";

export const SEVERITY_OF: Record<FindingStatus, Severity> = {
  ABSENT: "HIGH",
  MISMATCH: "HIGH",
  INCOMPLETE_REQUISITES: "MEDIUM",
  OUTDATED: "MEDIUM",
  PARTIAL: "MEDIUM",
  NOT_ANSWERED: "LOW",
};

export const SEVERITY_LABELS: Record<Severity, string> = { HIGH: "высокая", MEDIUM: "средняя", LOW: "низкая" };

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  COMPLIANT: "соответствует",
  ABSENT: "отсутствует",
  INCOMPLETE_REQUISITES: "неполные реквизиты",
  OUTDATED: "не обновлён",
  MISMATCH: "не соответствует официальным данным",
  PARTIAL: "соответствует частично",
  NOT_APPLICABLE: "не применимо",
  NOT_ANSWERED: "не заполнено",
};

/** Default recommendations per status; a region may edit its own. */
export const DEFAULT_RECOMMENDATIONS: Record<FindingStatus, string> = {
  ABSENT: "Разработать и утвердить документ (обеспечить наличие сведений), предусмотренный пунктом бланка, и представить его реквизиты.",
  INCOMPLETE_REQUISITES: "Указать полные реквизиты документа: вид, дату и номер.",
  OUTDATED: "Обновить документ: при ежегодном обновлении он должен быть датирован не ранее чем за 12 месяцев до даты аудита.",
  MISMATCH: "Привести представленные сведения в соответствие с официальными данными.",
  PARTIAL: "Устранить замечания аудитора и дополнить представленные сведения.",
  NOT_ANSWERED: "Заполнить пункт бланка соответствия.",
};

/** Compliant counts whole, partial half, everything else nothing. */
export function creditOf(status: ItemStatus): number {
  return status === "COMPLIANT" ? 1 : status === "PARTIAL" ? 0.5 : 0;
}

export function isFinding(status: ItemStatus): status is FindingStatus {
  return status !== "COMPLIANT" && status !== "NOT_APPLICABLE";
}
