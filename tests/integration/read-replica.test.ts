import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_CAMPAIGN } from "@/lib/seed-data/blanks";
import { loadScope } from "@/lib/server/auth/load-scope";
import { getCampaign } from "@/lib/server/campaigns/get-campaign";
import { ZCampaignListQuery } from "@/lib/schemas/campaign";
import { listCampaigns } from "@/lib/server/campaigns/list-campaigns";
import { getCampaignDashboard } from "@/lib/server/dashboard/get-campaign-dashboard";
import { connectDb, db, disconnectDb } from "@/lib/server/db/client";
import { poolStats, replicaStatus } from "@/lib/server/db/health";
import { migrate } from "@/lib/server/db/migrate";
import { checkReplica, connectReplica, replicaDb } from "@/lib/server/db/replica";
import { getRegionPlanOverview } from "@/lib/server/plans/get-region-plan-overview";
import { seedDemo } from "@/lib/server/seed/seed-demo";
import type { Scope } from "@/lib/scope";
import { startStreamingPair, type StreamingPair } from "../support/streaming-replica";

/** After the seed campaign's deadline (25.11.2022). */
const TODAY = "2026-11-23";

/** Waits (bounded) until the replica has replayed everything and reports no lag. */
async function caughtUp(pair: StreamingPair, name: string) {
  const client = new pg.Client({ connectionString: pair.replicaUrl });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 300; attempt++) {
      const { rows } = await client.query<{ found: boolean; lag: number }>(
        `SELECT EXISTS (SELECT 1 FROM "Campaign" WHERE name = $1) AS found,
                (pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn())::int AS lag`,
        [name],
      );
      if (rows[0]?.found && rows[0].lag === 1) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The replica did not replay the campaign «${name}»`);
  } finally {
    await client.end();
  }
}

/** Waits (bounded) until the paused replica has received WAL it has not replayed: it is behind. */
async function receivedUnreplayed(pair: StreamingPair) {
  const client = new pg.Client({ connectionString: pair.replicaUrl });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 300; attempt++) {
      const { rows } = await client.query<{ behind: boolean }>(`SELECT pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn() AS behind`);
      if (rows[0]?.behind) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("The replica did not receive the primary's write");
  } finally {
    await client.end();
  }
}

describe("reads routed to a streaming replica", () => {
  let pair: StreamingPair;
  let auditor: Scope;
  let campaignId: string;
  const renamed = `${SEED_CAMPAIGN.name} (переименована)`;

  beforeAll(async () => {
    pair = await startStreamingPair("metodaudit");
    await migrate({ databaseUrl: pair.primaryUrl });
    connectDb(pair.primaryUrl);
    await seedDemo({ db: db() });
    const user = await db().user.findUniqueOrThrow({ where: { email: "auditor@demo.local" } });
    auditor = (await loadScope(user.id))!;
    campaignId = (await db().campaign.findFirstOrThrow({ where: { name: SEED_CAMPAIGN.name } })).id;
    await caughtUp(pair, SEED_CAMPAIGN.name);
  });
  afterAll(async () => {
    await disconnectDb();
    await pair?.stop();
  });

  it("reads the primary when no replica is configured, as before", async () => {
    connectReplica(null);
    expect(replicaDb()).toBe(db());
    expect(await replicaStatus()).toEqual({ configured: false, state: "off", lagSeconds: null });
    expect(poolStats().map((p) => p.pool)).toEqual(["primary"]);
  });

  it("measures no lag on an idle primary, however old the last replayed transaction", async () => {
    connectReplica(pair.replicaUrl, { maxLagSeconds: 0 });
    // Replayed up to what it received: as current as the primary, whatever
    // now() - pg_last_xact_replay_timestamp() says.
    expect(await checkReplica({ now: true })).toEqual({ state: "ok", lagSeconds: 0 });
    expect(await replicaStatus()).toEqual({ configured: true, state: "ok", lagSeconds: 0 });
    expect(replicaDb()).not.toBe(db());
    expect(poolStats().map((p) => p.pool)).toEqual(["primary", "replica"]);
  });

  it("shows the dashboard from the replica while a read of one's own write goes to the primary", async () => {
    connectReplica(pair.replicaUrl, { maxLagSeconds: 3600 });
    expect((await checkReplica({ now: true }))?.state).toBe("ok");
    await pair.onReplica("SELECT pg_wal_replay_pause()");
    try {
      await db().campaign.update({ where: { id: campaignId }, data: { name: renamed } });
      // Streaming is asynchronous: the replica measures the lag of what it has received.
      await receivedUnreplayed(pair);
      // The replica has not replayed the rename: the dashboard still shows the old name...
      const dashboard = await getCampaignDashboard({ scope: auditor, campaignId, today: TODAY });
      expect(dashboard.campaign.name).toBe(SEED_CAMPAIGN.name);
      // So does the campaigns' list (and its export, which reads the same source).
      const listed = (await listCampaigns({ scope: auditor, query: ZCampaignListQuery.parse({}) })).rows.map((row) => row.name);
      expect(listed).toContain(SEED_CAMPAIGN.name);
      expect(listed).not.toContain(renamed);
      // ...while the campaign page, which must show what was just saved, reads the primary.
      expect((await getCampaign({ scope: auditor, id: campaignId, today: TODAY })).name).toBe(renamed);

      // The same lag over a limit of 0 seconds: the replica is skipped and the dashboard is current.
      connectReplica(pair.replicaUrl, { maxLagSeconds: 0 });
      const status = await checkReplica({ now: true });
      expect(status?.state).toBe("lagging");
      expect(status?.lagSeconds).toBeGreaterThan(0);
      expect(await replicaStatus()).toMatchObject({ configured: true, state: "lagging" });
      expect(replicaDb()).toBe(db());
      expect((await getCampaignDashboard({ scope: auditor, campaignId, today: TODAY })).campaign.name).toBe(renamed);
    } finally {
      await pair.onReplica("SELECT pg_wal_replay_resume()");
    }
    // Caught up again, the replica is used again, and shows the rename.
    await caughtUp(pair, renamed);
    expect(await checkReplica({ now: true })).toEqual({ state: "ok", lagSeconds: 0 });
    expect(replicaDb()).not.toBe(db());
    expect((await getCampaignDashboard({ scope: auditor, campaignId, today: TODAY })).campaign.name).toBe(renamed);
  });

  it("sends the reads to the primary without an error when the replica stops, and back when it returns", async () => {
    connectReplica(pair.replicaUrl, { maxLagSeconds: 3600 });
    expect((await checkReplica({ now: true }))?.state).toBe("ok");
    const overview = await getRegionPlanOverview({ scope: auditor, today: TODAY });
    await pair.stopReplica();
    try {
      // The last check said «ok»: these reads go to the stopped replica, fail to connect, and are
      // read again from the primary.
      expect(replicaDb()).not.toBe(db());
      expect((await getCampaignDashboard({ scope: auditor, campaignId, today: TODAY })).campaign.name).toBe(renamed);
      expect(await getRegionPlanOverview({ scope: auditor, today: TODAY })).toEqual(overview);
      expect(replicaDb()).toBe(db());
      expect(await checkReplica({ now: true })).toEqual({ state: "down", lagSeconds: null });
      expect(await replicaStatus()).toEqual({ configured: true, state: "down", lagSeconds: null });
    } finally {
      await pair.startReplica();
    }
    await caughtUp(pair, renamed);
    expect((await checkReplica({ now: true }))?.state).toBe("ok");
    expect(replicaDb()).not.toBe(db());
    expect(await getRegionPlanOverview({ scope: auditor, today: TODAY })).toEqual(overview);
  });
});
