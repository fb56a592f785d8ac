import { isValidElement } from "react";

/**
 * What one tenant must never see of another: the other's marker (in every name
 * it owns) and the ids of its rows. Whatever the caller itself sent may come
 * back (an echoed id, a file's own text): only what it was not given is a leak.
 */
export interface Secrets {
  markers: string[];
  /** Every marked text of the other tenants, for answers to requests that carry the marker themselves. */
  texts: string[];
  ids: Set<string>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The secrets found in `text` that the request (`given`) did not carry, each with some context. */
export function leaksIn(text: string, secrets: Secrets, given: string): string[] {
  const found: string[] = [];
  const around = (at: number) => JSON.stringify(text.slice(Math.max(0, at - 60), at + 80));
  for (const marker of secrets.markers) {
    const at = text.indexOf(marker);
    if (at < 0) continue;
    if (!given.includes(marker)) {
      found.push(`marker «${marker}» in ${around(at)}`);
      continue;
    }
    for (const secret of secrets.texts) {
      const where = secret.startsWith(marker) && !given.includes(secret) ? text.indexOf(secret) : -1;
      if (where >= 0) found.push(`«${secret}» in ${around(where)}`);
    }
  }
  for (const match of text.matchAll(UUID)) {
    const id = match[0].toLowerCase();
    if (secrets.ids.has(id) && !given.toLowerCase().includes(id)) found.push(`id ${id} in ${around(match.index)}`);
  }
  return [...new Set(found)];
}

/** The marked texts in a snapshot's JSON: «ЧУЖОЙ-кампания», «ЧУЖОЙ-Ученик»… */
export function markedTexts(json: string, marker: string): string[] {
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [...new Set([...json.matchAll(new RegExp(`${escaped}[^"\\\\]*`, "g"))].map((m) => m[0]))];
}

/**
 * The text of a page as the server would send it: every string, number and date
 * in its element tree, props included (what a client component is handed reaches
 * the browser too). Async server components in the tree are called, as React
 * would, so their data is read as well; client and other sync components are not
 * rendered (they would need React's dispatcher), only their props are. Cycles,
 * functions and symbols are skipped.
 */
export async function pageText(node: unknown, onData: (value: object) => void = () => {}): Promise<string> {
  const out: string[] = [];
  const seen = new WeakSet<object>();
  const walk = async (value: unknown, depth: number): Promise<void> => {
    if (depth > 200 || value === null || value === undefined || typeof value === "boolean") return;
    if (typeof value === "string") return void out.push(value);
    if (typeof value === "number" || typeof value === "bigint") return void out.push(String(value));
    if (typeof value === "function" || typeof value === "symbol") return;
    if (typeof value !== "object") return;
    if (seen.has(value)) return;
    seen.add(value);
    if (value instanceof Date) return void out.push(Number.isNaN(value.getTime()) ? "" : value.toISOString());
    if (typeof (value as PromiseLike<unknown>).then === "function") return walk(await (value as PromiseLike<unknown>), depth + 1);
    if (isValidElement(value)) {
      const { type, props } = value as { type: unknown; props: Record<string, unknown> };
      if (typeof type === "function" && type.constructor.name === "AsyncFunction") {
        await walk(await (type as (p: unknown) => Promise<unknown>)(props), depth + 1);
      }
      return walk(props, depth + 1);
    }
    if (value instanceof Map) {
      for (const [k, v] of value) {
        await walk(k, depth + 1);
        await walk(v, depth + 1);
      }
      return;
    }
    if (Array.isArray(value) || value instanceof Set) {
      for (const item of value) await walk(item, depth + 1);
      return;
    }
    if (ArrayBuffer.isView(value)) return;
    onData(value);
    // Plain data: keys may be ids (a map of file id → name), so they are text too.
    for (const [key, child] of Object.entries(value)) {
      out.push(key);
      await walk(child, depth + 1);
    }
  };
  await walk(node, 0);
  return out.join("\n");
}

/** Next's control-flow errors: redirect(), notFound(), forbidden(), unauthorized(). */
export function nextDigest(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT;") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;"))
    ? digest
    : null;
}

/** "NEXT_REDIRECT;replace;/login;307;" → "/login". */
export function redirectTarget(digest: string): string | null {
  return digest.startsWith("NEXT_REDIRECT;") ? digest.split(";").slice(2, -2).join(";") : null;
}

/**
 * A list's count must agree with its rows: on its last page (fewer rows than the page
 * size) `total` is exactly the rows before it plus those on it. A count query scoped
 * differently from its rows would tell another tenant how much it holds, with no name
 * or id to give it away: this finds it in every Page ({ rows, total, page, pageSize }).
 */
export function listInconsistency(value: object): string | null {
  const page = value as { rows?: unknown; total?: unknown; page?: unknown; pageSize?: unknown };
  if (!Array.isArray(page.rows) || typeof page.total !== "number" || typeof page.page !== "number" || typeof page.pageSize !== "number")
    return null;
  // A page past the end is empty whatever the total.
  if (page.rows.length === 0 && page.page > 1) return null;
  if (page.rows.length >= page.pageSize)
    return page.total >= (page.page - 1) * page.pageSize + page.rows.length ? null : `a list of total ${page.total} holds more rows`;
  const expected = (page.page - 1) * page.pageSize + page.rows.length;
  return page.total === expected
    ? null
    : `a list's total is ${page.total} but its rows make ${expected}: its count is not scoped like its rows`;
}

/** listInconsistency over every object of plain data (a JSON body, an action's result). */
export function listInconsistencies(data: unknown): string[] {
  const found: string[] = [];
  const seen = new WeakSet<object>();
  const walk = (value: unknown) => {
    if (!value || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    const problem = listInconsistency(value);
    if (problem) found.push(problem);
    for (const child of Array.isArray(value) ? value : Object.values(value)) walk(child);
  };
  walk(data);
  return found;
}
