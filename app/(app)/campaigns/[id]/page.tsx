import type { Metadata } from "next";
import Link from "next/link";
import { ParticipantsTable } from "@/components/campaigns/participants-table";
import { FromPreviousForm } from "@/components/campaigns/from-previous-form";
import { campaignCrumbs } from "@/components/shell/breadcrumbs";
import { PageTitle } from "@/components/shell/page-title";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import { hasAnyRole } from "@/lib/scope";
import { ALL_ROLES, CAMPAIGN_MANAGERS, SUPERVISORS } from "@/lib/roles";
import type { BlankStatus } from "@/lib/schemas/blank";
import { ZParticipantListQuery } from "@/lib/schemas/campaign";
import { requireScope } from "@/lib/server/auth/with-scope";
import { getCampaign } from "@/lib/server/campaigns/get-campaign";
import { listCampaignParticipants } from "@/lib/server/campaigns/list-campaign-participants";
import { idParam, orNotFound } from "@/lib/server/http/params";

export const metadata: Metadata = { title: "Кампания" };

export default async function CampaignPage(props: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const scope = await requireScope({ role: ALL_ROLES });
  const { id } = await props.params;
  const campaign = await orNotFound(() => getCampaign({ scope, id: idParam(id) }));
  const query = ZParticipantListQuery.parse(await props.searchParams);
  const participants = await listCampaignParticipants({ scope, campaignId: campaign.id, ...query });
  const count = (statuses: BlankStatus[]) => statuses.reduce((sum, status) => sum + campaign.statusCounts[status], 0);
  return (
    <>
      <PageTitle
        crumbs={campaignCrumbs(scope, campaign)}
        title={campaign.name}
        subtitle={`Дата: ${formatDate(campaign.date)} · срок сдачи бланков: ${formatDate(campaign.deadline)}`}
      />
      <Card>
        {campaign.goal && (
          <p className="mb-3">
            <span className="font-semibold">Цель: </span>
            {campaign.goal}
          </p>
        )}
        {campaign.tasks.length > 0 && (
          <>
            <p className="font-semibold">Задачи:</p>
            <ul className="mb-3 list-disc pl-6">
              {campaign.tasks.map((task) => (
                <li key={task}>{task}</li>
              ))}
            </ul>
          </>
        )}
        {hasAnyRole(scope, SUPERVISORS) && (
          <p className="mb-2">
            <Link href={`/campaigns/${campaign.id}/dashboard`} className="text-primary underline">
              Результаты: баллы, типичные ошибки, не предоставившие информацию
            </Link>
          </p>
        )}
        <p>
          Бланков: {campaign.blanks}; сдано: {count(["SUBMITTED", "ACCEPTED"])}; принято: {count(["ACCEPTED"])}; на доработке:{" "}
          {count(["RETURNED"])}.
        </p>
        {campaign.previousCampaign && (
          <p className="mt-2 text-sm">
            Продолжает кампанию{" "}
            <Link href={`/campaigns/${campaign.previousCampaign.id}`} className="text-primary underline">
              {campaign.previousCampaign.name}
            </Link>
          </p>
        )}
      </Card>
      {campaign.overdue && (
        <Card>
          <CardTitle>МО, не предоставившие информацию</CardTitle>
          {campaign.notSubmitted.length === 0 ? (
            <p>Все участники сдали бланки.</p>
          ) : (
            <ol className="list-decimal pl-6" aria-label="МО, не предоставившие информацию">
              {campaign.notSubmitted.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ol>
          )}
        </Card>
      )}
      <Card>
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <CardTitle>Участники</CardTitle>
          <Link href={`/blanks?campaignId=${campaign.id}`} className="text-sm text-primary underline">
            Все бланки кампании в списке бланков: поиск, фильтры, выгрузка
          </Link>
        </div>
        <ParticipantsTable page={participants} />
      </Card>
      {hasAnyRole(scope, CAMPAIGN_MANAGERS) && (
        <Card>
          <CardTitle>Новая кампания на основе этой</CardTitle>
          <FromPreviousForm previousCampaignId={campaign.id} previousName={campaign.name} />
        </Card>
      )}
    </>
  );
}
