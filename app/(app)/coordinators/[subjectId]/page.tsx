import type { Metadata } from "next";
import Link from "next/link";
import { AssignmentHistory } from "@/components/assignments/assignment-history";
import { PageTitle } from "@/components/shell/page-title";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { hasAnyRole } from "@/lib/scope";
import { ALL_ROLES, REGION_STAFF, SUPERVISORS } from "@/lib/roles";
import { assignmentToday, COORDINATOR_ROLE_LABELS } from "@/lib/schemas/assignment";
import { getAssignmentHistory } from "@/lib/server/assignments/get-assignment-history";
import { requireScope } from "@/lib/server/auth/with-scope";
import { idParam, orNotFound } from "@/lib/server/http/params";

export const metadata: Metadata = { title: "Координаторы" };

export default async function CoordinatorHistoryPage(props: { params: Promise<{ subjectId: string }> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const { subjectId } = await props.params;
  const today = assignmentToday();
  const history = await orNotFound(() => getAssignmentHistory({ scope, subjectId: idParam(subjectId), today }));
  const { subject } = history;
  const isSchool = subject.kind === "SCHOOL";
  const cardHref = isSchool ? `/organizations/${subject.id}` : `/municipalities/${subject.id}`;
  const canOpenCard = isSchool || hasAnyRole(scope, SUPERVISORS);
  return (
    <>
      <PageTitle
        title={`Координаторы: ${isSchool ? `${subject.name} (${subject.municipalityName})` : subject.name}`}
        subtitle={
          <>
            {COORDINATOR_ROLE_LABELS[subject.role]}
            {canOpenCard && (
              <>
                {" · "}
                <Link href={cardHref} className="text-primary underline">
                  {isSchool ? "Карточка школы" : "Карточка муниципалитета"}
                </Link>
              </>
            )}
            {hasAnyRole(scope, REGION_STAFF) && (
              <>
                {" · "}
                <Link href="/region/coordinators" className="text-primary underline">
                  Все координаторы
                </Link>
              </>
            )}
          </>
        }
        actions={
          history.canAppoint && (
            <Button asChild>
              <Link href={`/region/coordinators/new?role=${subject.role}&subjectId=${subject.id}`}>Назначить координатора</Link>
            </Button>
          )
        }
      />
      <Card aria-labelledby="history-title">
        <CardTitle id="history-title">История назначений</CardTitle>
        <AssignmentHistory history={history} today={today} />
      </Card>
    </>
  );
}
