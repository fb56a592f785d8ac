import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import type { CoordinatorCoverage } from "@/lib/server/assignments/get-coordinator-coverage";

const appointHref = (role: "MUNICIPAL_COORDINATOR" | "SCHOOL_COORDINATOR", subjectId: string) =>
  `/region/coordinators/new?role=${role}&subjectId=${subjectId}`;

/** Which municipalities and schools have no current coordinator, with links to their history and to appoint. */
export function CoverageSummary({ coverage }: { coverage: CoordinatorCoverage }) {
  const { municipalities, schools } = coverage;
  const groups = new Map<string, { name: string; schools: CoordinatorCoverage["schools"]["list"] }>();
  for (const school of schools.list) {
    const group = groups.get(school.municipalityId) ?? { name: school.municipalityName, schools: [] };
    group.schools.push(school);
    groups.set(school.municipalityId, group);
  }
  return (
    <Card aria-labelledby="coverage-title">
      <CardTitle id="coverage-title">Покрытие координаторами</CardTitle>
      <p className="text-sm text-muted-foreground">На {formatDate(coverage.today)}.</p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <p className="rounded-md border border-border p-3">
          Муниципалитеты без координатора: <strong className="text-lg">{municipalities.missing}</strong> из {municipalities.total}
        </p>
        <p className="rounded-md border border-border p-3">
          Школы без координатора: <strong className="text-lg">{schools.missing}</strong> из {schools.total}
        </p>
      </div>

      <section aria-labelledby="missing-municipalities" className="mt-6">
        <h3 id="missing-municipalities" className="mb-2 font-semibold">
          Муниципалитеты без действующего координатора
        </h3>
        {municipalities.list.length === 0 ? (
          <p className="text-sm text-muted-foreground">У всех муниципалитетов есть действующий координатор.</p>
        ) : (
          <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {municipalities.list.map((m) => (
              <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/coordinators/${m.id}`} className="text-primary hover:underline">
                  {m.name}
                </Link>
                <Link href={appointHref("MUNICIPAL_COORDINATOR", m.id)} className="text-xs underline hover:no-underline">
                  Назначить<span className="sr-only"> координатора: {m.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="missing-schools" className="mt-6">
        <h3 id="missing-schools" className="mb-2 font-semibold">
          Школы без действующего координатора
        </h3>
        {schools.list.length === 0 ? (
          <p className="text-sm text-muted-foreground">У всех школ есть действующий координатор.</p>
        ) : (
          <details>
            <summary className="cursor-pointer text-sm text-primary">Показать список ({schools.missing})</summary>
            <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {[...groups].map(([municipalityId, group]) => (
                <div key={municipalityId}>
                  <p className="text-sm font-medium">{group.name}</p>
                  <ul className="space-y-0.5 text-sm">
                    {group.schools.map((s) => (
                      <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-2">
                        <Link href={`/coordinators/${s.id}`} className="text-primary hover:underline">
                          {s.name}
                        </Link>
                        <Link href={appointHref("SCHOOL_COORDINATOR", s.id)} className="text-xs underline hover:no-underline">
                          Назначить
                          <span className="sr-only">
                            {" "}
                            координатора: {s.name}, {group.name}
                          </span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
            {schools.list.length < schools.missing && (
              <p className="mt-3 text-sm text-muted-foreground">
                Показаны первые {schools.list.length} из {schools.missing}.
              </p>
            )}
          </details>
        )}
      </section>
    </Card>
  );
}
