import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { currentActor, type Actor } from "./actor-context";
import {
  AUDITED_OPERATIONS,
  isAuditedOperation,
  isAuditedWrite,
  keyFields,
  scalarFields,
  type AuditedOperation,
} from "@/lib/domain/audit/audit-policy";
import { auditRowsOf, entityIdOf, type WriteEvent } from "./record-writes";
import { writeAuditRows, type AuditRow } from "./write-audit-rows";

/**
 * The audit trail at the data layer: every create, update and delete made through
 * the client (lib/server/db/client.ts) appends AuditEvent rows — who, when, which
 * row, before and after — in the same transaction as the write, so a write that is
 * rolled back leaves no event and an event never outlives its write.
 *
 * How a write and its events share a transaction:
 * - inside `db().$transaction(async (tx) => …)`, Prisma hands the hook the caller's
 *   interactive transaction (`__internalParams.transaction`, kind "itx"); the before
 *   read, the write and the INSERT of the events are issued on the base client and
 *   joined to that transaction (`requestTransaction`), as Prisma itself runs a query
 *   of a transaction client;
 * - a write outside a transaction is re-issued inside one of its own, which brings it
 *   to the case above;
 * - a batch `$transaction([…])` holding an audited write is run as an interactive
 *   transaction of the same operations in the same order (the client extension
 *   below): a batch sends its queries together and leaves no room for a read before
 *   a write.
 *
 * Inside `db().$transaction(async (tx) => …)` the events are kept until the callback
 * has returned and then appended with one INSERT, whatever the entities, just before
 * Prisma commits: a transaction's N writes cost one INSERT rather than N. A write
 * outside such a callback appends its events at once. Raw SQL writes that the hook
 * cannot see add their events to the same INSERT (record-writes.ts, keepRawWriteEvents).
 *
 * The hook runs the write itself on the base client (it does not call `query`), so it
 * must stay the last query extension of the client.
 *
 * Not recorded: raw SQL (`$executeRaw`: the bulk demo-data loader only, and advisory
 * locks), writes of the models audit-policy.ts excludes, and rows changed by the
 * database itself (ON DELETE CASCADE / SET NULL: the parent's DELETE event stands for
 * them). Nested writes (`data: { teachers: { create: … } }`) are recorded inside the
 * parent's event, under the relation's name in `after`.
 */

type Row = Record<string, unknown>;
type Args = Record<string, unknown>;
type ItxInfo = { kind: "itx"; id: string; payload?: unknown };
type TransactionInfo = ItxInfo | { kind: "batch" };
type Exec = <T>(promise: PromiseLike<T>) => Promise<T>;
type Operation = (args: unknown) => PromiseLike<unknown>;
type Delegate = Record<AuditedOperation | "findUnique" | "findMany", Operation>;

/** Rows read per statement before a *Many write; the write and the event INSERTs go in chunks of the same size. */
export const BEFORE_READ_BATCH = 1000;
/** A *Many write over more rows than this is refused: split it (its before-images would be held in memory). */
export const MAX_AUDITED_ROWS = 50_000;
/** A write outside a transaction gets one of its own; it waits for a connection as long as a query would. */
const OWN_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const delegateOf = (client: unknown, model: string) => (client as Record<string, Delegate>)[lowerFirst(model)]!;

interface HookParams {
  model: string;
  operation: string;
  args: unknown;
  query: (args: unknown) => Promise<unknown>;
}

/** The transaction Prisma runs the operation in; passed to query extensions but not in their public type. */
function transactionOf(params: HookParams): TransactionInfo | undefined {
  return (params as HookParams & { __internalParams?: { transaction?: TransactionInfo } }).__internalParams?.transaction;
}

/** Prisma's promise of an operation, run inside the given interactive transaction. */
function inTransaction(tx: ItxInfo): Exec {
  return <T>(promise: PromiseLike<T>) => {
    const run = (promise as PromiseLike<T> & { requestTransaction?: (tx: ItxInfo) => PromiseLike<T> }).requestTransaction;
    if (typeof run !== "function") throw new Error("The audit trail cannot join the caller's transaction (Prisma's promise changed).");
    return Promise.resolve(run.call(promise, tx));
  };
}

/**
 * The events of an interactive transaction's callback, appended when it returns. The
 * first write that records into it names its transaction; a write of another
 * transaction (an outer one, used from inside) appends its own events at once.
 */
interface Pending {
  tx: ItxInfo | null;
  rows: AuditRow[];
}

type RawClient = { $executeRawUnsafe(sql: string, ...values: unknown[]): PromiseLike<number> };

/**
 * Each open transaction's kept events, by the transaction client its callback was given, and
 * the clients with the trail. On globalThis, as the actor's context is (actor-context.ts): Next
 * may load this module once per server bundle, and a raw write's events (record-writes.ts) must
 * find the transaction another copy's client opened.
 */
