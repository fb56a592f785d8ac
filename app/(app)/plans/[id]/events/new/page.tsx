import type { Metadata } from "next";
import Link from "next/link";
import { EventForm } from "@/components/plans/event-form";
import { eventFormDefaults, loadEventFormOptions } from "@/components/plans/event-form-data";
import { planCrumbs } from "@/components/shell/breadcrumbs";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { requireScope } from "@/lib/server/auth/with-scope";
import { idParam, orNotFound } from "@/lib/server/http/params";
import { getPlan } from "@/lib/server/plans/get-plan";
import { ALL_ROLES } from "@/lib/roles";

export const metadata: Metadata = { title: "Новое мероприятие" };

export default async function NewPlanEventPage(props: { params: Promise<{ id: string }> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const { id } = await props.params;
  const plan = await orNotFound(() => getPlan({ scope, planId: idParam(id) }));
  const options = await loadEventFormOptions(scope, plan);
  return (
    <>
      <PageTitle
        crumbs={[...planCrumbs(plan), { label: "Новое мероприятие" }]}
        title="Новое мероприятие"
        subtitle={
          <Link href={`/plans/${plan.id}`} className="text-primary underline">
            {plan.title}
          </Link>
        }
      />
      <Card>
        <EventForm
          planId={plan.id}
          eventId={null}
          range={{ schoolYear: plan.schoolYear, startsOn: plan.startsOn, endsOn: plan.endsOn }}
          options={options}
          defaults={eventFormDefaults()}
        />
      </Card>
    </>
  );
}
