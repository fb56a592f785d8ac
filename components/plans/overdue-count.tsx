/** A count of overdue events: above zero it is said in words and in the destructive colour. */
export function OverdueCount({ value }: { value: number }) {
  if (value === 0) return <span className="tabular-nums">0</span>;
  return (
    <span className="font-semibold text-destructive tabular-nums">
      {value} <span className="text-xs font-medium">— просрочено</span>
    </span>
  );
}