const shared = globalThis as unknown as {
  metodauditAuditTransactions?: WeakMap<object, Pending>;
  metodauditAuditedClients?: WeakSet<object>;
};
const openTransactions = (shared.metodauditAuditTransactions ??= new WeakMap());
const auditedClients = (shared.metodauditAuditedClients ??= new WeakSet());

/**
 * Keeps the events of writes made in raw SQL on `tx` (record-writes.ts) with the events of the
 * transaction's other writes: all are appended together when its callback returns. A client
 * without the trail records nothing (as for its other writes); an audited client used outside
 * its transaction's callback is a mistake that would lose the events, so it throws.
 */
export function keepRawWriteEvents(tx: object, rows: readonly AuditRow[]): void {
  const pending = openTransactions.get(tx);
  if (pending) {
    pending.rows.push(...rows);
    return;
  }
  if (auditedClients.has(tx)) {
    throw new Error("Writes made in raw SQL are recorded inside db().$transaction(async (tx) => …), on its tx.");
  }
}

/** The base client with the audit trail. The type is unchanged: the extension adds no method. */
export function withAudit(base: PrismaClient): PrismaClient {
  const pendingStorage = new AsyncLocalStorage<Pending>();

  const hook = async (params: HookParams): Promise<unknown> => {
    const { model, operation, args, query } = params;
    if (!isAuditedOperation(operation) || !isAuditedWrite(model, operation)) return query(args);
    const tx = transactionOf(params);
    if (!tx) {
      // Re-issued on a transaction of this client: the hook sees it again, inside the transaction,
      // which commits on its own: its events are not kept for a callback the write may run in.
      return pendingStorage.exit(() =>
        audited.$transaction((t) => delegateOf(t, model)[operation](args) as Promise<unknown>, OWN_TRANSACTION),
      );
    }
    if (tx.kind !== "itx") {
      // The client extension below turns such batches into interactive transactions.
      throw new Error(`${model}.${operation} in a batch $transaction cannot be audited.`);
    }
    let pending = pendingStorage.getStore();
    if (pending && (pending.tx ??= tx).id !== tx.id) pending = undefined;
    return auditedWrite({ base, exec: inTransaction(tx), model, operation, args: (args ?? {}) as Args, actor: currentActor(), pending });
  };

  /**
   * Appends the kept events in the transaction they belong to: one INSERT. Only raw writes
   * (no write through the hook named the transaction) are appended through the callback's client.
   */
  const flush = async (pending: Pending, client: RawClient) => {
    const rows = pending.rows.splice(0);
    if (rows.length === 0) return;
    const { tx } = pending;
    if (tx) await writeAuditRows((sql, json) => inTransaction(tx)(base.$executeRawUnsafe(sql, json)), rows);
    else await writeAuditRows((sql, json) => Promise.resolve(client.$executeRawUnsafe(sql, json)), rows);
  };

  const audited = base.$extends({
    name: "audit-trail",
    query: { $allModels: Object.fromEntries(AUDITED_OPERATIONS.map((operation) => [operation, hook])) },
  });

  const withBatches = audited.$extends({
    name: "audit-trail-batches",
    client: {
      $transaction(input: unknown, options?: { isolationLevel?: string; maxWait?: number; timeout?: number }): Promise<unknown> {
        const transaction = audited.$transaction as (input: unknown, options?: unknown) => Promise<unknown>;
        if (typeof input === "function") {
          const callback = input as (tx: unknown) => Promise<unknown>;
          return transaction.call(
            audited,
            (tx: unknown) => {
              const pending: Pending = { tx: null, rows: [] };
              openTransactions.set(tx as object, pending);
              return pendingStorage.run(pending, async () => {
                const result = await callback(tx);
                await flush(pending, tx as RawClient);
                return result;
              });
            },
            options,
          );
        }
        if (!Array.isArray(input)) return transaction.call(audited, input, options);
        const specs = input.map((promise) => (promise as { spec?: { model: string; action: string; args: unknown } }).spec);
        const writes = specs.some((s) => s && isAuditedOperation(s.action) && isAuditedWrite(s.model, s.action));
        if (!writes) return transaction.call(audited, input, options);
        if (specs.some((s) => !s))
          throw new Error("A batch $transaction with an audited write cannot hold raw queries: use an interactive transaction.");
        // Through this same method: the operations' events are kept and appended together.
        return (withBatches.$transaction as (input: unknown, options?: unknown) => Promise<unknown>)(
          async (tx: unknown) => {
            const results: unknown[] = [];
            for (const spec of specs)
              results.push(await (delegateOf(tx, spec!.model) as Record<string, Operation>)[spec!.action]!(spec!.args));
            return results;
          },
          { ...OWN_TRANSACTION, ...options },
        );
      },
    },
  });
  auditedClients.add(withBatches);
  return withBatches as unknown as PrismaClient;
}

