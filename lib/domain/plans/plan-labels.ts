/** Russian names of plan kinds, event statuses and timing kinds; the roman stage numbers. Pure. */
import type { PlanEventStatus, PlanKind, TimingKind as DbTimingKind } from "@/lib/generated/prisma/enums";
import type { TimingKind } from "./parse-timing";

export const PLAN_KINDS = ["ROADMAP", "PROGRAMME", "METHODICAL_PLAN"] as const satisfies readonly PlanKind[];

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  ROADMAP: "Дорожная карта",
  PROGRAMME: "Программа",
  METHODICAL_PLAN: "План методической работы",
};

export const EVENT_STATUSES = ["PLANNED", "DONE", "CANCELLED"] as const satisfies readonly PlanEventStatus[];

export const EVENT_STATUS_LABELS: Record<PlanEventStatus | "OVERDUE", string> = {
  PLANNED: "Запланировано",
  DONE: "Проведено",
  CANCELLED: "Отменено",
  OVERDUE: "Просрочено",
};

export const TIMING_KIND_LABELS: Record<DbTimingKind, string> = {
  EXACT: "точная дата",
  RANGE: "даты",
  MONTH: "месяц",
  DEADLINE: "срок",
  PERIOD: "период",
  RECURRING: "регулярно",
  UNKNOWN: "не распознано",
};

export const toDbTimingKind = (kind: TimingKind) => kind.toUpperCase() as DbTimingKind;

const ROMAN: Array<[number, string]> = [
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** 1 → "I", 3 → "III": stages are numbered as seed 001 numbers them. */
export function roman(n: number): string {
  let rest = n;
  let out = "";
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** An event's identity across imports of the same plan: its title, without case, quotes, «ё» or spacing. */
export function eventKey(title: string): string {
  return title
    .toLowerCase()
    .replaceAll("ё", "е")
    .replace(/[«»"“”„]/g, "")
    .replace(/[^\p{L}\d]+/gu, " ")
    .trim();
}

/** The title a roadmap created by an import gets: seed 002's wording, the school year «2020/2021» written as the seed writes it. */
export function roadmapPlanTitle(schoolYear: string): string {
  return `Муниципальная дорожная карта на ${schoolYear.replace("/", "-")} учебный год по сопровождению школ с низкими образовательными результатами и/или школ, функционирующих в сложных социальных условиях`;
}

/** A programme stage as the plan heads its events: «I этап (сентябрь – декабрь 2013 г.) — подготовительный этап». */
export function stageHeading(stage: { number: number; timingText: string; title: string }): string {
  const timing = stage.timingText.charAt(0).toLowerCase() + stage.timingText.slice(1);
  return `${roman(stage.number)} этап (${timing}) — ${stage.title}`;
}

/** A numbered section as the plan heads its events: «1. Мероприятия по повышению квалификации…». */
export function sectionHeading(section: { number: string; title: string }): string {
  return `${section.number}. ${section.title}`;
}
