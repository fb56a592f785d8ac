/** «Кто открывал карточку»: who read the card or downloaded the child's file, and when (Moscow time). */
export function CardReadLog(props: { reads: Array<{ id: string; userName: string; readAt: Date; fileId: string | null }> }) {
  const format = new Intl.DateTimeFormat("ru-RU", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Moscow" });
  if (props.reads.length === 0) return <p className="text-muted-foreground">Карточку ещё никто не открывал.</p>;
  return (
    <ul className="space-y-1 text-sm" aria-label="Кто открывал карточку">
      {props.reads.map((r) => (
        <li key={r.id}>
          <time dateTime={r.readAt.toISOString()}>{format.format(r.readAt)}</time> — {r.userName}
          {r.fileId && <span className="text-muted-foreground"> (скачан файл ребёнка)</span>}
        </li>
      ))}
    </ul>
  );
}