// ---------------------------------------------------------------------------

interface WriteContext {
  base: PrismaClient;
  exec: Exec;
  model: string;
  operation: AuditedOperation;
  args: Args;
  actor: Actor;
  /** Where the events wait for the end of the transaction's callback; without it they are appended at once. */
  pending?: Pending;
}

type Event = WriteEvent;

async function auditedWrite(c: WriteContext): Promise<unknown> {
  const d = delegateOf(c.base, c.model);
  const { exec, model, args } = c;
  const record = (events: Event[]) => recordEvents(c, events);
  const nested = (data: unknown) => relationWrites(model, data);
  /** The whole rows of a write's result: itself, or read again when the caller's select left columns out. */
  const whole = async (shape: Shape, rows: Row[]): Promise<Row[]> => {
    if (!shape.partial || rows.length === 0) return rows;
    const found = new Map(((await exec(d.findMany({ where: keysWhere(model, rows) }))) as Row[]).map((r) => [entityIdOf(model, r), r]));
    return rows.map((r) => found.get(entityIdOf(model, r)) ?? r);
  };

  switch (c.operation) {
    case "create": {
      const shape = fullRowShape(model, args);
      const result = (await exec(d.create(shape.run))) as Row;
      const [row] = await whole(shape, [result]);
      await record([{ action: "CREATE", row: row!, before: null, after: { ...scalarsOf(model, row!), ...nested(args.data) } }]);
      return shape.give(result);
    }
    case "update":
    case "upsert": {
      const shape = fullRowShape(model, args);
      const before = (await exec(d.findUnique({ where: args.where }))) as Row | null;
      const result = (await exec(d[c.operation](shape.run))) as Row;
      const [row] = await whole(shape, [result]);
      const data = c.operation === "update" ? args.data : before ? args.update : args.create;
      const after = { ...scalarsOf(model, row!), ...nested(data) };
      await record([{ action: before ? "UPDATE" : "CREATE", row: row!, before: before && scalarsOf(model, before), after }]);
      return shape.give(result);
    }
    case "delete": {
      // A delete returns the row as it was: the before-image needs no read of its own,
      // unless the caller's select leaves columns out.
      const shape = fullRowShape(model, args);
      const read = shape.partial ? ((await exec(d.findUnique({ where: args.where }))) as Row | null) : null;
      const result = (await exec(d.delete(shape.run))) as Row;
      const row = read ?? result;
      await record([{ action: "DELETE", row, before: scalarsOf(model, row), after: null }]);
      return shape.give(result);
    }
    case "createMany":
    case "createManyAndReturn": {
      const returning = c.operation === "createManyAndReturn";
      const shape: Shape = returning
        ? fullRowShape(model, args)
        : { run: { data: args.data, skipDuplicates: args.skipDuplicates }, give: () => null, partial: false };
      const result = (await exec(d.createManyAndReturn(shape.run))) as Row[];
      const rows = await whole(shape, result);
      await record(rows.map((row) => ({ action: "CREATE", row, before: null, after: scalarsOf(model, row) })));
      return returning ? shape.give(result) : { count: result.length };
    }
    case "updateMany":
    case "updateManyAndReturn": {
      const returning = c.operation === "updateManyAndReturn";
      const { limit, where, data } = args as { limit?: number; where?: Args; data: unknown };
      const before = await readMatching(c, d, where, limit);
      const shape: Shape = returning ? fullRowShape(model, args) : { run: {}, give: () => null, partial: false };
      const result: Row[] = [];
      for (const chunk of chunks(before)) {
        const run = { ...shape.run, where: { AND: [where ?? {}, keysWhere(model, chunk)] }, data, limit: undefined };
        result.push(...((await exec(d.updateManyAndReturn(run))) as Row[]));
      }
      const rows = await whole(shape, result);
      const byKey = new Map(before.map((row) => [entityIdOf(model, row), row]));
      await record(
        rows.map((row) => ({ action: "UPDATE", row, before: byKey.get(entityIdOf(model, row)) ?? null, after: scalarsOf(model, row) })),
      );
      return returning ? shape.give(result) : { count: result.length };
    }
    case "deleteMany": {
      const { limit, where } = args as { limit?: number; where?: Args };
      const before = await readMatching(c, d, where, limit);
      let count = 0;
      for (const chunk of chunks(before)) {
        count += ((await exec(d.deleteMany({ where: { AND: [where ?? {}, keysWhere(model, chunk)] } }))) as { count: number }).count;
      }
      await record(before.map((row) => ({ action: "DELETE", row, before: row, after: null })));
      return { count };
    }
  }
}

