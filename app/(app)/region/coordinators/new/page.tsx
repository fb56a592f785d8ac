import type { Metadata } from "next";
import Link from "next/link";
import { AssignmentForm, type AssignmentFormInitial } from "@/components/assignments/assignment-form";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { hasAnyRole } from "@/lib/scope";
import { type CoordinatorRole, COORDINATORS, REGION_STAFF, SUPERVISORS } from "@/lib/roles";
import { listAssignmentTargets, type AssignmentTargets } from "@/lib/server/assignments/list-assignment-targets";
import { requireScope } from "@/lib/server/auth/with-scope";

export const metadata: Metadata = { title: "Назначение координатора" };

export default async function NewAssignmentPage(props: { searchParams: Promise<Record<string, string | undefined>> }) {
  const scope = await requireScope({ role: SUPERVISORS });
  const params = await props.searchParams;
  const targets = await listAssignmentTargets({ scope });
  const staff = hasAnyRole(scope, REGION_STAFF);
  return (
    <>
      <PageTitle
        title="Назначение координатора"
        subtitle={
          <Link href={staff ? "/region/coordinators" : "/municipality"} className="text-primary underline">
            {staff ? "Все координаторы" : "К муниципалитету"}
          </Link>
        }
      />
      <Card>
        <AssignmentForm targets={targets} initial={initialOf(targets, params.role, params.subjectId)} />
      </Card>
    </>
  );
}

/** The subject preselected by the coverage's "appoint" links (?role=&subjectId=), if the caller may pick it. */
function initialOf(targets: AssignmentTargets, role: string | undefined, subjectId: string | undefined): AssignmentFormInitial {
  const mayAppointMunicipal = targets.municipalities.some((m) => m.canAppointMunicipal);
  const fallback: CoordinatorRole = mayAppointMunicipal ? "MUNICIPAL_COORDINATOR" : "SCHOOL_COORDINATOR";
  const wanted = (COORDINATORS as readonly string[]).includes(role ?? "") ? (role as CoordinatorRole) : fallback;
  if (wanted === "MUNICIPAL_COORDINATOR" && mayAppointMunicipal) {
    const municipality = targets.municipalities.find((m) => m.id === subjectId && m.canAppointMunicipal);
    return { role: wanted, municipalityId: municipality?.id ?? "", subjectId: municipality?.id ?? "" };
  }
  const school = targets.schools.find((s) => s.id === subjectId);
  const only = targets.municipalities.length === 1 ? targets.municipalities[0]!.id : "";
  return { role: "SCHOOL_COORDINATOR", municipalityId: school?.municipalityId ?? only, subjectId: school?.id ?? "" };
}
