import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { TAssignmentCreate } from "@/lib/schemas/assignment";
import { db } from "@/lib/server/db/client";
import { canInviteIn, resolveSubjectForWrite } from "./assignment-access";
import { checkPeriod } from "./check-period";
import { inviteCoordinator } from "./invite-coordinator";

/**
 * Appoints the coordinator of a municipality or a school for a period, by an
 * order of the registry. A period starting after the current one's start closes
 * the current one the day before (the history is kept); other overlaps are
 * refused. With `invite`, a region admin also gives the person their account.
 */
export async function createAssignment(options: { scope: Scope; input: TAssignmentCreate }) {
  const { scope } = options;
  const { input } = options;
  const subject = await resolveSubjectForWrite({ scope, role: input.role, subjectId: input.subjectId });

  if (input.invite && !canInviteIn(scope, subject.regionId)) {
    throw new AppError("FORBIDDEN", "Пригласить координатора в систему может только администратор региона.", {
      invite: ["Приглашение доступно только администратору региона."],
    });
  }

  if (input.orderDocumentId) {
    const order = await db().registryDocument.findFirst({
      where: { id: input.orderDocumentId, regionId: subject.regionId, municipalityId: subject.municipalityId, childData: false },
      select: { id: true },
    });
    if (!order) {
      throw new AppError("NOT_FOUND", "Приказ не найден в реестре документов муниципалитета.", {
        orderDocumentId: ["Выберите документ из списка."],
      });
    }
  }

  const period = { validFrom: input.validFrom, validTo: input.validTo };
  // Refuse an overlap before anyone is invited; checked again under the lock below.
  await checkPeriod(db(), subject, period);

  const invited =
    input.invite && input.email
      ? await inviteCoordinator({
          scope,
          role: subject.role,
          subjectId: subject.id,
          email: input.email,
          name: input.personName,
          password: input.password,
        })
      : null;

  return db().$transaction(async (tx) => {
    // One writer per subject and role at a time: the overlap check stays true until commit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`assignment:${subject.role}:${subject.id}`}, 0))`;
    const { predecessor } = await checkPeriod(tx, subject, period);
    if (predecessor) {
      await tx.coordinatorAssignment.update({
        where: { id: predecessor.id },
        data: { validTo: new Date(predecessor.closeOn) },
      });
    }
    const assignment = await tx.coordinatorAssignment.create({
      data: {
        regionId: subject.regionId,
        role: subject.role,
        municipalityId: subject.municipalityId,
        organizationId: subject.organizationId,
        personName: input.personName,
        phone: input.phone,
        email: input.email,
        validFrom: new Date(input.validFrom),
        validTo: input.validTo ? new Date(input.validTo) : null,
        orderDocumentId: input.orderDocumentId,
        userId: invited?.userId ?? null,
        createdById: scope.userId,
      },
      select: { id: true },
    });
    return {
      id: assignment.id,
      subjectId: subject.id,
      closed: predecessor ? { id: predecessor.id, validTo: predecessor.closeOn } : null,
      userId: invited?.userId ?? null,
      userCreated: invited?.created ?? false,
    };
  });
}

export type CreatedAssignment = Awaited<ReturnType<typeof createAssignment>>;