/** Appends the events (auditRowsOf leaves out updates that changed nothing). */
async function recordEvents(c: WriteContext, events: Event[]): Promise<void> {
  const rows = auditRowsOf(c.model, c.actor, events);
  if (rows.length === 0) return;
  if (c.pending) {
    c.pending.rows.push(...rows);
    return;
  }
  await writeAuditRows((sql, json) => c.exec(c.base.$executeRawUnsafe(sql, json)), rows);
}

/**
 * The rows a *Many write will touch, read first by key in batches of BEFORE_READ_BATCH.
 * The write is then narrowed to these keys (and its own filter), so every row it
 * changes has its before-image: a row that begins to match between the read and the
 * write is left alone, as if the write had come first.
 */
async function readMatching(c: WriteContext, d: Delegate, where: Args | undefined, limit: number | undefined): Promise<Row[]> {
  const keys = keyFields(c.model);
  const orderBy = keys.map((k) => ({ [k]: "asc" }));
  const rows: Row[] = [];
  const cap = limit ?? Number.POSITIVE_INFINITY;
  for (let last: Row | undefined; rows.length < cap; ) {
    const take = Math.min(BEFORE_READ_BATCH, cap - rows.length);
    const filter = last ? { AND: [where ?? {}, keysAfter(keys, last)] } : (where ?? {});
    const batch = (await c.exec(d.findMany({ where: filter, orderBy, take }))) as Row[];
    rows.push(...batch);
    if (rows.length > MAX_AUDITED_ROWS) {
      throw new Error(`${c.model}.${c.operation} touches more than ${MAX_AUDITED_ROWS} rows: split it, each part is audited row by row.`);
    }
    if (batch.length < take) break;
    last = batch.at(-1);
  }
  return rows;
}

/** Rows after `last` in key order. */
function keysAfter(keys: readonly string[], last: Row): Args {
  const [first, ...rest] = keys;
  if (rest.length === 0) return { [first!]: { gt: last[first!] } };
  return { OR: [{ [first!]: { gt: last[first!] } }, { [first!]: last[first!], ...keysAfter(rest, last) }] };
}

function keysWhere(model: string, rows: readonly Row[]): Args {
  const keys = keyFields(model);
  if (keys.length === 1) return { [keys[0]!]: { in: rows.map((r) => r[keys[0]!]) } };
  return { OR: rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]]))) };
}

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BEFORE_READ_BATCH) yield rows.slice(i, i + BEFORE_READ_BATCH);
}

function scalarsOf(model: string, row: Row): Row {
  const fields = scalarFields(model);
  return Object.fromEntries(Object.entries(row).filter(([k]) => fields.has(k)));
}

/** The nested writes of a create or an update (`teachers: { create: … }`), as given. */
function relationWrites(model: string, data: unknown): Row {
  if (!data || typeof data !== "object" || Array.isArray(data)) return {};
  const fields = scalarFields(model);
  return Object.fromEntries(Object.entries(data as Row).filter(([k, v]) => !fields.has(k) && v !== undefined));
}

interface Shape {
  run: Args;
  /** The result as the caller asked for it. */
  give: (result: Row | Row[]) => unknown;
  /** Whether the result lacks columns (a select of relations), so that the row is read again. */
  partial: boolean;
}

/**
 * The write's arguments changed so that it returns every column (the after-image),
 * and how to give the caller the result in the shape it asked for: a `select` of
 * columns is applied to the full row, an `omit` removes from it; a `select` of
 * relations is run as given, with the key added to find the row again.
 */
function fullRowShape(model: string, args: Args): Shape {
  const { select, omit, ...rest } = args as Args & { select?: Record<string, unknown>; omit?: Record<string, unknown> };
  const fields = scalarFields(model);
  const each = (keep: (key: string) => boolean) => (result: Row | Row[]) => {
    const pick = (row: Row) => Object.fromEntries(Object.entries(row).filter(([k]) => keep(k)));
    return Array.isArray(result) ? result.map(pick) : pick(result);
  };
  if (select) {
    const selected = Object.entries(select).filter(([, v]) => v);
    if (selected.every(([k, v]) => v === true && fields.has(k))) {
      const keep = new Set(selected.map(([k]) => k));
      return { run: rest, give: each((k) => keep.has(k)), partial: false };
    }
    const added = keyFields(model).filter((k) => !select[k]);
    return {
      run: { ...rest, select: { ...select, ...Object.fromEntries(added.map((k) => [k, true])) } },
      give: each((k) => !added.includes(k)),
      partial: true,
    };
  }
  if (omit) {
    const omitted = new Set(
      Object.entries(omit)
        .filter(([, v]) => v)
        .map(([k]) => k),
    );
    return { run: rest, give: each((k) => !omitted.has(k)), partial: false };
  }
  return { run: args, give: (result) => result, partial: false };
}
