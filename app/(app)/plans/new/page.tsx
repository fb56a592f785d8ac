import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { PlanForm } from "@/components/plans/plan-form";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listPlanOwnerOptions } from "@/lib/server/plans/list-plan-owner-options";
import { ALL_ROLES } from "@/lib/roles";

export const metadata: Metadata = { title: "Новый план" };

export default async function NewPlanPage() {
  const scope = await requireScope({ role: ALL_ROLES });
  const owners = await listPlanOwnerOptions({ scope });
  // Auditors read plans only: nobody to create one for.
  if (owners.length === 0) forbidden();
  return (
    <>
      <PageTitle
        crumbs={[{ label: "Планы", href: "/plans" }, { label: "Новый план" }]}
        title="Новый план"
        subtitle="Дорожная карта, программа или план методической работы"
      />
      <Card>
        <PlanForm owners={owners} />
      </Card>
    </>
  );
}
