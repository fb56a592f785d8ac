// What bench/soak.ts hands its load child (bench/http/soak-child.ts) as JSON on its stdin, and
// what the child prints back, one JSON object a line.
import type { AutosaveSlot } from "./types";

/** What a response must look like besides its status (2xx): a whole page, a PDF, a spreadsheet. */
export type Expect = "html" | "pdf" | "xlsx" | "csv";

export interface SoakRequest {
  name: string;
  /** Its share of the traffic, relative to the other requests' weights. */
  weight: number;
  expect: Expect;
  /** Taken in turn: one path and the cookie of the user who asks for it (several users, several subjects). */
  variants: { path: string; cookie: string }[];
}

export interface SoakSpec {
  base: string;
  /** Requests per second, all kinds together, sent at a steady pace whatever the answers' times. */
  rate: number;
  /** How long it sends, in seconds. */
  durationS: number;
  /** Requests due in the first warmUpS seconds are not judged (the done line's `judged`). */
  warmUpS: number;
  /** A "minute" line every reportS seconds (none for a run shorter than that). */
  reportS: number;
  seed: number;
  timeoutS: number;
  /** More requests than this waiting for their answers: the next is not sent, and counts as an error. */
  maxInFlight: number;
  requests: SoakRequest[];
  autosave?: { name: string; weight: number; origin: string; slots: AutosaveSlot[] };
}

export interface ErrorCounts {
  /** The connection failed (refused, reset). */
  socket: number;
  timeouts: number;
  /** Any status but 2xx (a redirect here is a lost session: every request of the mix expects 200). */
  status: number;
  /** 2xx, but not what was asked: an autosave without its new version, a PDF that is not one, a cut-off page. */
  failed: number;
  /** Not sent: maxInFlight requests were waiting, or an autosave still waited for its blank at the end (the server fell behind). */
  dropped: number;
}

export interface Percentiles {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export type SoakLine =
  | {
      type: "minute";
      minute: number;
      /** Answered, all kinds, since the start. */
      requests: number;
      errors: number;
      /** This report's (a minute's, or reportS): answered, their p50/p95, and the requests waiting at its end (sent, or autosaves waiting for their blank). */
      minuteRequests: number;
      minuteP50: number;
      minuteP95: number;
      inFlight: number;
    }
  | {
      type: "done";
      durationS: number;
      sent: number;
      total: Percentiles;
      /** The requests due after the warm-up: their latencies and their errors (any kind). */
      judged: Percentiles;
      errorCounts: ErrorCounts;
      statusCodes: Record<string, number>;
      byRequest: Record<string, Percentiles>;
      /** The first failures, as they came (at most 10). */
      failures: string[];
      /** Each autosaving blank's version and save count at the end: the next run of the child starts from them. */
      slots: { blankId: string; version: number; counter: number }[];
    };
