import "server-only";
import { AppError } from "@/lib/errors";
import { sameJson } from "@/lib/json-equal";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import type { TBlankSave } from "@/lib/schemas/blank";
import { db } from "@/lib/server/db/client";
import { citableDocumentWhere } from "@/lib/server/documents/document-access";
import { claimFile } from "@/lib/server/privacy/internal/claim-file";
import { attachedFileIds, attachedFiles } from "./answer-file-names";
import { FILLABLE_STATUSES, participantWhere } from "./blank-access";
import { recordWrites } from "@/lib/server/audit/record-writes";
import { loadBlankFor } from "./internal/load-blank-for";
import { claimBlank, upsertAnswers, type AnswerWrite } from "./internal/write-answers";
import { recordChanges } from "./internal/record-change";

export const CONFLICT_MESSAGE =
  "Бланк уже изменил другой пользователь. Ваши ответы не потеряны: они остались в форме. Обновите бланк, чтобы увидеть чужие изменения, и сохраните снова.";

/**
 * Saves the participant's answers (autosave and save). Optimistic: the save names
 * the blank version it started from; if someone saved in between, it is refused
 * whole with a conflict and nothing changes. Every changed answer goes to history,
 * and the blank and each answer written to the audit trail. It runs at every pause in the
 * participant's typing, so the transaction is a fixed handful of statements whatever the
 * number of answers (internal/write-answers.ts): the claim, the answers, their history, the trail.
 */
export async function saveBlankAnswers(options: {
  scope: Scope;
  input: TBlankSave;
  /**
   * For an import of a filled Word blank (import-blank-docx.ts): who may save (the participant, or
   * the region's staff on their behalf), the history's note, and the uploaded file the blank keeps.
   */
  imported?: { access: Prisma.BlankWhereInput; note: string; fileId: string };
}): Promise<{ version: number }> {
  const { input, imported } = options;
  const { blank, items } = await loadBlankFor(input.blankId, imported?.access ?? participantWhere(options.scope));
  if (!(FILLABLE_STATUSES as readonly string[]).includes(blank.status)) {
    throw new AppError("CONFLICT", "Бланк отправлен на проверку или принят: менять ответы нельзя.");
  }
  const fieldErrors: Record<string, string[]> = {};
  for (const { itemKey, value } of input.answers) {
    const item = items.get(itemKey);
    if (!item) fieldErrors[`answers.${itemKey}`] = ["Такого пункта в бланке нет."];
    else if (value && value.kind !== item.kind) fieldErrors[`answers.${itemKey}`] = ["Вид ответа не совпадает с пунктом бланка."];
  }
  // An attachment must be a file the participant may read: one just uploaded (it becomes the blank's when saved),
  // one already attached, or a registry document's scan. Whoever reads the blank then reads it by its owner's rule.
  const fileIds = attachedFileIds(input.answers.map((a) => a.value));
  const known = new Map((await attachedFiles(options.scope, fileIds, { attachableOnly: true })).map((f) => [f.id, f]));
  for (const { itemKey, value } of input.answers) {
    if (value?.kind === "DOCUMENT" && value.fileId && !known.has(value.fileId)) {
      fieldErrors[`answers.${itemKey}`] = ["Прикрепите файл PDF, DOCX, JPG или PNG, загруженный для этого бланка."];
    }
  }
  // A registry document must be one of the participant's that the caller may read.
  const documentIds = input.answers.flatMap((a) => (a.value?.kind === "DOCUMENT" && a.value.documentId ? [a.value.documentId] : []));
  if (documentIds.length) {
    const found = new Set(
      (
        await db().registryDocument.findMany({
          where: { AND: [{ id: { in: documentIds }, municipalityId: blank.municipalityId }, citableDocumentWhere(options.scope)] },
          select: { id: true },
        })
      ).map((d) => d.id),
    );
    for (const { itemKey, value } of input.answers) {
      if (value?.kind === "DOCUMENT" && value.documentId && !found.has(value.documentId)) {
        fieldErrors[`answers.${itemKey}`] = ["Документ реестра не найден."];
      }
    }
  }
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "Проверьте ответы.", fieldErrors);

  const existing = new Map(blank.answers.map((a) => [a.itemKey, a]));
  // On a deadline day's burst every connection of the pool can be busy: a save waits its turn (as
  // accepting and marking do) instead of failing after Prisma's default 2 s (P2028).
  return db().$transaction(async (tx) => {
    const at = new Date();
    const nextStatus = blank.status === "NOT_STARTED" ? "IN_PROGRESS" : blank.status;
    const claim = await claimBlank(tx, { blankId: blank.id, version: input.version, status: blank.status, nextStatus, at });
    if (!claim) throw new AppError("CONFLICT", CONFLICT_MESSAGE);

    const writes: AnswerWrite[] = [];
    const claims: Array<{ itemKey: string; fileId: string }> = [];
    const changes = [];
    for (const { itemKey, value, confirm } of input.answers) {
      const before = existing.get(itemKey);
      const changed = !sameJson(before?.value ?? null, value);
      const confirming = (before?.carriedOver ?? false) && (confirm || changed);
      if (!changed && !confirming) continue;
      // A changed answer needs the auditor's look again: its old mark no longer applies.
      writes.push({ itemKey, value, clearMark: changed && !!before?.mark });
      const attached = value?.kind === "DOCUMENT" && value.fileId ? known.get(value.fileId) : undefined;
      if (changed && attached && attached.ownerId === null) claims.push({ itemKey, fileId: attached.id });
      if (changed) changes.push({ itemKey, field: "answer", before: before?.value ?? null, after: value });
      else changes.push({ itemKey, field: "confirmed", before: null, after: true });
      if (changed && before?.mark) {
        changes.push({ itemKey, field: "mark", before: { mark: before.mark, comment: before.markComment }, after: null });
      }
    }
    // One statement for all the answers, one for their history; the trail of the blank and its answers is
    // appended with the transaction's other events (a file claimed) in one INSERT when it ends.
    const answers = await upsertAnswers(tx, { blankId: blank.id, userId: options.scope.userId, at, writes });
    recordWrites(tx, [
      { model: "Blank", events: [claim] },
      { model: "Answer", events: answers },
    ]);
    for (const { itemKey, fileId } of claims) {
      await claimFile(tx, {
        scope: options.scope,
        fileId,
        owner: { kind: "BLANK", id: blank.id, regionId: blank.regionId },
        field: `answers.${itemKey}`,
      });
    }
    // The Word file becomes the blank's, in the same save: a refused save keeps it unclaimed.
    if (imported) {
      const owner = { kind: "BLANK" as const, id: blank.id, regionId: blank.regionId };
      await claimFile(tx, { scope: options.scope, fileId: imported.fileId, owner, field: "fileId" });
    }
    await recordChanges(tx, options.scope, blank.id, changes, imported?.note);
    return { version: input.version + 1 };
  }, SAVE_TRANSACTION);
}

const SAVE_TRANSACTION = { maxWait: 15_000, timeout: 15_000 };
