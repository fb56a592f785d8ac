import "server-only";
import { AppError, notFound } from "@/lib/errors";
import { readEventTiming } from "@/lib/domain/plans/event-timing";
import { eventKey } from "@/lib/domain/plans/plan-labels";
import { splitResponsible } from "@/lib/domain/plans/responsible";
import type { Scope } from "@/lib/scope";
import type { TPlanEvent } from "@/lib/schemas/plan";
import { db } from "@/lib/server/db/client";
import { citableDocumentWhere } from "@/lib/server/documents/document-access";
import { loadWritablePlan } from "./load-writable-plan";

const asDate = (iso: string | null) => (iso ? new Date(iso) : null);

/**
 * Creates an event of a plan, or changes one (eventId). The timing is kept as
 * written and as read in the plan's context; the responsible text is split into
 * people. A form opened on an older version gets a CONFLICT, never overwrites.
 */
export async function savePlanEvent(options: { scope: Scope; planId: string; eventId?: string; input: TPlanEvent }) {
  const { input } = options;
  return db().$transaction(async (tx) => {
    const plan = await loadWritablePlan({ scope: options.scope, planId: options.planId, tx });
    const existing = options.eventId ? await tx.planEvent.findFirst({ where: { id: options.eventId, planId: plan.id } }) : null;
    if (options.eventId && !existing) throw notFound("Мероприятие не найдено.");
    if (existing && input.updatedAt && existing.updatedAt.toISOString() !== input.updatedAt) {
      throw new AppError("CONFLICT", "Мероприятие уже изменили: откройте его заново — ваши правки остались в форме.");
    }
    const [stage, section, documents, responsibleUser] = await Promise.all([
      input.stageId ? tx.planStage.findFirst({ where: { id: input.stageId, planId: plan.id } }) : null,
      input.sectionId ? tx.planSection.findFirst({ where: { id: input.sectionId, planId: plan.id } }) : null,
      tx.registryDocument.findMany({
        where: { AND: [{ id: { in: input.documentIds } }, { regionId: plan.regionId }, citableDocumentWhere(options.scope)] },
        select: { id: true },
      }),
      input.responsibleUserId
        ? tx.user.findFirst({
            where: {
              id: input.responsibleUserId,
              memberships: {
                some: plan.municipalityId
                  ? { OR: [{ municipalityId: plan.municipalityId }, { regionId: plan.regionId, municipalityId: null }] }
                  : { regionId: plan.regionId },
              },
            },
            select: { id: true },
          })
        : null,
    ]);
    if (input.stageId && !stage) throw new AppError("VALIDATION", "Этап не найден.", { stageId: ["Выберите этап из списка."] });
    if (input.sectionId && !section) throw new AppError("VALIDATION", "Раздел не найден.", { sectionId: ["Выберите раздел из списка."] });
    if (documents.length !== new Set(input.documentIds).size)
      throw new AppError("VALIDATION", "Документ не найден в реестре.", { documentIds: ["Выберите документы из реестра."] });
    if (input.responsibleUserId && !responsibleUser) {
      throw new AppError("VALIDATION", "Пользователь не найден.", {
        responsibleUserId: ["Выберите пользователя муниципалитета или региона."],
      });
    }
    const key = eventKey(input.title);
    const clash = await tx.planEvent.findFirst({
      where: { planId: plan.id, importKey: key, NOT: existing ? { id: existing.id } : undefined },
      select: { id: true },
    });
    if (clash)
      throw new AppError(
        "CONFLICT",
        "Такое мероприятие в плане уже есть.",
        { title: ["Мероприятие с таким названием уже есть в плане."] },
        { existingId: clash.id },
      );

    const timing = readEventTiming(input.timingText, plan.range);
    const data = {
      number: input.number || null,
      title: input.title,
      description: input.description,
      timingText: timing.timingText,
      timingKind: timing.timingKind,
      startsOn: asDate(timing.startsOn),
      endsOn: asDate(timing.endsOn),
      dueDates: timing.dueDates.map((d) => new Date(d)),
      stageId: stage?.id ?? null,
      sectionId: section?.id ?? null,
      responsibleText: input.responsibleText,
      responsiblePeople: splitResponsible(input.responsibleText).people,
      responsibleUserId: responsibleUser?.id ?? null,
      audience: input.audience,
      expectedResult: input.expectedResult,
      evidenceText: input.evidenceText,
      importKey: key,
    };
    // An edit keeps what an import recorded: a linked document's wording as the report had it,
    // and text naming no document at all (the form shows neither as editable).
    const previous = existing ? await tx.planEventDocument.findMany({ where: { eventId: existing.id }, orderBy: { position: "asc" } }) : [];
    const labelOf = new Map(previous.flatMap((d) => (d.documentId ? [[d.documentId, d.label] as const] : [])));
    const links = [
      ...input.documentIds.map((documentId) => ({ documentId, label: labelOf.get(documentId) ?? null })),
      ...input.links.map((url) => ({ url })),
      ...previous.filter((d) => !d.documentId && !d.url).map((d) => ({ label: d.label })),
    ].map((link, i) => ({ ...link, position: i + 1 }));
    if (existing) {
      await tx.planEventDocument.deleteMany({ where: { eventId: existing.id } });
      // Held occurrences survive a timing change only where the due date stays.
      const heldDates = existing.heldDates.filter((d) => timing.dueDates.includes(d.toISOString().slice(0, 10)));
      return tx.planEvent.update({
        where: { id: existing.id },
        data: { ...data, heldDates, documents: { create: links } },
        select: { id: true },
      });
    }
    const last = await tx.planEvent.aggregate({ where: { planId: plan.id }, _max: { position: true } });
    return tx.planEvent.create({
      data: { ...data, planId: plan.id, position: (last._max.position ?? 0) + 1, documents: { create: links } },
      select: { id: true },
    });
  });
}
