/** The count our records give next to the declared one: a difference is a mismatch in scoring. */
export function OfficialCount({ official, declared }: { official: number | undefined; declared: number | null | undefined }) {
  if (official === undefined) return null;
  const differs = declared !== null && declared !== undefined && declared !== official;
  return (
    <p className={differs ? "text-sm font-medium text-destructive" : "text-sm text-muted-foreground"}>
      По данным учёта: {official}
      {differs && ` — указано ${declared}, расхождение с официальными данными`}
    </p>
  );
}
