import "server-only";
import type { BlankStatus, Prisma } from "@/lib/generated/prisma/client";
import { scalarFields } from "@/lib/domain/audit/audit-policy";
import type { WriteEvent } from "@/lib/server/audit/record-writes";
import { uuid7 } from "@/lib/server/db/uuid7";

/**
 * The autosave's writes in as few statements as they can be, each returning the rows
 * before and after it so that the audit trail needs no read of its own: the caller
 * records them with recordWrites (lib/server/audit/record-writes.ts), as the write hook
 * would have. Raw SQL because Prisma has no upsert of many rows and no before-image:
 * through the client, N answers were 2N statements (a read before each upsert).
 */

type Tx = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;
type Row = Record<string, unknown>;

const quote = (name: string) => `"${name}"`;

/** `alias."column" AS "prefix.column"` for every column of the model. */
const columnsAs = (model: string, alias: string, prefix: string) =>
  [...scalarFields(model)].map((c) => `${alias}.${quote(c)} AS ${quote(`${prefix}.${c}`)}`).join(", ");

/** A row of `columnsAs` split back into its images; a side whose key is null was not there (a LEFT JOIN's miss). */
function imagesOf(model: string, row: Row): { before: Row | null; after: Row } {
  const side = (prefix: string) => Object.fromEntries([...scalarFields(model)].map((c) => [c, row[`${prefix}.${c}`]]));
  const before = side("before");
  return { before: before.id === null || before.id === undefined ? null : before, after: side("after") };
}

/**
 * Claims the blank for a save: its version moves on, if it is still the one the save
 * started from and in the same status. The row is locked by the sub-select, so a save
 * that lands meanwhile makes this one find nothing (null: a conflict) rather than
 * overwrite it. One statement, with the blank before and after.
 */
export async function claimBlank(
  tx: Tx,
  options: { blankId: string; version: number; status: BlankStatus; nextStatus: BlankStatus; at: Date },
): Promise<WriteEvent | null> {
  const rows = await tx.$queryRawUnsafe<Row[]>(
    `UPDATE "Blank" AS b SET "version" = b."version" + 1, "status" = $4::"BlankStatus", "updatedAt" = $5::timestamptz
FROM (SELECT * FROM "Blank" WHERE "id" = $1::uuid AND "version" = $2 AND "status" = $3::"BlankStatus" FOR UPDATE) AS old
WHERE b."id" = old."id"
RETURNING ${columnsAs("Blank", "old", "before")}, ${columnsAs("Blank", "b", "after")}`,
    options.blankId,
    options.version,
    options.status,
    options.nextStatus,
    options.at,
  );
  if (rows.length === 0) return null;
  const { before, after } = imagesOf("Blank", rows[0]!);
  return { action: "UPDATE", row: after, before, after };
}

export interface AnswerWrite {
  itemKey: string;
  /** Null: the item left empty (SQL NULL, as Prisma's DbNull). */
  value: unknown;
  /** The answer changed: a reviewer's mark on it no longer applies. */
  clearMark: boolean;
}

/**
 * Inserts or updates the blank's answers, all in one statement: the answer's value, not
 * carried over any more, who and when; the mark cleared where asked. Returns each row
 * before (none for a new answer) and after.
 */
export async function upsertAnswers(
  tx: Tx,
  options: { blankId: string; userId: string; at: Date; writes: readonly AnswerWrite[] },
): Promise<WriteEvent[]> {
  if (options.writes.length === 0) return [];
  const input = options.writes.map((w) => ({ id: uuid7(), itemKey: w.itemKey, value: w.value ?? null, clearMark: w.clearMark }));
  // Read in the same statement as the write, the old rows are the ones it replaces.
  const clearMark = `(SELECT i."clearMark" FROM input i WHERE i."itemKey" = EXCLUDED."itemKey")`;
  const rows = await tx.$queryRawUnsafe<Row[]>(
    `WITH input AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS i("id" uuid, "itemKey" uuid, "value" jsonb, "clearMark" boolean)
), old AS (
  SELECT a.* FROM "Answer" a JOIN input i ON a."itemKey" = i."itemKey" WHERE a."blankId" = $1::uuid
), written AS (
  INSERT INTO "Answer" ("id", "blankId", "itemKey", "value", "carriedOver", "updatedAt", "updatedById")
  SELECT i."id", $1::uuid, i."itemKey", NULLIF(i."value", 'null'::jsonb), false, $3::timestamptz, $4::uuid FROM input i
  ON CONFLICT ("blankId", "itemKey") DO UPDATE SET
    "value" = EXCLUDED."value", "carriedOver" = false, "updatedAt" = EXCLUDED."updatedAt", "updatedById" = EXCLUDED."updatedById",
    "mark" = CASE WHEN ${clearMark} THEN NULL ELSE "Answer"."mark" END,
    "markComment" = CASE WHEN ${clearMark} THEN NULL ELSE "Answer"."markComment" END
  RETURNING *
)
SELECT ${columnsAs("Answer", "o", "before")}, ${columnsAs("Answer", "w", "after")} FROM written w LEFT JOIN old o ON o."id" = w."id"`,
    options.blankId,
    JSON.stringify(input),
    options.at,
    options.userId,
  );
  const byKey = new Map(
    rows.map((row) => {
      const { before, after } = imagesOf("Answer", row);
      return [
        String(after.itemKey).toLowerCase(),
        { action: before ? ("UPDATE" as const) : ("CREATE" as const), row: after, before, after },
      ];
    }),
  );
  // In the order given, as the client's upserts one by one recorded them.
  return options.writes.flatMap((w) => byKey.get(w.itemKey.toLowerCase()) ?? []);
}
