import "server-only";
import { answersToApply } from "@/lib/domain/blanks/docx-import/preview";
import type { Scope } from "@/lib/scope";
import type { TBlankDocxImport } from "@/lib/schemas/blank";
import { db } from "@/lib/server/db/client";
import { importerWhere, participantWhere } from "./blank-access";
import { previewBlankDocx } from "./preview-blank-docx";
import { saveBlankAnswers } from "./save-blank-answers";

/**
 * Applies a filled Word blank the caller uploaded and previewed: the stored file is read again
 * here (never the browser's idea of it), and its new and changed answers — of the items kept,
 * when named — are ONE save through the autosave's path: the version the preview showed or a
 * conflict with nothing changed, each answer's history noting «загружено из Word: <file>», the
 * file attached to the blank. The region's staff import on the participant's behalf, which the
 * history says; having filled the blank, they leave its review to another (review-duty.ts).
 */
export async function importBlankDocx(options: { scope: Scope; input: TBlankDocxImport }): Promise<{ version: number; applied: number }> {
  const { scope, input } = options;
  const { preview, fileName } = await previewBlankDocx({ scope, blankId: input.blankId, source: { fileId: input.fileId } });
  const answers = answersToApply(preview, input.itemKeys).map((a) => ({ ...a, confirm: false }));
  const participant = await db().blank.count({ where: { AND: [{ id: input.blankId }, participantWhere(scope)] } });
  const note = `загружено из Word: ${fileName}${participant ? "" : `; ${staffTitle(scope)} ${scope.name} от имени участника`}`;
  const { version } = await saveBlankAnswers({
    scope,
    input: { blankId: input.blankId, version: input.version, answers },
    imported: { access: importerWhere(scope), note, fileId: input.fileId },
  });
  return { version, applied: answers.length };
}

const staffTitle = (scope: Scope) => (scope.memberships.some((m) => m.role === "REGION_AUDITOR") ? "аудитор" : "администратор");
