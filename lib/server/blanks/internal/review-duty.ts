import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { BlankStatus } from "@/lib/schemas/blank";
import { OWN_WORK_MESSAGE } from "@/lib/domain/separation-of-duties";

type RawClient = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * Whether the user worked on blank `b` as its participant: submitted it last, or
 * ever changed or confirmed an answer or sent it for review (its history). One
 * probe of the history's (blankId, …) index, whose rows for a blank are few.
 */
const workedOn = (userId: string) => Prisma.sql`(
  b."submittedById" IS NOT DISTINCT FROM ${userId}::uuid
  OR EXISTS (
    SELECT 1 FROM "AnswerChange" c
     WHERE c."blankId" = b.id AND c."userId" = ${userId}::uuid
       AND (c.field IN ('answer', 'confirmed') OR (c.field = 'status' AND c.after = '"SUBMITTED"'::jsonb))
  )
)`;

/** For the blank page: the caller filled or submitted this blank, so its review is someone else's. */
export async function hasWorkedOnBlank(client: RawClient, blankId: string, userId: string): Promise<boolean> {
  const [row] = await client.$queryRaw<Array<{ workedOn: boolean }>>`
    SELECT ${workedOn(userId)} AS "workedOn" FROM "Blank" b WHERE b.id = ${blankId}::uuid`;
  return row?.workedOn ?? false;
}

/**
 * Takes the blank's row for a reviewer's action (mark, return, accept), which every such
 * action and every participant's save take first: the status read here stays true until
 * commit, and the participant cannot change an answer in between. Refuses a blank in
 * another status (CONFLICT, with `conflict`) and a reviewer who worked on it (FORBIDDEN).
 */
export async function lockBlankForReview(
  tx: RawClient,
  options: { blankId: string; scope: Scope; statuses: readonly BlankStatus[]; conflict: string },
): Promise<BlankStatus> {
  const [row] = await tx.$queryRaw<Array<{ status: BlankStatus; workedOn: boolean }>>`
    SELECT b.status::text AS status, ${workedOn(options.scope.userId)} AS "workedOn"
      FROM "Blank" b WHERE b.id = ${options.blankId}::uuid FOR UPDATE OF b`;
  if (!row || !options.statuses.includes(row.status)) throw new AppError("CONFLICT", options.conflict);
  if (row.workedOn) throw new AppError("FORBIDDEN", OWN_WORK_MESSAGE);
  return row.status;
}
