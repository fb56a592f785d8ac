"use server";

import { revalidatePath } from "next/cache";
import { starterContent, ZNewTemplate } from "@/lib/templates/new-template";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { createNextVersion } from "@/lib/server/templates/create-next-version";
import { createTemplate } from "@/lib/server/templates/create-template";
import { publishTemplateVersion } from "@/lib/server/templates/publish-template-version";
import { saveTemplateDraft } from "@/lib/server/templates/save-template-draft";

const ADMIN = { role: ["REGION_ADMIN"] } as const;
const LIST = "/region/templates";

export async function createTemplateAction(input: unknown) {
  return scopedAction(async (data: unknown, scope) => {
    const start = ZNewTemplate.parse(data);
    const template = await createTemplate({
      scope,
      input: { format: "metodaudit.template/v1", ...start, content: starterContent(start.level) },
    });
    revalidatePath(LIST);
    return { versionId: template.versions[0]!.id };
  }, ADMIN)(input);
}

export async function saveTemplateDraftAction(input: unknown) {
  return scopedAction(async (data: unknown, scope) => {
    const saved = await saveTemplateDraft({ scope, input: data });
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${saved.id}`);
    return { revision: saved.revision };
  }, ADMIN)(input);
}

export async function publishTemplateVersionAction(input: { versionId: string }) {
  return scopedAction(async (data: typeof input, scope) => {
    const version = await publishTemplateVersion({ scope, versionId: idParam(data.versionId) });
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${version.id}`);
    return null;
  }, ADMIN)(input);
}

/** Opens the next version of a template: its open draft, or a new draft copy of the newest version. */
export async function createNextVersionAction(input: { templateId: string }) {
  return scopedAction(async (data: typeof input, scope) => {
    const draft = await createNextVersion({ scope, templateId: idParam(data.templateId) });
    revalidatePath(LIST);
    return { versionId: draft.id };
  }, ADMIN)(input);
}
