import { describePeriod } from "@/lib/schemas/assignment";
import type { AssignmentHistory as History } from "@/lib/server/assignments/get-assignment-history";
import { AssignmentStatus } from "./assignment-status";

/** The appointments of one municipality or school, newest first. */
export function AssignmentHistory({ history, today }: { history: History; today: string }) {
  if (history.assignments.length === 0) {
    return <p className="text-muted-foreground">Координатор ещё не назначался.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-md border border-border bg-background">
      <table className="w-full text-sm">
        <caption className="sr-only">История назначений: {history.subject.name}</caption>
        <thead className="bg-muted">
          <tr>
            {["Координатор", "Телефон", "Электронная почта", "Период", "Приказ", "Статус"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-left font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {history.assignments.map((a) => (
            <tr key={a.id} className="border-t border-border">
              <td className="px-3 py-2 align-top">
                {a.personName}
                {a.hasAccount && <span className="block text-xs text-muted-foreground">есть вход в систему</span>}
              </td>
              <td className="px-3 py-2 align-top">{a.phone ?? "—"}</td>
              <td className="px-3 py-2 align-top">
                {a.email ? (
                  <a href={`mailto:${a.email}`} className="text-primary underline">
                    {a.email}
                  </a>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2 align-top">{describePeriod(a)}</td>
              <td className="px-3 py-2 align-top">
                {a.order ? (
                  <>
                    {a.order.requisites}
                    {a.order.title && <span className="block text-xs text-muted-foreground">«{a.order.title}»</span>}
                  </>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2 align-top">
                <AssignmentStatus current={a.current} validFrom={a.validFrom} today={today} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
