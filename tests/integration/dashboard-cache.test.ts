import { beforeAll, describe, expect, it } from "vitest";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { getCampaignDashboard } from "@/lib/server/dashboard/get-campaign-dashboard";
import { db } from "@/lib/server/db/client";
import type { Scope } from "@/lib/scope";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";
import { markAnswer, returnBlank, saveBlankAnswers, submitBlank } from "../support/operations";

useTestDatabase();

/**
 * The dashboard's aggregates are cached in the worker (lib/server/dashboard/internal/dashboard-cache.ts):
 * each role that reads the dashboard sees every write on its next read, in this same process.
 */
describe("the campaign dashboard after each write, for every role that reads it", () => {
  let w: CampaignWorld;
  let readers: Array<[string, Scope]>;
  let blankId: string;
  const TODAY = "2022-11-01";

  beforeAll(async () => {
    w = await buildCampaignWorld("dc");
    const admin = await userWithRole("admin-dc@a.test", "REGION_ADMIN", { regionId: w.t.regionA.id });
    readers = [
      ["region admin", admin.scope],
      ["region auditor", w.auditor.scope],
      ["municipal coordinator", w.moA1.scope],
    ];
    blankId = (await w.blankOf(w.t.a1.id)).id;
  });

  const version = async () => (await db().blank.findUniqueOrThrow({ where: { id: blankId } })).version;
  /** Every reader's view of A1's municipal blank: the progress, its row, and the municipal typical errors. */
  const readAll = async () =>
    Promise.all(
      readers.map(async ([role, scope]) => {
        const view = await getCampaignDashboard({ scope, campaignId: w.campaign.id, today: TODAY });
        const row = view.municipalities.find((m) => m.municipalityId === w.t.a1.id)!;
        return {
          role,
          progress: view.progress,
          status: row.municipalStatus,
          score: row.score,
          counted: view.typicalErrors.MUNICIPAL.counted,
          errors: view.typicalErrors.MUNICIPAL.errors.map((e) => `${e.itemNumber}:${e.count}`),
        };
      }),
    );
  const expectAll = (views: Awaited<ReturnType<typeof readAll>>, expected: (role: string) => object) => {
    for (const view of views) expect(view, view.role).toMatchObject(expected(view.role));
  };
  /** The municipal coordinator sees A1 and its school only: 2 of the campaign's 3 blanks. */
  const total = (role: string) => (role === "municipal coordinator" ? 2 : 3);

  it("shows the first autosave, the submission, a mark, a return, an acceptance and a reopening on the next read", async () => {
    const presence = w.item("municipal", "2.3.1");
    expectAll(await readAll(), (role) => ({
      progress: { total: total(role), notStarted: total(role), inProgress: 0 },
      status: "NOT_STARTED",
    }));

    // The first autosave: not started → in progress.
    const saved = await saveBlankAnswers({
      scope: w.moA1.scope,
      input: { blankId, version: await version(), answers: [{ itemKey: presence.key, value: { kind: "PRESENCE", present: true } }] },
    });
    expectAll(await readAll(), (role) => ({
      progress: { notStarted: total(role) - 1, inProgress: 1 },
      status: "IN_PROGRESS",
      score: null,
    }));

    // Submitted: counted, scored.
    await submitBlank({ scope: w.moA1.scope, input: { blankId, version: saved.version } });
    const submitted = await readAll();
    expectAll(submitted, () => ({ progress: { inProgress: 0, submitted: 1 }, status: "SUBMITTED", counted: 1 }));
    const scoreOnSubmit = submitted[0]!.score;
    expect(scoreOnSubmit).not.toBeNull();
    expect(submitted[0]!.errors).not.toContain("2.3.1:1");

    // The auditor's mark changes the score and the typical errors, not the status.
    await markAnswer({ scope: w.auditor.scope, input: { blankId, itemKey: presence.key, mark: "MISMATCH", comment: "Нет в наличии" } });
    const marked = await readAll();
    expectAll(marked, () => ({ progress: { submitted: 1 }, status: "SUBMITTED" }));
    for (const view of marked) {
      expect(view.score, view.role).toBeLessThan(scoreOnSubmit!);
      expect(view.errors, view.role).toContain("2.3.1:1");
    }

    // Returned: out of the counted blanks.
    await returnBlank({ scope: w.auditor.scope, input: { blankId, message: "Уточните сведения" } });
    expectAll(await readAll(), () => ({
      progress: { submitted: 0, returned: 1 },
      status: "RETURNED",
      score: null,
      counted: 0,
      errors: [],
    }));

    // Submitted again, every other item marked as matching, accepted: the mismatch stays.
    await submitBlank({ scope: w.moA1.scope, input: { blankId, version: await version() } });
    await markAllMatching({ scope: w.auditor.scope, blankId });
    await acceptBlank({ scope: w.auditor.scope, blankId });
    const accepted = await readAll();
    expectAll(accepted, () => ({ progress: { returned: 0, accepted: 1 }, status: "ACCEPTED", score: marked[0]!.score, counted: 1 }));

    // Reopened: the accepted blank goes back to the participant.
    await returnBlank({ scope: w.auditor.scope, input: { blankId, message: "Откройте заново" } });
    expectAll(await readAll(), () => ({ progress: { accepted: 0, returned: 1 }, status: "RETURNED", score: null, counted: 0 }));
  });

  it("bumps the campaign's statsVersion in the transaction of each write that changes its aggregates", async () => {
    const stats = async () => (await db().campaign.findUniqueOrThrow({ where: { id: w.campaign.id } })).statsVersion;
    const before = await stats();
    await submitBlank({ scope: w.moA1.scope, input: { blankId, version: await version() } });
    const afterSubmit = await stats();
    expect(afterSubmit).toBeGreaterThan(before);
    await returnBlank({ scope: w.auditor.scope, input: { blankId, message: "Ещё раз" } });
    expect(await stats()).toBeGreaterThan(afterSubmit);
  });
});
