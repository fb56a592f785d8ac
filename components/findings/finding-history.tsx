import { FINDING_ACTION_LABELS, REMEDIATION_STATUS_LABELS, type FindingAction } from "@/lib/schemas/finding";
import type { FindingEventView } from "@/lib/server/findings/get-finding";

const when = (date: Date) => date.toLocaleString("ru-RU", { timeZone: "Europe/Moscow" });

/** The remediation history of a finding, oldest first: who, when, what, with which comment and file. */
export function FindingHistory({ events }: { events: FindingEventView[] }) {
  if (events.length === 0) return <p className="text-muted-foreground">Действий по замечанию ещё не было.</p>;
  return (
    <ol className="space-y-3" aria-label="История устранения">
      {events.map((e) => (
        <li key={e.id} className="border-l-2 border-border pl-3 text-sm">
          <p>
            <span className="font-medium">{FINDING_ACTION_LABELS[e.action as FindingAction] ?? e.action}</span>
            {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
              <>
                {" "}
                ({REMEDIATION_STATUS_LABELS[e.fromStatus]} → {REMEDIATION_STATUS_LABELS[e.toStatus]})
              </>
            )}
          </p>
          <p className="text-xs text-muted-foreground">
            <time dateTime={e.createdAt.toISOString()}>{when(e.createdAt)}</time>, {e.userName}
          </p>
          {e.comment && <p className="mt-1 whitespace-pre-line">{e.comment}</p>}
          {e.file && (
            <p className="mt-1">
              Документ:{" "}
              <a className="text-primary underline" href={`/api/files/${e.file.id}`}>
                {e.file.name}
              </a>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
