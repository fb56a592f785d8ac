import "server-only";
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Everything else imports `env()`.
 * A bad or missing variable stops start-up with a message naming it.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgresql:// connection URL")
    .optional(),
  /**
   * A direct, non-pooled connection to the primary, for what needs a session of its own: the
   * migrations at start-up and the CLI's migrate, backup and restore. Unset: DATABASE_URL, which
   * may then be a PgBouncer pool in transaction mode (see README, «Scaling out»).
   */
  DIRECT_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgresql:// connection URL")
    .optional(),
  /**
   * A streaming replica of DATABASE_URL's database (or a PgBouncer pool to one) for the heavy
   * reads that tolerate lag: dashboards, lists and their exports, overviews, PDF reports
   * (lib/server/db/replica.ts). Unset: everything reads the primary.
   */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgresql:// connection URL")
    .optional(),
  /** Seconds of replication lag past which the replica is skipped and its reads go to the primary. */
  REPLICA_MAX_LAG: z.coerce
    .number({ error: "must be a number of seconds" })
    .min(0, "must be 0 or more")
    .max(86_400, "must be at most 86400")
    .default(10),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters long").optional(),
  NEXTAUTH_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://localhost:3000" }).optional(),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  DATA_DIR: z.string().min(1, "must not be empty").default(".data"),
  /**
   * Whether this server process runs the background jobs (hourly reminders, report
   * files' expiry, the report queue's worker). Exactly one process per database
   * should: the cluster turns them off in all its workers but one, and so should
   * a deployment of several app instances (see README, «Scaling out»).
   */
  BACKGROUND_JOBS: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  /** Server processes sharing PORT (Node's cluster); default: one per CPU core, as one Node.js process uses one core. */
  WEB_CONCURRENCY: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(64, "must be at most 64")
    .optional(),
  /**
   * Each server worker's JavaScript heap limit (V8's old space), in MB. A worker holds about 110 MB
   * of live objects; without a limit V8 lets garbage pile up to 500 MB and more a worker under load
   * before it collects, so the server's memory was mostly garbage. Raise it for very large reports.
   */
  WEB_WORKER_HEAP_MB: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(128, "must be at least 128")
    .max(16_384, "must be at most 16384")
    .default(256),
  CHROMIUM_PATH: z.string().min(1).optional(),
  /** Where uploaded files are kept by the local storage driver; default DATA_DIR/files. */
  STORAGE_DIR: z.string().min(1, "must not be empty").optional(),
  /** `local` keeps uploaded files under STORAGE_DIR; `s3` in the bucket described by the S3_* variables. */
  STORAGE_DRIVER: z.enum(["local", "s3"], { error: "must be local or s3" }).default("local"),
  /** E-mail for reminders, e.g. smtp://user:pass@mail.example.ru:587; without it only in-app notifications. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3, "must be an e-mail sender such as audit@iro23.ru").default("Методаудит <noreply@localhost>"),
  /**
   * Failed sign-in attempts one address may make in an hour, over all accounts (a success
   * is not counted); past it the address waits for the hour to end. On top of it each
   * e-mail and address pair gets growing delays after 5 consecutive failures
   * (lib/domain/auth/sign-in-throttle.ts). 0 turns sign-in throttling off altogether.
   */
  SIGN_IN_RATE_LIMIT: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be 0 (off) or more")
    .max(1_000_000, "must be at most 1000000")
    .default(100),
  /**
   * Reverse proxies whose X-Forwarded-For is believed: IP addresses and CIDR ranges,
   * comma-separated. Without it (the default) the client's address is the connection's.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .superRefine((entries, context) => {
      const bad = entries.filter((entry) => !isAddressOrRange(entry));
      if (bad.length > 0) {
        context.addIssue({
          code: "custom",
          message: `${bad.join(", ")}: must be IP addresses and CIDR ranges, e.g. 10.0.0.1,192.168.0.0/16`,
        });
      }
    }),
  /**
   * Downloads one user may start in a minute (counted from the first of the minute): list
   * exports, PDF reports, plan exports. 0 turns the limit off (e.g. for a load test).
   */
  EXPORT_RATE_LIMIT: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be 0 (off) or more")
    .max(1_000_000, "must be at most 1000000")
    .default(30),
  /**
   * The token Prometheus sends (Authorization: Bearer <token>) to read GET /api/metrics.
   * Without it the endpoint answers 404: the metrics name routes and queue sizes, not for everyone.
   */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters long").optional(),
  /** The least severe log line written (JSON on stdout): fatal, error, warn, info, debug or trace. */
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be fatal, error, warn, info, debug, trace or silent",
    })
    .default("info"),
  /**
   * `off` makes a worker instance: it serves only /api/health, /api/ready and /api/metrics
   * (every other address answers 503) and is the instance that runs the background jobs; it starts
   * one server worker unless WEB_CONCURRENCY says otherwise.
   */
  SERVE_USERS: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  /**
   * How long a stopping instance (SIGTERM) keeps serving while /api/ready answers 503, in ms,
   * so that the balancer's health check takes it out before it closes its port.
   */
  SHUTDOWN_GRACE_MS: z.coerce
    .number({ error: "must be a number of milliseconds" })
    .int("must be a whole number")
    .min(0, "must be 0 or more")
    .max(600_000, "must be at most 600000")
    .default(5000),
});

