import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The app's entry points, read from the code so that a new one cannot be left
 * out of the matrix: every page and layout, every exported HTTP method of a route
 * handler, every export of a "use server" module, and every inline "use server"
 * function. Keys are repository paths, as the coverage table names them.
 */

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

const SOURCE = /\.(tsx?|jsx?|mjs)$/;

function sources(dir: string): string[] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .map((file) => `${dir}/${file.split(path.sep).join("/")}`)
    .filter((file) => SOURCE.test(file))
    .sort();
}

const text = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** A module whose first statement is the "use server" directive (comments before it allowed). */
const isServerModule = (source: string) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(source);

export const importModule = (file: string) => import(/* @vite-ignore */ path.join(ROOT, file)) as Promise<Record<string, unknown>>;

export async function discoverEntries() {
  const appFiles = sources("app");
  const pages = appFiles.filter((f) => /\/(page|layout)\.(tsx|jsx|ts|js)$/.test(f));

  const routes: string[] = [];
  for (const file of appFiles.filter((f) => /\/route\.(ts|js)$/.test(f))) {
    const module = await importModule(file);
    for (const method of HTTP_METHODS) if (typeof module[method] === "function") routes.push(`${method} ${file}`);
  }

  // Server actions may live anywhere a module says "use server"; the app keeps them in lib/actions.
  const candidates = [...appFiles, ...sources("components"), ...sources("lib").filter((f) => !f.startsWith("lib/generated/"))];
  const actions: string[] = [];
  const notAsync: string[] = [];
  const inline: Record<string, number> = {};
  for (const file of candidates) {
    const source = text(file);
    if (!source.includes("use server")) continue;
    if (isServerModule(source)) {
      const module = await importModule(file);
      for (const [name, value] of Object.entries(module)) {
        if (typeof value !== "function") continue;
        actions.push(`${file}#${name}`);
        if (value.constructor.name !== "AsyncFunction") notAsync.push(`${file}#${name}`);
      }
    } else {
      const count = source.match(/["']use server["']/g)?.length ?? 0;
      if (count) inline[file] = count;
    }
  }
  return { pages, routes, actions, notAsync, inline };
}

/** "app/(app)/plans/[id]/events/[eventId]/page.tsx" with { id, eventId } → "/plans/<id>/events/<eventId>". */
export function urlOf(file: string, params: Record<string, string | string[]> = {}): string {
  const segments = file
    .replace(/^app\//, "")
    .split("/")
    .slice(0, -1)
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((segment) => {
      const dynamic = /^\[(?:\.\.\.)?([^\]]+)\]$/.exec(segment);
      if (!dynamic) return segment;
      const value = params[dynamic[1]!];
      if (value === undefined) throw new Error(`${file}: no value for [${dynamic[1]}]`);
      return (Array.isArray(value) ? value : [value]).map(encodeURIComponent).join("/");
    });
  return `/${segments.join("/")}`;
}

/** The names of a file's dynamic segments: "[id]", "[...nextauth]" → ["id", "nextauth"]. */
export function dynamicSegments(file: string): string[] {
  return [...file.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!);
}
