import { db } from "@/lib/server/db/client";
import { refusalProblem, type Outcome } from "../authorization-matrix/matrix";
import { answerOf, plainText } from "./answer-text";
import { CANARY } from "./canary";
import type { PrivacyCaller, PrivacyCallerId, PrivacyWorld } from "./world";

/**
 * The one rule every call of the privacy matrix is judged by (the class table of
 * children's personal data): the canary's data appears only to the callers its
 * entry allows; an id of the canary only to those who may see the child; whoever
 * must log a read did log it; and nobody but the child's own school coordinator
 * changes the child's rows.
 */

/** Who may see the canary's personal data in an entry's answers. */
export type Audience = "child readers" | "nobody";

/** What a privacy call adds to the authorization matrix's call shapes. */
export interface PrivacyCallOptions<C> {
  label?: string;
  /** Overrides the entry's audience for this call (one list of an export route, one report kind). */
  audience?: Audience;
  /**
   * Who may be answered at all: every other caller must be refused (401 without a session, 403/404 otherwise),
   * not answered without the child. "unless reader": the audience's callers; "unless writer": the child's own
   * school coordinator only (erasing or changing the record).
   */
  refused?: "unless reader" | "unless writer";
  /** Why this call may show the canary's ids (not its data) to whoever reaches it (the journal keeps ids). */
  idsShown?: string;
  /** Controls: these callers must find every text of `sees` in the answer, proof that the call reaches the child's data. */
  reach?: { by: PrivacyCallerId[]; sees: string[] };
  /**
   * The same call asking about a name that exists nowhere (DECOY_SURNAME): to a caller who may not see the child,
   * both must answer alike (status, list totals and rows), or the search is an oracle for the child's name.
   */
  decoy?: C;
}

/** The canary's texts, most telling first: finding one in an answer is finding the child. */
const CANARY_TEXTS: Array<[string, string]> = [
  ["the full name", CANARY.fullName],
  ["the enrolment order's title", CANARY.orderTitle],
  ["the ИУП file's name", CANARY.fileName],
  ["the ИУП file's bytes", CANARY.fileBytes],
  ["the diagnosis", CANARY.diagnosis],
  ["the birth date", CANARY.birthDate],
  ["the birth date", CANARY.birthDateRu],
  ["the disability's end date", CANARY.disabilityConfirmedUntil],
  ["the disability's end date", CANARY.disabilityConfirmedUntilRu],
  ["the surname", CANARY.surname],
];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/giu;

export interface Invocation {
  outcome: Outcome;
  /** The request as text: what it carried may come back (a searched name, an id in the URL). */
  given: string;
  /** The plain objects of a page's tree (its lists among them). */
  pageObjects: object[];
}

export interface Judged<C> {
  world: PrivacyWorld;
  caller: PrivacyCaller;
  /** The call with its entry's class applied: `audience` set. */
  call: C & PrivacyCallOptions<C> & { audience: Audience };
  /** Whether the entry is open without a session (the sign-in page). */
  publicEntry?: boolean;
  /** Makes a call (the call itself or its decoy) as the caller getScope now answers for. */
  invoke(call: C): Promise<Invocation>;
}

