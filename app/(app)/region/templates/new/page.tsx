import type { Metadata } from "next";
import { PageTitle } from "@/components/shell/page-title";
import { CreateTemplateForm } from "@/components/templates/create-template-form";
import { Card } from "@/components/ui/card";
import { requireScope } from "@/lib/server/auth/with-scope";
import { TEMPLATE_EDITORS } from "@/lib/roles";

export const metadata: Metadata = { title: "Новый шаблон" };

export default async function NewTemplatePage() {
  await requireScope({ role: TEMPLATE_EDITORS });
  return (
    <>
      <PageTitle crumbs={[{ label: "Шаблоны", href: "/region/templates" }, { label: "Новый шаблон" }]} title="Новый шаблон" />
      <Card>
        <CreateTemplateForm />
      </Card>
    </>
  );
}
