// The checks' users: the bench's accounts on the demo data (bench/http/fixtures.ts: coordinators
// who each own a fillable blank, an auditor), signed in once, and their requests as the browser sends them.
import { connectDb, db } from "@/lib/server/db/client";
import { autosaveRequest, autosaveSaved } from "../../bench/http/autosave";
import { type HttpFixtures, prepareHttpFixtures } from "../../bench/http/fixtures";
import { signIn } from "../../bench/http/server";
import type { AutosaveSlot } from "../../bench/http/types";
import { URLS } from "./layout";

export interface Clients {
  fixtures: HttpFixtures;
  slots: AutosaveSlot[];
  auditor: string;
}

/** Makes the bench's accounts on the cluster's database (through the primary) and signs them in through the balancer. */
export async function prepareClients(log: (line: string) => void): Promise<Clients> {
  connectDb(URLS.primary);
  const fixtures = await prepareHttpFixtures({ scale: "demo", writers: 6, log });
  const slots: AutosaveSlot[] = [];
  for (const writer of fixtures.writers) {
    slots.push({ ...writer, cookie: await signIn(URLS.balancer, writer.email), counter: 0 });
  }
  if (slots.length < 2) throw new Error(`the demo data has ${slots.length} fillable blank(s); the checks need 2`);
  return { fixtures, slots, auditor: await signIn(URLS.balancer, fixtures.users.auditor) };
}

export interface Outcome {
  ok: boolean;
  status?: number;
  error?: string;
  servedBy?: string;
}

/** One autosave of the slot's blank at `base`; on success the slot keeps the version the server answered. */
export async function save(base: string, slot: AutosaveSlot): Promise<Outcome> {
  const request = autosaveRequest(slot, { origin: URLS.balancer });
  try {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(15_000),
    });
    const body = await response.text();
    return { ok: autosaveSaved(slot, body), status: response.status, servedBy: response.headers.get("x-served-by") ?? undefined };
  } catch (error) {
    return { ok: false, error: failure(error) };
  }
}

/** A failed fetch's reason: undici's "fetch failed" names it only in its cause (ECONNRESET, UND_ERR_SOCKET, …). */
const failure = (error: unknown) => {
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  return `${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ""}`;
};

/** A page as a signed-in user reads it. */
export async function read(url: string, cookie: string): Promise<Outcome> {
  try {
    const response = await fetch(url, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(15_000) });
    await response.arrayBuffer();
    return { ok: response.status === 200, status: response.status, servedBy: response.headers.get("x-served-by") ?? undefined };
  } catch (error) {
    return { ok: false, error: failure(error) };
  }
}

/** The blank's version in the primary: what a save that was acknowledged must have left at least. */
export async function versionInDatabase(blankId: string): Promise<number> {
  return (await db().blank.findUniqueOrThrow({ where: { id: blankId }, select: { version: true } })).version;
}
