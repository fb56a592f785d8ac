"use server";

import { revalidatePath } from "next/cache";
import { TEMPLATE_EDITORS } from "@/lib/roles";
import { ZTemplateDraftSave, ZTemplateRef, ZTemplateVersionRef } from "@/lib/schemas/template";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { createNextVersion } from "@/lib/server/templates/create-next-version";
import { createTemplate } from "@/lib/server/templates/create-template";
import { publishTemplateVersion } from "@/lib/server/templates/publish-template-version";
import { saveTemplateDraft } from "@/lib/server/templates/save-template-draft";
import { starterContent, ZNewTemplate } from "@/lib/domain/templates/new-template";

const EDITORS = { role: TEMPLATE_EDITORS };
const LIST = "/region/templates";

export const createTemplateAction = scopedAction(ZNewTemplate, EDITORS, async (start, scope) => {
  const template = await createTemplate({
    scope,
    input: { format: "metodaudit.template/v1", ...start, content: starterContent(start.level) },
  });
  revalidatePath(LIST);
  return { versionId: template.versions[0]!.id };
});

export const saveTemplateDraftAction = scopedAction(ZTemplateDraftSave, EDITORS, async (input, scope) => {
  const saved = await saveTemplateDraft({ scope, input });
  revalidatePath(LIST);
  revalidatePath(`${LIST}/${saved.id}`);
  return { revision: saved.revision };
});

export const publishTemplateVersionAction = scopedAction(ZTemplateVersionRef, EDITORS, async (input, scope) => {
  const version = await publishTemplateVersion({ scope, versionId: idParam(input.versionId) });
  revalidatePath(LIST);
  revalidatePath(`${LIST}/${version.id}`);
  return null;
});

/** Opens the next version of a template: its open draft, or a new draft copy of the newest version. */
export const createNextVersionAction = scopedAction(ZTemplateRef, EDITORS, async (input, scope) => {
  const draft = await createNextVersion({ scope, templateId: idParam(input.templateId) });
  revalidatePath(LIST);
  return { versionId: draft.id };
});
