import { createHash } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/server/db/client";

/**
 * What the hostile-input tests share: a fingerprint of the whole database (every
 * table's rows, hashed), multipart requests as a browser sends them, and the one
 * expectation of every refusal — a 4xx with a Russian message, never a 500.
 */

const CYRILLIC = /[А-Яа-яЁё]/u;

/** Every table of the schema with its row count and a hash of its rows: equal fingerprints, unchanged database. */
export async function fingerprint(): Promise<Record<string, string>> {
  const tables = await db().$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db().$queryRawUnsafe<{ n: number; h: string }[]>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${name.replaceAll('"', '""')}" t`,
    );
    result[name] = `${row!.n}:${row!.h}`;
  }
  return result;
}

/** A multipart/form-data request with one file and text fields, as a browser's form sends it. */
export function uploadRequest(
  url: string,
  file: { bytes: Uint8Array; name: string; type?: string } | null,
  fields: Record<string, string> = {},
): Request {
  const form = new FormData();
  if (file) form.set("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "application/octet-stream" }));
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return new Request(url, { method: "POST", body: form });
}

/**
 * A multipart body written by hand, for what FormData would clean up: a file
 * name with quotes, CR LF, NUL or a path in the Content-Disposition header.
 */
export function rawUploadRequest(url: string, fileName: string, bytes: Uint8Array, fields: Record<string, string> = {}): Request {
  const boundary = `----hostile${createHash("sha1").update(fileName).digest("hex").slice(0, 16)}`;
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`, "utf8"));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
      "utf8",
    ),
  );
  parts.push(Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`, "utf8"));
  return new Request(url, {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body: Buffer.concat(parts),
  });
}

/** The Russian messages a response carries: an error's message and field errors, or an import's row errors. */
export function messagesOf(body: unknown): string[] {
  const value = body as { error?: { message?: string; fieldErrors?: Record<string, string[]> }; errors?: { message: string }[] };
  if (value.error) return [value.error.message ?? "", ...Object.values(value.error.fieldErrors ?? {}).flat()];
  return (value.errors ?? []).map((e) => e.message);
}

/**
 * The response refuses: a status from 400 to 499 (never 500, which is what an
 * unexpected error in a handler becomes, see to-response.ts), a JSON body, and
 * every message in it Russian. Returns the body.
 */
export async function expectRefused(response: Response, what: string): Promise<unknown> {
  const text = await response.text();
  if (response.status < 400 || response.status > 499)
    throw new Error(`${what}: status ${response.status}, expected a 4xx: ${text.slice(0, 300)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${what}: the body is not JSON: ${text.slice(0, 200)}`);
  }
  const messages = messagesOf(body);
  expect(messages.length, `${what}: no message in ${text.slice(0, 300)}`).toBeGreaterThan(0);
  for (const message of messages) expect(message, `${what}: «${message}» is not Russian`).toMatch(CYRILLIC);
  return body;
}

/** The route's answer, or a failure naming the call when it never comes (a request that hangs is a refusal that never arrives). */
export async function answered(call: Promise<Response>, what: string, ms = 30_000): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
