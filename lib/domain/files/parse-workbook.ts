import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import type { DocxDocument } from "./docx-data";
import type { WorkbookData } from "./workbook-data";

/**
 * Workbooks (and Word documents' body XML) are parsed in worker threads of
 * bounded memory and time, so that a file the zip guard lets through but the
 * parser cannot bear (a bypass found tomorrow) ends one thread and refuses one
 * request, never the server process that serves everyone else. Both kinds share
 * the threads, the limits and the slots below.
 *
 * At most PARSE_SLOTS parses run at once in a process; up to PARSE_QUEUE more wait
 * for a slot (each running parse ends within its deadline, so the wait is
 * bounded); beyond that a request is refused at once as the server being busy,
 * rather than piling up memory.
 *
 * A worker takes one workbook at a time and is kept for the next only while that
 * is safe: after a parse that ended normally, with its heap well below the limit,
 * for at most MAX_JOBS parses and IDLE_MS of idleness. A worker that ran out of
 * memory or time is terminated. Loading exceljs costs a new thread half a second;
 * reuse spares the imports that follow one another that wait. Nothing of one
 * parse is reachable from the next: the worker keeps no state between messages.
 */

export interface ParseLimits {
  /** The worker's V8 heaps and stack (worker_threads resourceLimits). */
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
  stackSizeMb: number;
  /** Wall-clock time before the worker is terminated. */
  timeoutMs: number;
  /** Cells read per row, from column 1: imported tables have a dozen columns. */
  maxColumns: number;
}

/**
 * A workbook the guard admits at its largest (200,000 cells: 16,600 rows of 12 text and
 * number columns, measured) parses in 2 s within a 128 MB heap; the limits leave twice
 * that and no more, so that a server process of two parsing threads stays small.
 */
export const PARSE_LIMITS: ParseLimits = {
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 32,
  stackSizeMb: 4,
  timeoutMs: 30_000,
  maxColumns: 100,
};

/** Two parses at once: imports are rare, and two workers' heaps (512 MB at most) fit beside the server's. */
export const PARSE_SLOTS = 2;
export const PARSE_QUEUE = 8;
const MAX_JOBS = 50;
const IDLE_MS = 60_000;
/** A worker whose heap holds more than this share of its limit after a parse is not given another. */
const REUSE_HEAP_SHARE = 0.25;

/** The worker script, by the working directory (the app always runs from its root; see lib/server/reports/render-pdf.ts). */
const WORKER_FILE = path.join(process.cwd(), "lib", "domain", "files", "workbook-worker.mjs");

export const WORKBOOK_TOO_HEAVY =
  "Книга слишком велика или сложна: её разбор не уложился в отведённую память. Удалите лишние листы, объединения и оформление или сохраните таблицу как CSV и загрузите снова.";
export const WORKBOOK_TOO_SLOW =
  "Книга разбирается слишком долго, и разбор остановлен. Удалите лишние листы, объединения и оформление или сохраните таблицу как CSV и загрузите снова.";
export const PARSER_BUSY = "Сервер сейчас разбирает другие файлы. Повторите загрузку через минуту.";

type ParseRefusal = { ok: false; reason: "unreadable" | "heavy" | "slow" };
export type ParseResult = { ok: true; workbook: WorkbookData } | ParseRefusal;
export type DocxParseResult = { ok: true; document: DocxDocument } | ParseRefusal;

/** A job for workbook-worker.mjs: a workbook's bytes, or a Word document's body XML (its bytes moved to the worker). */
type WorkerJob = { kind: "xlsx"; bytes: Uint8Array; maxColumns: number } | { kind: "docx"; bytes: Uint8Array };
type WorkerResult = ParseResult | DocxParseResult;

/** What the worker answers: the result, and its heap's size after the parse. */
type WorkerAnswer = WorkerResult & { heapUsed: number };

let running = 0;
const waiting: (() => void)[] = [];

