import "server-only";
import fs from "node:fs";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * Schema-to-schema SQL diffs with Prisma's own schema engine compiled to wasm,
 * because the Prisma CLI cannot download its native engine on our machines.
 */
type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
};
type EngineModule = {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (options: unknown, log: (line: string) => void, adapter: object) => Promise<Engine> };
};

let engineModule: Promise<EngineModule> | undefined;

// The package is a bundler-style wasm module; instantiating it ourselves avoids
// Node's --experimental-wasm-modules flag.
async function loadEngineModule(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const bindings = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as EngineModule;
  const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

export type SchemaSource = { path: string; content: string } | null;

/** SQL that turns a database shaped like `from` (null: empty) into one shaped like `to`. */
export async function diffSchemas(options: {
  from: SchemaSource;
  to: SchemaSource;
  /** The engine wants a reachable database at start-up; the diff does not read it. */
  databaseUrl: string;
}): Promise<string> {
  engineModule ??= loadEngineModule();
  const { SchemaEngine } = await engineModule;
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: options.databaseUrl }));
  const known = [options.from, options.to].filter((s): s is NonNullable<SchemaSource> => s !== null);
  const engine = await SchemaEngine.new({ datamodels: known.map((s) => [s.path, s.content]) }, () => {}, adapter);
  const side = (source: SchemaSource) => (source ? { tag: "schemaDatamodel", files: [source] } : { tag: "empty" });
  const result = await engine.diff({
    from: side(options.from),
    to: side(options.to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.stdout ?? "";
}

/** True when a diff script holds no statement (Prisma prints a comment then). */
export function isEmptyDiff(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}
