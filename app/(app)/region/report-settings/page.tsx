import type { Metadata } from "next";
import { ReportSettingsForm } from "@/components/reports/report-settings-form";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { latestLocalToday } from "@/lib/dates";
import { hasAnyRole } from "@/lib/scope";
import { REGION_ADMINS, REGION_STAFF } from "@/lib/roles";
import { requireScope } from "@/lib/server/auth/with-scope";
import { getReportSettings } from "@/lib/server/reports/get-report-settings";

export const metadata: Metadata = { title: "Оформление отчётов" };

export default async function ReportSettingsPage() {
  const scope = await requireScope({ role: REGION_STAFF });
  const settings = await getReportSettings({ scope });
  return (
    <>
      <PageTitle
        title="Оформление отчётов"
        subtitle={`Шапка каждой страницы отчётов региона «${settings.regionName}» в PDF и DOCX: организация, выпускающая отчёт, её реквизиты и логотип.`}
      />
      <Card>
        <ReportSettingsForm
          settings={{
            regionId: settings.regionId,
            organizationName: settings.organizationName,
            details: settings.details,
            logo: settings.logo,
            isDefault: settings.isDefault,
            logoOwner: settings.logoOwner,
          }}
          today={latestLocalToday()}
          editable={hasAnyRole(scope, REGION_ADMINS)}
        />
      </Card>
    </>
  );
}
