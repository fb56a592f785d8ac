import "server-only";
import { AppError } from "@/lib/errors";
import { staffRegionIds, type Scope } from "@/lib/scope";
import type { TTemplateDocument } from "@/lib/schemas/template";
import { db } from "@/lib/server/db/client";
import { asJson } from "@/lib/server/db/json";
import { TEMPLATE_EDITORS } from "@/lib/roles";

/** A region admin starts a template: version 1, a draft until published. */
export async function createTemplate(options: { scope: Scope; regionId?: string; input: TTemplateDocument }) {
  const { input } = options;
  const regions = staffRegionIds(options.scope, TEMPLATE_EDITORS);
  const regionId = options.regionId ?? regions[0];
  if (!regionId || !regions.includes(regionId)) throw new AppError("NOT_FOUND", "Регион не найден.");
  const exists = await db().template.findUnique({ where: { regionId_key: { regionId, key: input.key } } });
  if (exists) {
    throw new AppError("CONFLICT", "Шаблон с таким ключом уже есть.", { key: ["Этот ключ уже занят."] });
  }
  return db().template.create({
    data: {
      regionId,
      key: input.key,
      name: input.name,
      level: input.level,
      versions: { create: { version: 1, status: "DRAFT", content: asJson(input.content) } },
    },
    include: { versions: true },
  });
}
