import { formatDate } from "@/lib/dates";

/** «МО, не предоставившие информацию»: known once the deadline has passed. */
export function NotSubmittedList(props: { names: string[]; overdue: boolean; deadline: string }) {
  if (!props.overdue) {
    return <p>Срок сдачи бланков — {formatDate(props.deadline)}: список появится после него.</p>;
  }
  if (props.names.length === 0) return <p>Все участники сдали бланки.</p>;
  return (
    <ol className="list-decimal pl-6" aria-label="МО, не предоставившие информацию">
      {props.names.map((name) => (
        <li key={name}>{name}</li>
      ))}
    </ol>
  );
}
