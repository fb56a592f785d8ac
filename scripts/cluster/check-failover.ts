// Check 3: a steady load through the balancer (autosaves and reads at a fixed rate, open loop,
// each failure retried once as the form's autosave does) while, in turn, a web instance is
// SIGKILLed, the replica stops, and a web instance restarts gracefully. Every acknowledged
// autosave's version must be in the primary afterwards.
import type { CheckResult } from "./check";
import { type Clients, type Outcome, read, save, versionInDatabase } from "./client";
import { serverStats } from "./haproxy";
import { type AppName, PORTS, URLS } from "./layout";
import { pgStart, pgStop, startApp, waitForApp } from "./pieces";
import { portOpen, running, signalPiece, sleep, waitFor } from "./processes";

const RATE_PER_S = 10;

interface Sample {
  kind: "save" | "read";
  start: number;
  end: number;
  first: Outcome;
  /** The client's one retry, after a failed first attempt. */
  retry?: Outcome;
  /** The retried save was refused as a conflict: the first attempt had been applied (its answer was lost). */
  appliedBeforeRetry?: boolean;
}

class Driver {
  readonly samples: Sample[] = [];
  /** Each blank's highest acknowledged version. */
  readonly acknowledged = new Map<string, number>();
  private readonly busy = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private tick = 0;

  constructor(private readonly clients: Clients) {}

  start() {
    this.timer = setInterval(() => {
      const request = this.next();
      this.inFlight.add(request);
      void request.finally(() => this.inFlight.delete(request));
    }, 1000 / RATE_PER_S);
  }

  async stop() {
    clearInterval(this.timer);
    await Promise.all(this.inFlight);
  }

  private async next() {
    this.tick++;
    const slot = this.clients.slots.find((candidate) => !this.busy.has(candidate.blankId));
    if (this.tick % 2 === 0 && slot) {
      this.busy.add(slot.blankId);
      const sample: Sample = { kind: "save", start: performance.now(), end: 0, first: await save(URLS.balancer, slot) };
      if (!sample.first.ok) {
        sample.retry = await save(URLS.balancer, slot);
        if (sample.retry.status === 409) {
          sample.appliedBeforeRetry = true;
          slot.version = await versionInDatabase(slot.blankId);
        }
      }
      if (sample.first.ok || sample.retry?.ok) this.acknowledged.set(slot.blankId, slot.version);
      sample.end = performance.now();
      this.samples.push(sample);
      this.busy.delete(slot.blankId);
      return;
    }
    const writer = this.clients.slots[this.tick % this.clients.slots.length]!;
    const url =
      this.tick % 4 === 1
        ? [`${URLS.balancer}/campaigns/${this.clients.fixtures.campaignId}/dashboard`, this.clients.auditor]
        : [`${URLS.balancer}/blanks/${writer.blankId}`, writer.cookie];
    const sample: Sample = { kind: "read", start: performance.now(), end: 0, first: await read(url[0]!, url[1]!) };
    if (!sample.first.ok) sample.retry = await read(url[0]!, url[1]!);
    sample.end = performance.now();
    this.samples.push(sample);
  }

  between(from: number, to: number) {
    return this.samples.filter((sample) => sample.start >= from && sample.start < to);
  }
}

const failedFirst = (samples: Sample[]) => samples.filter((sample) => !sample.first.ok);
const failedAfterRetry = (samples: Sample[]) =>
  samples.filter((sample) => !sample.first.ok && !sample.retry?.ok && !sample.appliedBeforeRetry);
const describeFailure = (sample: Sample) => `${sample.kind} ${sample.first.status ?? sample.first.error}`;

async function restart(name: AppName) {
  startApp(name);
  await waitForApp(name);
  await waitFor(`${name} UP in the balancer`, async () => (await serverStats()).find((s) => s.server === name)?.status === "UP", 30_000);
}