/** Runs the call as the caller and returns what is wrong with its answer. */
export async function judge<C>(options: Judged<C>): Promise<string[]> {
  const { world, caller, call } = options;
  const may = call.audience === "child readers" && caller.readsChild;
  const readsBefore = caller.logged ? await countReads(world.regionId) : 0;
  const rowsBefore = caller.writesChild ? null : await canaryState(world);

  const { outcome, given, pageObjects } = await options.invoke(call);
  const answer = answerOf(outcome, pageObjects);
  const problems: string[] = [];
  const around = (at: number) => JSON.stringify(answer.text.slice(Math.max(0, at - 80), at + 100));
  // Case does not hide a name («КАНАРЕЙКИН» in a heading): texts are compared folded.
  const [folded, foldedGiven] = [answer.text.toLowerCase(), plainText(given).toLowerCase()];
  const has = (text: string) => folded.includes(text.toLowerCase());

  // 1. The child's texts, where this caller may not see the child.
  const shown = CANARY_TEXTS.filter(([, text]) => has(text) && !foldedGiven.includes(text.toLowerCase()));
  if (!may) {
    // One report per datum; the surname is reported only when nothing longer gave it away.
    const seen = new Set<string>();
    for (const [what, text] of shown) {
      if (seen.has(what) || (what === "the surname" && seen.size)) continue;
      seen.add(what);
      problems.push(`leaked ${what} «${text}» in ${around(folded.indexOf(text.toLowerCase()))}`);
    }
  }

  // 2. The canary's ids: the record's and its file's to whoever may not see the child, the order's to whoever does not see S1's registry.
  if (!call.idsShown) {
    for (const match of answer.text.matchAll(UUID)) {
      const id = match[0].toLowerCase();
      if (foldedGiven.includes(id)) continue;
      if (world.ids.child.has(id) && !caller.readsChild) problems.push(`leaked the child's id ${id} in ${around(match.index)}`);
      if (world.ids.order.has(id) && !caller.readsRegistry)
        problems.push(`leaked the enrolment order's id ${id} in ${around(match.index)}`);
    }
  }

  // 3. Every read of the child by the auditor is in the audit trail.
  if (caller.logged && shown.length && (await countReads(world.regionId)) === readsBefore) {
    problems.push(`read the child (${[...new Set(shown.map(([what]) => what))].join(", ")}) and no READ event was recorded`);
  }

  // 4. Refusals, where the entry names the child to nobody else.
  if (call.refused && !(call.refused === "unless writer" ? caller.writesChild : may)) {
    const refusal = refusalProblem(outcome, caller, { expect: "refused" }, options.publicEntry ?? false);
    if (refusal) problems.push(refusal);
  } else if (outcome.kind === "threw") {
    problems.push(`threw ${answer.text.slice(0, 400)}`);
  }

  // 5. Controls: the callers who may see the child do see it here.
  if (call.reach?.by.includes(caller.id)) {
    const missing = call.reach.sees.filter((text) => !has(text));
    if (missing.length)
      problems.push(
        `control: the answer does not show ${missing.map((t) => `«${t}»`).join(", ")}, so the call does not reach the child (${answer.shape}: ${answer.text.slice(0, 200)})`,
      );
  }

  // 6. Oracles: a question about the child's name answers as one about nobody.
  if (call.decoy && !caller.readsChild) {
    const twin = await options.invoke(call.decoy);
    const decoy = answerOf(twin.outcome, twin.pageObjects);
    if (decoy.shape !== answer.shape)
      problems.push(`answers a search for the child's name differently from one for a name nobody has: ${answer.shape} ≠ ${decoy.shape}`);
  }

  // 7. Nobody but the child's own school coordinator changes the child's rows.
  if (rowsBefore !== null && (await canaryState(world)) !== rowsBefore)
    problems.push("changed the canary's rows (record, teacher links, ИУП file or enrolment order)");
  return problems;
}

const countReads = (regionId: string) => db().auditEvent.count({ where: { regionId, action: "READ" } });

/** The canary's own rows, as comparable JSON. */
async function canaryState(world: PrivacyWorld): Promise<string> {
  const { studentId, iupFileId, orderId, teacherId } = world.canaries[0]!;
  const [row] = await db().$queryRawUnsafe<Array<{ state: string }>>(
    `SELECT json_build_object(
       'student', (SELECT row_to_json(t) FROM "DotStudent" t WHERE id = $1::uuid),
       'teachers', (SELECT json_agg(t ORDER BY "teacherId") FROM "DotStudentTeacher" t WHERE "studentId" = $1::uuid),
       'file', (SELECT row_to_json(t) FROM "StoredFile" t WHERE id = $2::uuid),
       'order', (SELECT row_to_json(t) FROM "RegistryDocument" t WHERE id = $3::uuid),
       'teacher', (SELECT row_to_json(t) FROM "DotTeacher" t WHERE id = $4::uuid)
     )::text AS state`,
    studentId,
    iupFileId,
    orderId,
    teacherId,
  );
  return row!.state;
}
