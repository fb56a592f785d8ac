import Link from "next/link";
import type { ReactNode } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { cn } from "@/components/ui/cn";
import { formatDate } from "@/lib/dates";
import type { PlanRange } from "@/lib/domain/plans/event-timing";
import { sectionHeading, stageHeading } from "@/lib/domain/plans/plan-labels";
import type { PlanEventView, PlanView } from "@/lib/server/plans/get-plan";
import { EventActions } from "./event-actions";
import { EventStatusBadge } from "./event-status-badge";
import { OccurrenceCheckbox } from "./occurrence-checkbox";
import { describeStoredTiming } from "./stored-timing";

interface Group {
  key: string;
  heading: string | null;
  events: PlanEventView[];
}

/** By programme stage («I этап (сентябрь – декабрь 2013 г.) — подготовительный этап»), by section («1. Мероприятия …») or flat; empty groups are left out. */
function groupEvents(plan: Pick<PlanView, "stages" | "sections">, events: PlanEventView[]): Group[] {
  const by = <T extends { id: string }>(
    parts: T[],
    keyOf: (e: PlanEventView) => string | null,
    heading: (p: T) => string,
    rest: string,
  ): Group[] => {
    const known = new Set(parts.map((p) => p.id));
    return [
      ...parts.map((p) => ({ key: p.id, heading: heading(p), events: events.filter((e) => keyOf(e) === p.id) })),
      { key: "rest", heading: rest, events: events.filter((e) => !known.has(keyOf(e) ?? "")) },
    ].filter((g) => g.events.length > 0);
  };
  if (plan.stages.length) {
    return by(plan.stages, (e) => e.stageId, stageHeading, "Вне этапов");
  }
  if (plan.sections.length) return by(plan.sections, (e) => e.sectionId, sectionHeading, "Вне разделов");
  return events.length ? [{ key: "all", heading: null, events }] : [];
}

function Documents({ event }: { event: PlanEventView }) {
  const labels = event.documents.map((d) => d.label).join(" ");
  const asWritten = event.evidenceText.trim();
  return (
    <div className="space-y-1">
      {event.documents.length > 0 && (
        <ul className="space-y-1">
          {event.documents.map((d) => (
            <li key={d.id}>
              {d.documentId ? (
                <Link href={`/documents/${d.documentId}`} className="text-primary underline">
                  {d.label}
                </Link>
              ) : d.url ? (
                <a href={d.url} target="_blank" rel="noopener noreferrer" className="break-all text-primary underline">
                  {d.label}
                  <span className="sr-only"> (откроется в новой вкладке)</span>
                </a>
              ) : (
                d.label
              )}
            </li>
          ))}
        </ul>
      )}
      {asWritten && event.documents.length === 0 && <p className="whitespace-pre-line">{asWritten}</p>}
      {asWritten && event.documents.length > 0 && asWritten !== labels && (
        <details>
          <summary className="cursor-pointer text-xs text-muted-foreground">Как записано</summary>
          <p className="whitespace-pre-line text-xs">{asWritten}</p>
        </details>
      )}
      {!asWritten && event.documents.length === 0 && <span className="text-muted-foreground">—</span>}
    </div>
  );
}

