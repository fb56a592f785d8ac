import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatDate } from "@/lib/dates";
import type { PlanEventView } from "@/lib/server/plans/get-plan";
import { monthLabel, monthOf, monthsBetween, schoolYearLabel, schoolYearMonths, schoolYearOf } from "./months";

/** A plan longer than this is shown one school year at a time. */
const MAX_MONTHS = 36;

type State = "planned" | "done" | "cancelled" | "overdue";

interface Mark {
  kind: "span" | "deadline" | "due";
  date?: string;
  state: State;
}

const STATE_WORDS: Record<State, string> = { planned: "в плане", done: "проведено", cancelled: "отменено", overdue: "просрочено" };
const STATE_SYMBOLS: Record<State, string> = { planned: "", done: "✓", cancelled: "×", overdue: "!" };
const STATE_TONES: Record<State, string> = {
  planned: "bg-primary text-white",
  done: "bg-green-700 text-white",
  cancelled: "bg-slate-200 text-slate-800",
  overdue: "bg-destructive text-white",
};

const stateOf = (e: PlanEventView): State =>
  e.status === "DONE" ? "done" : e.status === "CANCELLED" ? "cancelled" : e.overdue ? "overdue" : "planned";

/** Month → the event's marks there; null when its timing gives no dates. */
function marksOf(e: PlanEventView): Map<string, Mark[]> | null {
  const marks = new Map<string, Mark[]>();
  const add = (month: string, mark: Mark) => marks.set(month, [...(marks.get(month) ?? []), mark]);
  const state = stateOf(e);
  if (e.timingKind === "UNKNOWN") return null;
  if (e.timingKind === "RECURRING") {
    if (e.dueDates.length === 0) return null;
    for (const d of e.dueDates) {
      const held = e.heldDates.includes(d);
      const dueState: State =
        e.status === "CANCELLED"
          ? "cancelled"
          : held || e.status === "DONE"
            ? "done"
            : e.missedDueDates.includes(d)
              ? "overdue"
              : "planned";
      add(monthOf(d), { kind: "due", date: d, state: dueState });
    }
    return marks;
  }
  if (e.timingKind === "DEADLINE") {
    if (!e.endsOn) return null;
    add(monthOf(e.endsOn), { kind: "deadline", date: e.endsOn, state });
    return marks;
  }
  const start = e.startsOn ?? e.endsOn;
  const end = e.endsOn ?? e.startsOn;
  if (!start || !end) return null;
  for (const month of monthsBetween(start, end)) add(month, { kind: "span", state });
  return marks;
}

function Cell({ marks }: { marks: Mark[] }) {
  return (
    <div className="flex flex-wrap gap-0.5">
      {marks.map((m, i) => {
        const words = m.kind === "span" ? STATE_WORDS[m.state] : `срок ${formatDate(m.date)}, ${STATE_WORDS[m.state]}`;
        if (m.kind === "due") {
          return (
            <span
              key={i}
              className={cn(
                "inline-flex h-5 min-w-5 items-center justify-center rounded-full px-1 text-xs font-semibold",
                STATE_TONES[m.state],
              )}
            >
              <span aria-hidden="true">{STATE_SYMBOLS[m.state] || "○"}</span>
              <span className="sr-only">{words}</span>
            </span>
          );
        }
        return (
          <span
            key={i}
            className={cn("flex h-5 w-full min-w-10 items-center justify-center rounded-sm text-xs font-semibold", STATE_TONES[m.state])}
          >
            <span aria-hidden="true">
              {m.kind === "deadline" ? "срок" : ""}
              {STATE_SYMBOLS[m.state] && ` ${STATE_SYMBOLS[m.state]}`}
            </span>
            <span className="sr-only">{words}</span>
          </span>
        );
      })}
    </div>
  );
}

function Legend() {
  const items: Array<[string, string, string]> = [
    ["planned", "", "идёт по плану (полоса — месяцы мероприятия, «срок» — месяц крайнего срока)"],
    ["done", "✓", "проведено"],
    ["overdue", "!", "просрочено"],
    ["cancelled", "×", "отменено"],
    ["planned", "○", "срок регулярного мероприятия (кружок — один срок)"],
  ];
  return (
    <div className="text-sm">
      <p className="font-medium">Условные обозначения</p>
      <ul className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        {items.map(([state, symbol, text]) => (
          <li key={text} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className={cn(
                "inline-flex h-5 min-w-8 items-center justify-center rounded-sm px-1 text-xs font-semibold",
                STATE_TONES[state as State],
              )}
            >
              {symbol}
            </span>
            {text}
          </li>
        ))}
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="inline-block h-5 w-8 rounded-sm border border-amber-500 bg-amber-100" />
          текущий месяц
        </li>
      </ul>
    </div>
  );
}

/**
 * The plan's events by month over its range, widened to whole school years
 * (September to August): one row per event, a column per month. A plan longer
 * than three years is shown a school year at a time (?year= the year of its
 * September). Events whose timing gives no dates are listed under the table.
 */
