import "server-only";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { asJson } from "@/lib/server/db/json";
import { templateWhere } from "./template-access";
import { TEMPLATE_EDITORS } from "@/lib/roles";

/**
 * Editing a published template starts the next version as a draft copy of the
 * newest one. An open draft is returned as it is (one draft at a time).
 */
export async function createNextVersion(options: { scope: Scope; templateId: string }) {
  const template = await db().template.findFirst({
    where: { AND: [{ id: options.templateId }, templateWhere(options.scope, TEMPLATE_EDITORS)] },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
  });
  const latest = template?.versions[0];
  if (!template || !latest) throw notFound("Шаблон не найден.");
  if (latest.status === "DRAFT") return latest;
  return db().templateVersion.create({
    data: {
      templateId: template.id,
      version: latest.version + 1,
      status: "DRAFT",
      content: asJson(latest.content),
    },
  });
}
