import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/plans/event-form";
import { eventFormDefaults, loadEventFormOptions } from "@/components/plans/event-form-data";
import { planCrumbs } from "@/components/shell/breadcrumbs";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { requireScope } from "@/lib/server/auth/with-scope";
import { idParam, orNotFound } from "@/lib/server/http/params";
import { getPlan } from "@/lib/server/plans/get-plan";
import { ALL_ROLES } from "@/lib/roles";

export const metadata: Metadata = { title: "Мероприятие" };

export default async function PlanEventPage(props: { params: Promise<{ id: string; eventId: string }> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const { id, eventId } = await props.params;
  const plan = await orNotFound(() => getPlan({ scope, planId: idParam(id) }));
  const event = plan.events.find((e) => e.id === eventId);
  if (!event) notFound();
  const options = await loadEventFormOptions(scope, plan, event);
  return (
    <>
      <PageTitle
        crumbs={[...planCrumbs(plan), { label: event.title }]}
        title="Изменение мероприятия"
        subtitle={
          <Link href={`/plans/${plan.id}#event-${event.id}`} className="text-primary underline">
            {plan.title}
          </Link>
        }
      />
      <Card>
        <EventForm
          planId={plan.id}
          eventId={event.id}
          range={{ schoolYear: plan.schoolYear, startsOn: plan.startsOn, endsOn: plan.endsOn }}
          options={options}
          defaults={eventFormDefaults(event)}
        />
      </Card>
    </>
  );
}
