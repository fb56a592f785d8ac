/** What bench/http/load-child.ts runs: HTTP load through autocannon, or one SQL query through `pg`. */
export type LoadSpec =
  | {
      kind: "http";
      label: string;
      url: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      connections: number;
      duration: number;
      /** A response body matching this is a failure too (the sign-in page). */
      failurePattern?: string;
      /** The autosave (PATCH /api/blanks/<id>/answers): one blank per slot, more slots than connections. */
      autosave?: { origin: string; slots: AutosaveSlot[] };
    }
  | { kind: "sql"; label: string; databaseUrl: string; sql: string; params: unknown[]; connections: number; duration: number };

export interface AutosaveSlot {
  blankId: string;
  version: number;
  itemKey: string;
  itemKind: string;
  cookie: string;
  counter: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  bytes: number;
  /** Responses that were 4xx/5xx or matched the failure pattern. */
  failed?: number;
  firstFailure?: string;
  /** autocannon's own histogram (whole ms), for reference. */
  autocannon?: { p50: number; p97_5: number; p99: number; rps: number };
  /** SQL: rows of one run, and the median of 20 runs one at a time. */
  rows?: number;
  serialP50?: number;
}