function Timing({ event, planId, range, canWrite }: { event: PlanEventView; planId: string; range: PlanRange; canWrite: boolean }) {
  const missed = new Set(event.missedDueDates);
  return (
    <div className="space-y-1">
      <p>{event.timingText}</p>
      <p className="text-xs text-muted-foreground">{describeStoredTiming(event, range)}</p>
      {event.timingKind === "RECURRING" && event.dueDates.length > 0 && (
        <ul className="space-y-0.5" aria-label="Сроки">
          {event.dueDates.map((d) => {
            const held = event.heldDates.includes(d);
            return (
              <li key={d}>
                {canWrite && event.status !== "CANCELLED" ? (
                  <OccurrenceCheckbox planId={planId} eventId={event.id} dueDate={d} held={held} missed={missed.has(d)} />
                ) : (
                  <span className="text-sm">
                    <time dateTime={d}>{formatDate(d)}</time>
                    {held ? (
                      " — проведено"
                    ) : missed.has(d) ? (
                      <span className="font-semibold text-destructive"> — просрочено</span>
                    ) : (
                      " — не отмечено"
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Responsible({ event: e }: { event: PlanEventView }) {
  if (!e.responsibleText && !e.responsibleUserName) return <span className="text-muted-foreground">—</span>;
  return (
    <div>
      {e.responsibleText}
      {e.responsibleUserName && <p className="text-xs text-muted-foreground">В системе: {e.responsibleUserName}</p>}
    </div>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p>
      <span className="text-xs font-medium text-muted-foreground">{label}: </span>
      {children}
    </p>
  );
}

/**
 * Five columns that fit a laptop's card: the event (its number first, so it names the row, and
 * sticky when the table scrolls on a phone), its status with what a writer can do right beside
 * it, the timing, who does it for whom with what result, and the documents. Long text wraps.
 */
const HEADERS = ["Мероприятие", "Статус", "Сроки", "Ответственный, аудитория, результат", "Документы"];

/** The plan's events as its document lists them, with what was done; writers mark them held, cancelled or planned again. */
export function PlanEventsTable(props: {
  plan: Pick<PlanView, "id" | "stages" | "sections" | "canWrite" | "schoolYear" | "startsOn" | "endsOn">;
  events: PlanEventView[];
}) {
  const { plan } = props;
  const range: PlanRange = { schoolYear: plan.schoolYear, startsOn: plan.startsOn, endsOn: plan.endsOn };
  const headers = plan.canWrite ? HEADERS.map((h) => (h === "Статус" ? "Статус и действия" : h)) : HEADERS;
  const groups = groupEvents(plan, props.events);
  return (
    <ScrollRegion labelledBy="events-caption" className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption id="events-caption" className="sr-only">
          Мероприятия плана
        </caption>
        <thead className="bg-muted text-left">
          <tr>
            {headers.map((h, index) => (
              <th key={h} scope="col" className={cn("px-3 py-2 font-semibold", index === 0 && "sticky left-0 z-[1] bg-muted")}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key}>
            {group.heading && (
              <tr className="border-t border-border bg-muted/60">
                <th scope="rowgroup" colSpan={headers.length} className="px-3 py-2 text-left font-semibold">
                  {group.heading}
                </th>
              </tr>
            )}
            {group.events.map((e) => (
              <tr key={e.id} id={`event-${e.id}`} className="group scroll-mt-4 border-t border-border align-top">
                <th
                  scope="row"
                  className={cn(
                    "sticky left-0 z-[1] w-64 min-w-44 border-l-4 bg-background px-3 py-2 text-left font-normal shadow-[1px_0_0_var(--color-border)] group-target:bg-amber-50 sm:min-w-64",
                    e.overdue ? "border-l-destructive" : "border-l-transparent",
                  )}
                >
                  <p id={`event-${e.id}-title`} className="font-medium">
                    <span className="tabular-nums">{e.number ?? e.position}</span> {e.title}
                  </p>
                  {e.description && (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs text-muted-foreground">Описание</summary>
                      <p className="mt-1 whitespace-pre-line">{e.description}</p>
                    </details>
                  )}
                </th>
                <td className="min-w-48 space-y-2 px-3 py-2 group-target:bg-amber-50">
                  <EventStatusBadge status={e.status} heldOn={e.heldOn} overdue={e.overdue} />
                  {plan.canWrite && <EventActions planId={plan.id} eventId={e.id} status={e.status} describedBy={`event-${e.id}-title`} />}
                </td>
                <td className="min-w-44 px-3 py-2 group-target:bg-amber-50">
                  <Timing event={e} planId={plan.id} range={range} canWrite={plan.canWrite} />
                </td>
                <td className="min-w-52 space-y-1 whitespace-pre-line px-3 py-2 group-target:bg-amber-50">
                  <Responsible event={e} />
                  {e.audience && <Labelled label="Аудитория">{e.audience}</Labelled>}
                  {e.expectedResult && <Labelled label="Результат">{e.expectedResult}</Labelled>}
                </td>
                <td className="min-w-44 px-3 py-2 group-target:bg-amber-50">
                  <Documents event={e} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
        {groups.length === 0 && (
          <tbody>
            <tr>
              <td colSpan={headers.length} className="px-3 py-6 text-center text-muted-foreground">
                Мероприятий не найдено.
              </td>
            </tr>
          </tbody>
        )}
      </table>
    </ScrollRegion>
  );
}
