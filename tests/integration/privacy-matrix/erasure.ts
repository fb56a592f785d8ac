import { expect, it, vi } from "vitest";
import { AUDIT_ACTION_LABELS } from "@/lib/domain/exports/lists/audit";
import { getScope } from "@/lib/server/auth/get-scope";
import { db } from "@/lib/server/db/client";
import { storage } from "@/lib/server/files/storage";
import type { PageCall, RouteCall } from "../authorization-matrix/matrix";
import { ACTION_ENTRIES, PAGE_ENTRIES, ROUTE_ENTRIES, type EntryKind } from "../authorization-matrix/suites";
import { CANARY } from "./canary";
import { judge, type Audience, type PrivacyCallOptions } from "./judge";
import type { PrivacyWorld } from "./world";

const ERASE = "lib/actions/students.ts#eraseStudentAction";
const FILE = "GET app/api/files/[id]/route.ts";
const JOURNAL_PAGE = "app/(app)/region/audit/page.tsx";
const JOURNAL_EXPORT = "GET app/api/exports/[list]/route.ts";

/**
 * Erasure on request, judged after the fact: a sacrificial copy of the canary is
 * erased by its school coordinator, then its ИУП must download for nobody and be
 * gone from storage, and the journal must keep no datum of the child, only the
 * trace that an erasure happened (who, when).
 */
export function defineErasureCheck(getWorld: () => PrivacyWorld) {
  it("erasure on request leaves nothing of the child: its ИУП downloads for nobody and is gone from storage, the journal keeps only the erasure's trace", async () => {
    const world = getWorld();
    const copy = await world.ctx.copy();
    const { storageKey } = await db().storedFile.findUniqueOrThrow({ where: { id: copy.iupFileId }, select: { storageKey: true } });
    const coordinator = world.callers.find((c) => c.writesChild)!;
    vi.mocked(getScope).mockResolvedValue(coordinator.scope);
    const { outcome } = await ACTION_ENTRIES.invoke(ERASE, { args: [{ studentId: copy.studentId }] });
    expect(outcome, "the coordinator erases the copy").toMatchObject({ kind: "result", value: { ok: true } });

    const problems: string[] = [];
    const nobody = { audience: "nobody" as Audience, idsShown: "the journal keeps the ids of erased rows with the erasure's trace" };
    const run = async <C>(kind: EntryKind<C>, key: string, call: C & PrivacyCallOptions<C>) => {
      for (const caller of world.callers) {
        vi.mocked(getScope).mockResolvedValue(caller.scope);
        const found = await judge({
          world,
          caller,
          call: { ...nobody, ...call },
          invoke: async (c) => {
            const pageObjects: object[] = [];
            return { ...(await kind.invoke(key, c, (o) => pageObjects.push(o))), pageObjects };
          },
        });
        for (const problem of found) problems.push(`after erasure, ${key} [${call.label}] as ${caller.id}: ${problem}`);
      }
    };

    await run<RouteCall>(ROUTE_ENTRIES, FILE, {
      label: "the erased child's ИУП",
      params: { id: copy.iupFileId },
      refused: "unless reader",
      idsShown: undefined,
    });
    const stored = await storage()
      .read(storageKey)
      .then((stream) => {
        stream.destroy();
        return true;
      })
      .catch(() => false);
    if (stored) problems.push(`after erasure, the ИУП's bytes (${CANARY.fileBytes}) are still in storage under ${storageKey}`);

    for (const [entity, entityId] of [
      ["DotStudent", copy.studentId],
      ["StoredFile", copy.iupFileId],
    ] as const) {
      await run<PageCall>(PAGE_ENTRIES, JOURNAL_PAGE, { label: `the journal of the erased ${entity}`, searchParams: { entity, entityId } });
      await run<RouteCall>(ROUTE_ENTRIES, JOURNAL_EXPORT, {
        label: `the journal's export of the erased ${entity}`,
        params: { list: "audit" },
        query: { format: "csv", entity, entityId },
        // The trace: the erasure itself is in the record's journal, with who and when.
        reach: entity === "DotStudent" ? { by: ["23 REGION_ADMIN"], sees: [AUDIT_ACTION_LABELS.ERASE] } : undefined,
      });
    }
    expect(problems).toEqual([]);
  }, 300_000);
}
