import type { Metadata } from "next";
import { CampaignPairPicker, MunicipalityPicker, TemplatePicker } from "@/components/dashboard/dynamics-pickers";
import { DynamicsView } from "@/components/dashboard/dynamics-view";
import { PageTitle } from "@/components/shell/page-title";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import { coordinatedMunicipalityIds, hasAnyRole } from "@/lib/scope";
import { REGION_STAFF, SUPERVISORS } from "@/lib/roles";
import { requireScope } from "@/lib/server/auth/with-scope";
import type { MunicipalityDynamics } from "@/lib/domain/dashboard/municipality-dynamics";
import { getMunicipalityDynamics } from "@/lib/server/dashboard/get-municipality-dynamics";
import { listDynamicsMunicipalities } from "@/lib/server/dashboard/list-dynamics-municipalities";
import { idParam, orNotFound } from "@/lib/server/http/params";

export const metadata: Metadata = { title: "Динамика" };

type SearchParams = Record<string, string | string[] | undefined>;

/** A single non-empty query parameter, else nothing (an empty select sends ""). */
const param = (params: SearchParams, name: string): string | undefined => {
  const value = params[name];
  return typeof value === "string" && value.length > 0 ? value : undefined;
};

function NothingToCompare({ dynamics }: { dynamics: MunicipalityDynamics }) {
  const name = dynamics.municipality.name;
  if (dynamics.reason === "NO_TEMPLATE") {
    return <Alert tone="info">МО «{name}» пока не участвовало в кампаниях аудита — сравнивать нечего.</Alert>;
  }
  if (dynamics.reason === "SAME_CAMPAIGN") {
    return <Alert tone="info">Выбрана одна и та же кампания дважды: выберите две разные кампании.</Alert>;
  }
  const only = dynamics.campaigns[0];
  return (
    <Alert tone="info">
      Для сравнения нужны две кампании с этим бланком, а у МО «{name}» пока одна
      {only ? `: «${only.name}» (${formatDate(only.date)})` : ""}. Динамика появится после следующей кампании.
    </Alert>
  );
}

export default async function DynamicsPage(props: { searchParams: Promise<SearchParams> }) {
  const scope = await requireScope({ role: SUPERVISORS });
  const params = await props.searchParams;
  const municipalities = await listDynamicsMunicipalities({ scope });
  const isStaff = hasAnyRole(scope, REGION_STAFF);
  // Staff choose; a coordinator starts at their own municipality.
  const municipalityId = param(params, "municipality") ?? (isStaff ? undefined : coordinatedMunicipalityIds(scope)[0]);
  const showPicker = isStaff || municipalities.length > 1;

  const dynamics = municipalityId
    ? await orNotFound(() => {
        const template = param(params, "template");
        const from = param(params, "from");
        const to = param(params, "to");
        return getMunicipalityDynamics({
          scope,
          municipalityId: idParam(municipalityId),
          templateId: template ? idParam(template) : undefined,
          fromCampaignId: from ? idParam(from) : undefined,
          toCampaignId: to ? idParam(to) : undefined,
        });
      })
    : null;

  return (
    <>
      <PageTitle
        title={dynamics ? `Динамика: ${dynamics.municipality.name}` : "Динамика"}
        subtitle="Один бланк в двух кампаниях: балл тогда и сейчас, устранённые и новые замечания"
      />
      <Card className="space-y-4">
        {showPicker && <MunicipalityPicker municipalities={municipalities} selected={dynamics?.municipality.id ?? null} />}
        {!dynamics && <p>Выберите муниципальное образование, чтобы увидеть его динамику.</p>}
        {dynamics && dynamics.templates.length > 0 && (
          <TemplatePicker
            municipalityId={dynamics.municipality.id}
            templates={dynamics.templates}
            selected={dynamics.template?.id ?? null}
          />
        )}
        {dynamics?.template && dynamics.campaigns.length >= 2 && (
          <CampaignPairPicker
            municipalityId={dynamics.municipality.id}
            templateId={dynamics.template.id}
            campaigns={dynamics.campaigns}
            from={param(params, "from") ?? null}
            to={param(params, "to") ?? null}
          />
        )}
      </Card>
      {dynamics && !dynamics.comparison && <NothingToCompare dynamics={dynamics} />}
      {dynamics?.comparison && dynamics.template && (
        <DynamicsView comparison={dynamics.comparison} perSchool={dynamics.template.level === "SCHOOL"} />
      )}
    </>
  );
}