/** An IPv4 or IPv6 address, or a CIDR range of one (10.0.0.0/8, fd00::/8). */
function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const requiredForS3 = "is required when STORAGE_DRIVER is s3";

/** Read only with STORAGE_DRIVER=s3; an unused bucket needs no settings. */
const ZS3 = z
  .object({
    /** Unset for AWS itself; MinIO, Yandex Object Storage or VK Cloud give their own. */
    S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://storage.yandexcloud.net" }).optional(),
    S3_REGION: z.string().min(1, "must not be empty").default("us-east-1"),
    S3_BUCKET: z
      .string({ error: requiredForS3 })
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name such as metodaudit-files"),
    S3_ACCESS_KEY_ID: z.string({ error: requiredForS3 }),
    S3_SECRET_ACCESS_KEY: z.string({ error: requiredForS3 }),
    /** Custom endpoints seldom serve buckets as subdomains (bucket.host), so they default to host/bucket paths. */
    S3_FORCE_PATH_STYLE: z.stringbool({ error: "must be true or false" }).optional(),
  })
  .transform((s3) => ({
    endpoint: s3.S3_ENDPOINT,
    region: s3.S3_REGION,
    bucket: s3.S3_BUCKET,
    accessKeyId: s3.S3_ACCESS_KEY_ID,
    secretAccessKey: s3.S3_SECRET_ACCESS_KEY,
    forcePathStyle: s3.S3_FORCE_PATH_STYLE ?? s3.S3_ENDPOINT !== undefined,
  }));

/** The bucket of the s3 storage driver. */
export type S3Settings = z.output<typeof ZS3>;

/** `s3` is set exactly when STORAGE_DRIVER is s3. */
export type Env = z.infer<typeof ZEnv> & { dataDir: string; storageDir: string; s3: S3Settings | undefined };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses a variable map; empty strings count as unset, as in a shell `VAR=`. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = ZEnv.safeParse(cleaned);
  // Parsed apart from the rest, so that a missing bucket is named alongside any other bad variable.
  const s3 = cleaned.STORAGE_DRIVER === "s3" ? ZS3.safeParse(cleaned) : undefined;
  if (!result.success || s3?.success === false) {
    const issues = [...(result.error?.issues ?? []), ...(s3?.error?.issues ?? [])];
    throw new EnvError(issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const dataDir = path.resolve(result.data.DATA_DIR);
  return {
    ...result.data,
    dataDir,
    // The folder is the operator's choice at run time: not something the build should trace.
    storageDir: path.resolve(/* turbopackIgnore: true */ result.data.STORAGE_DIR ?? path.join(dataDir, "files")),
    s3: s3?.data,
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The whole environment, unparsed: only for handing on to child processes (the
 * build, the server, the test runners), which read their own settings.
 */
export function inheritedEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env };
}
