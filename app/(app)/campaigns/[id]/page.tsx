import type { Metadata } from "next";
import Link from "next/link";
import { BlankStatusBadge } from "@/components/blanks/blank-status-badge";
import { FromPreviousForm } from "@/components/campaigns/from-previous-form";
import { PageTitle } from "@/components/shell/page-title";
import { Card, CardTitle } from "@/components/ui/card";
import { DASHBOARD_ROLES } from "@/lib/dashboard/dashboard-roles";
import { formatDate } from "@/lib/dates";
import { hasAnyRole, ROLES } from "@/lib/scope";
import { requireScope } from "@/lib/server/auth/with-scope";
import { CAMPAIGN_MANAGERS } from "@/lib/server/campaigns/campaign-access";
import { getCampaign } from "@/lib/server/campaigns/get-campaign";
import { idParam, orNotFound } from "@/lib/server/http/params";

export const metadata: Metadata = { title: "Кампания" };

export default async function CampaignPage(props: { params: Promise<{ id: string }> }) {
  const scope = await requireScope({ role: ROLES });
  const { id } = await props.params;
  const campaign = await orNotFound(() => getCampaign({ scope, id: idParam(id) }));
  const count = (statuses: string[]) => campaign.participants.filter((p) => statuses.includes(p.status)).length;
  return (
    <>
      <PageTitle
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
        {hasAnyRole(scope, DASHBOARD_ROLES) && (
          <p className="mb-2">
            <Link href={`/campaigns/${campaign.id}/dashboard`} className="text-primary underline">
              Результаты: баллы, типичные ошибки, не предоставившие информацию
            </Link>
          </p>
        )}
        <p>
          Бланков: {campaign.participants.length}; сдано: {count(["SUBMITTED", "ACCEPTED"])}; принято: {count(["ACCEPTED"])}; на
          доработке: {count(["RETURNED"])}.
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
        <CardTitle>Участники</CardTitle>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Участники кампании и статусы бланков</caption>
            <thead className="bg-muted text-left">
              <tr>
                <th scope="col" className="px-3 py-2">Муниципальное образование</th>
                <th scope="col" className="px-3 py-2">Школа</th>
                <th scope="col" className="px-3 py-2">Бланк</th>
                <th scope="col" className="px-3 py-2">Статус</th>
              </tr>
            </thead>
            <tbody>
              {campaign.participants.map((p) => (
                <tr key={p.blankId} className="border-t border-border">
                  <td className="px-3 py-2">{p.municipality}</td>
                  <td className="px-3 py-2">{p.school ?? "—"}</td>
                  <td className="px-3 py-2">
                    <Link href={`/blanks/${p.blankId}`} className="text-primary hover:underline">
                      {p.template}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <BlankStatusBadge status={p.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
