import type { Metadata } from "next";
import { RecommendationsForm } from "@/components/recommendations/recommendations-form";
import { PageTitle } from "@/components/shell/page-title";
import { Card } from "@/components/ui/card";
import { hasAnyRole } from "@/lib/scope";
import { REGION_ADMINS, REGION_STAFF } from "@/lib/roles";
import { requireScope } from "@/lib/server/auth/with-scope";
import { getRecommendations } from "@/lib/server/recommendations/get-recommendations";

export const metadata: Metadata = { title: "Рекомендации" };

export default async function RecommendationsPage() {
  const scope = await requireScope({ role: REGION_STAFF });
  const texts = await getRecommendations({ scope });
  return (
    <>
      <PageTitle
        title="Рекомендации по замечаниям"
        subtitle="Текст, который получает каждое замечание по умолчанию, по виду несоответствия. Применяется к бланкам, оцененным после сохранения."
      />
      <Card>
        <RecommendationsForm texts={texts} editable={hasAnyRole(scope, REGION_ADMINS)} />
      </Card>
    </>
  );
}