export async function checkFailover(clients: Clients): Promise<Omit<CheckResult, "name">> {
  const driver = new Driver(clients);
  const details: string[] = [];
  let ok = true;
  driver.start();
  try {
    await sleep(5_000);

    // SIGKILL web-a's whole process tree: only the requests it was serving may fail, and their retry succeeds.
    const killedAt = performance.now();
    signalPiece("web-a", "SIGKILL");
    // In flight on it: everything sent before its port was closed (its processes take a few ms to die,
    // and a connection the kernel accepted meanwhile is reset with them).
    while (running("web-a") || (await portOpen(PORTS.webA))) await sleep(2);
    const killed = performance.now();
    await sleep(8_000);
    await restart("web-a");
    const killPhase = driver.between(killedAt - 15_000, performance.now());
    const inFlight = failedFirst(killPhase).filter((sample) => sample.start < killed);
    const afterKill = failedFirst(killPhase).filter((sample) => sample.start >= killed);
    const unrecovered = failedAfterRetry(killPhase);
    if (afterKill.length > 0 || unrecovered.length > 0) ok = false;
    details.push(
      `SIGKILL web-a (port closed ${Math.round(killed - killedAt)} ms after the signal): ${killPhase.length} requests; failed in flight ${inFlight.length} (${inFlight.map(describeFailure).join(", ") || "none"}), ` +
        `failed after the kill ${afterKill.length}${afterKill.length ? ` (${afterKill.slice(0, 3).map(describeFailure).join(", ")})` : ""}, ` +
        `failed after the retry ${unrecovered.length}, retried saves already applied ${killPhase.filter((s) => s.appliedBeforeRetry).length}`,
    );

    // The replica stops: reads fall back to the primary, nothing fails.
    const replicaStopped = performance.now();
    pgStop("replica");
    await sleep(10_000);
    const replicaPhase = driver.between(replicaStopped, performance.now());
    pgStart("replica");
    await sleep(2_000);
    if (failedFirst(replicaPhase).length > 0) ok = false;
    details.push(
      `replica stopped for 10 s: ${replicaPhase.length} requests (${replicaPhase.filter((s) => s.kind === "read").length} reads), ` +
        `${failedFirst(replicaPhase).length} failed${failedFirst(replicaPhase).length ? ` (${failedFirst(replicaPhase).slice(0, 3).map(describeFailure).join(", ")})` : ""}`,
    );

    // A graceful restart of web-b (SIGTERM, then start): no request fails, not even once.
    const stopping = performance.now();
    signalPiece("web-b", "SIGTERM");
    // Stopped once its port is closed: its server worker answers «not ready» for SHUTDOWN_GRACE_MS first.
    await waitFor("web-b to stop after SIGTERM", async () => !running("web-b") && !(await portOpen(PORTS.webB)), 60_000);
    const stoppedAfter = Math.round(performance.now() - stopping);
    await restart("web-b");
    await sleep(2_000);
    const gracefulPhase = driver.between(stopping, performance.now());
    if (failedFirst(gracefulPhase).length > 0) ok = false;
    details.push(
      `graceful restart of web-b (port closed ${stoppedAfter} ms after SIGTERM): ${gracefulPhase.length} requests, ` +
        `${failedFirst(gracefulPhase).length} failed${failedFirst(gracefulPhase).length ? ` (${failedFirst(gracefulPhase).slice(0, 3).map(describeFailure).join(", ")})` : ""}`,
    );
  } finally {
    await driver.stop();
    if (!running("web-a")) await restart("web-a");
    if (!running("web-b")) await restart("web-b");
  }

  let lost = 0;
  for (const [blankId, version] of driver.acknowledged) if ((await versionInDatabase(blankId)) < version) lost++;
  if (lost > 0) ok = false;
  const saves = driver.samples.filter((sample) => sample.kind === "save");
  details.push(
    `${driver.samples.length} requests at ${RATE_PER_S}/s (${saves.length} autosaves): ${driver.acknowledged.size} blanks' acknowledged versions checked in the primary, ${lost} behind`,
  );
  return { ok, details };
}
