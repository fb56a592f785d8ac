/** A legend in HTML under a chart: coloured swatches (decorative) with their meaning in words. */
export function ChartLegend(props: { entries: { color: string; label: string; dashed?: boolean }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-label="Условные обозначения">
      {props.entries.map((entry) => (
        <li key={entry.label} className="flex items-center gap-2">
          <span
            aria-hidden="true"
            className="inline-block h-3 w-5 rounded-sm"
            style={entry.dashed ? { borderTop: `2px dashed ${entry.color}`, height: 0 } : { backgroundColor: entry.color }}
          />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}