export function PlanTimeline(props: {
  planId: string;
  startsOn: string;
  endsOn: string;
  today: string;
  events: PlanEventView[];
  /** ?year= as given. */
  year?: string;
  /** The page's other query parameters, kept in the year links. */
  query: Record<string, string>;
}) {
  const all = schoolYearMonths(props.startsOn, props.endsOn);
  const paged = all.length > MAX_MONTHS;
  const years = [...new Set(all.map(schoolYearOf))];
  const thisYear = schoolYearOf(monthOf(props.today));
  const year = paged ? (years.find((y) => String(y) === props.year) ?? (years.includes(thisYear) ? thisYear : years[0]!)) : null;
  const months = year === null ? all : all.filter((m) => schoolYearOf(m) === year);
  const current = monthOf(props.today);
  const visible = new Set(months);

  const dated = props.events.map((e) => ({ event: e, marks: marksOf(e) }));
  const unknown = dated.filter((d) => d.marks === null).map((d) => d.event);
  const withMarks = dated.filter((d): d is { event: PlanEventView; marks: Map<string, Mark[]> } => d.marks !== null);
  const rows = withMarks.filter((d) => [...d.marks.keys()].some((m) => visible.has(m)));
  const outside = paged ? [] : withMarks.filter((d) => !rows.includes(d)).map((d) => d.event);
  const yearHref = (y: number) =>
    `/plans/${props.planId}?${new URLSearchParams({ ...props.query, view: "timeline", year: String(y) }).toString()}`;

  return (
    <div className="space-y-4">
      {paged && (
        <nav aria-label="Учебные годы плана" className="flex flex-wrap items-center gap-2 text-sm">
          <span>Учебный год:</span>
          {years.map((y) => (
            <Link
              key={y}
              href={yearHref(y)}
              aria-current={y === year ? "page" : undefined}
              className={cn(
                "rounded-md border border-border px-2 py-1",
                y === year ? "bg-primary text-primary-foreground" : "text-primary hover:underline",
              )}
            >
              {schoolYearLabel(y)}
            </Link>
          ))}
        </nav>
      )}
      <ScrollRegion labelledBy="timeline-caption" className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption id="timeline-caption" className="sr-only">
            Мероприятия по месяцам{year === null ? "" : `, ${schoolYearLabel(year)} учебный год`}
          </caption>
          <thead className="bg-muted">
            <tr>
              <th scope="col" className="sticky left-0 z-10 min-w-40 bg-muted sm:min-w-64 px-3 py-2 text-left font-semibold">
                Мероприятие
              </th>
              {months.map((m) => (
                <th
                  key={m}
                  scope="col"
                  aria-current={m === current ? "date" : undefined}
                  className={cn("px-1 py-2 text-center font-semibold", m === current && "bg-amber-100 outline outline-1 outline-amber-500")}
                >
                  <MonthLabel month={m} />
                  {m === current && <span className="sr-only"> (текущий месяц)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ event: e, marks }) => (
              <tr key={e.id} className="border-t border-border">
                <th
                  scope="row"
                  className={cn(
                    "sticky left-0 z-10 max-w-48 bg-background sm:max-w-80 px-3 py-2 text-left font-normal",
                    e.overdue && "font-semibold text-destructive",
                  )}
                >
                  <Link href={`/plans/${props.planId}?view=table#event-${e.id}`} className="hover:underline">
                    {e.number ? `${e.number}. ` : ""}
                    {e.title}
                  </Link>
                  {e.overdue && <span className="sr-only"> (просрочено)</span>}
                </th>
                {months.map((m) => (
                  <td key={m} className={cn("px-1 py-2 align-middle", m === current && "bg-amber-50")}>
                    {marks.get(m) && <Cell marks={marks.get(m)!} />}
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={months.length + 1} className="px-3 py-6 text-center text-muted-foreground">
                  {year === null ? "Мероприятий с распознанными сроками нет." : `В ${schoolYearLabel(year)} учебном году мероприятий нет.`}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </ScrollRegion>
      <Legend />
      {unknown.length > 0 && <EventList title="Сроки не распознаны" events={unknown} planId={props.planId} />}
      {outside.length > 0 && <EventList title="Сроки вне периода плана" events={outside} planId={props.planId} />}
    </div>
  );
}

/** «сен» over «2020»: a narrow column, so a school year fits a laptop's card; read aloud as «сен 2020». */
function MonthLabel({ month }: { month: string }) {
  const [name, year] = monthLabel(month).split(" ");
  return (
    <>
      {name} <span className="block text-xs font-normal text-muted-foreground">{year}</span>
    </>
  );
}

function EventList(props: { title: string; events: PlanEventView[]; planId: string }) {
  return (
    <div className="text-sm">
      <p className="font-medium">{props.title}:</p>
      <ul className="mt-1 list-disc space-y-1 pl-6">
        {props.events.map((e) => (
          <li key={e.id}>
            <Link href={`/plans/${props.planId}?view=table#event-${e.id}`} className="text-primary hover:underline">
              {e.title}
            </Link>{" "}
            — «{e.timingText}»
          </li>
        ))}
      </ul>
    </div>
  );
}
