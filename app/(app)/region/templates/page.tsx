import type { Metadata } from "next";
import Link from "next/link";
import { PageTitle } from "@/components/shell/page-title";
import { ImportTemplateForm } from "@/components/templates/import-template-form";
import { TemplateVersions } from "@/components/templates/template-versions";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { hasAnyRole } from "@/lib/scope";
import { REGION_STAFF, TEMPLATE_EDITORS } from "@/lib/roles";
import { requireScope } from "@/lib/server/auth/with-scope";
import { listTemplates } from "@/lib/server/templates/list-templates";

export const metadata: Metadata = { title: "Шаблоны бланков" };

export default async function TemplatesPage() {
  const scope = await requireScope({ role: REGION_STAFF });
  const templates = await listTemplates({ scope });
  const admin = hasAnyRole(scope, TEMPLATE_EDITORS);
  return (
    <>
      <PageTitle
        title="Шаблоны бланков"
        subtitle={[...new Set(scope.memberships.map((m) => m.scopeName))].join(", ")}
        actions={
          admin && (
            <Button asChild>
              <Link href="/region/templates/new">Новый шаблон</Link>
            </Button>
          )
        }
      />
      {templates.length === 0 && (
        <Card>
          <p className="text-muted-foreground">Шаблонов пока нет.</p>
        </Card>
      )}
      {templates.map((template) => (
        <TemplateVersions key={template.id} template={template} />
      ))}
      {admin && (
        <Card aria-labelledby="import-title">
          <CardTitle id="import-title">Импорт шаблона</CardTitle>
          <ImportTemplateForm />
        </Card>
      )}
    </>
  );
}