async function takeSlot(): Promise<void> {
  if (running < PARSE_SLOTS) {
    running++;
    return;
  }
  if (waiting.length >= PARSE_QUEUE) throw new AppError("RATE_LIMITED", PARSER_BUSY);
  // The slot is handed over by the parse that ends (running stays counted).
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function releaseSlot() {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

class ParseWorker {
  private readonly worker: Worker;
  private jobs = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  alive = true;

  constructor(readonly limits: ParseLimits) {
    const { maxOldGenerationSizeMb, maxYoungGenerationSizeMb, stackSizeMb } = limits;
    this.worker = new Worker(WORKER_FILE, {
      resourceLimits: { maxOldGenerationSizeMb, maxYoungGenerationSizeMb, stackSizeMb },
      // The worker needs none of the server's environment (secrets included).
      env: {},
    });
    // An idle worker never keeps a process (the CLI, a test run) alive; a parse's deadline timer does while it runs.
    this.worker.unref();
    // An idle worker that dies (it should not) is simply not reused.
    this.worker.on("error", () => {}).once("exit", () => (this.alive = false));
  }

  /** One file; `reusable` says whether the worker may take another. */
  run(job: WorkerJob): Promise<{ result: WorkerResult; reusable: boolean }> {
    clearTimeout(this.idleTimer);
    this.jobs++;
    // A copy of its own for the worker, moved to it rather than cloned a second time.
    const copy = new Uint8Array(job.bytes);
    return new Promise((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        this.worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        outcome();
      };
      const dead = (result: ParseRefusal) => settle(() => void this.terminate().finally(() => resolve({ result, reusable: false })));
      const onMessage = ({ heapUsed, ...result }: WorkerAnswer) => {
        const light = heapUsed < this.limits.maxOldGenerationSizeMb * 1024 * 1024 * REUSE_HEAP_SHARE;
        const reusable = result.ok || result.reason === "unreadable";
        settle(() => resolve({ result: result as WorkerResult, reusable: reusable && light && this.jobs < MAX_JOBS }));
      };
      const onError = (error: Error & { code?: string }) => {
        // Anything but memory (no worker file) is the server's fault, not the workbook's.
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY") dead({ ok: false, reason: "heavy" });
        else settle(() => void this.terminate().finally(() => reject(error)));
      };
      const onExit = () => dead({ ok: false, reason: "heavy" });
      const timer = setTimeout(() => dead({ ok: false, reason: "slow" }), this.limits.timeoutMs);
      this.worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      this.worker.postMessage({ ...job, bytes: copy }, [copy.buffer]);
    });
  }

  /** Back to the idle list, leaving it (and ending) after IDLE_MS unused. */
  rest(idle: ParseWorker[]) {
    idle.push(this);
    this.idleTimer = setTimeout(() => {
      idle.splice(idle.indexOf(this), 1);
      void this.terminate();
    }, IDLE_MS).unref();
  }

  terminate(): Promise<number> {
    clearTimeout(this.idleTimer);
    return this.worker.terminate();
  }
}

/** Idle workers of the default limits; a parse with other limits (tests) gets a worker of its own. */
const idle: ParseWorker[] = [];

/** Runs one job in a worker of `limits`, once a slot is free (RATE_LIMITED when too many wait). */
async function parseInWorker(job: WorkerJob, limits: ParseLimits): Promise<WorkerResult> {
  await takeSlot();
  try {
    const pooled = limits === PARSE_LIMITS;
    let worker = pooled ? idle.pop() : undefined;
    while (worker && !worker.alive) worker = idle.pop();
    worker ??= new ParseWorker(limits);
    const { result, reusable } = await worker.run(job);
    if (pooled && reusable) worker.rest(idle);
    else if (reusable) await worker.terminate();
    return result;
  } finally {
    releaseSlot();
  }
}

/** Parses a workbook (already admitted by lib/domain/files/zip-guard.ts) in a bounded worker thread. */
export function parseWorkbook(bytes: Uint8Array, limits: ParseLimits = PARSE_LIMITS): Promise<ParseResult> {
  return parseInWorker({ kind: "xlsx", bytes, maxColumns: limits.maxColumns }, limits) as Promise<ParseResult>;
}

/** Parses a Word document's word/document.xml (inflated by checkDocx) in a bounded worker thread. */
export function parseDocxXml(xml: Uint8Array, limits: ParseLimits = PARSE_LIMITS): Promise<DocxParseResult> {
  return parseInWorker({ kind: "docx", bytes: xml }, limits) as Promise<DocxParseResult>;
}
