import { MEASURE_LABELS, MEASURES, type Measure } from "@/lib/domain/records/official-measures";

/** The counts the blanks ask for, as the records give them; «нет записей» where none are kept. */
export function OfficialCountsSummary(props: { measures: Record<Measure, number | null> }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[1fr_6rem]">
      {MEASURES.map((m) => (
        <div key={m} className="contents">
          <dt>Число {MEASURE_LABELS[m]}</dt>
          <dd className="font-semibold tabular-nums">{props.measures[m] ?? "нет записей"}</dd>
        </div>
      ))}
    </dl>
  );
}
