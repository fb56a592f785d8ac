import "server-only";
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
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters long").optional(),
  NEXTAUTH_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://localhost:3000" })
    .optional(),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  DATA_DIR: z.string().min(1, "must not be empty").default(".data"),
  CHROMIUM_PATH: z.string().min(1).optional(),
  /** Where uploaded files are kept by the local storage driver; default DATA_DIR/files. */
  STORAGE_DIR: z.string().min(1, "must not be empty").optional(),
  /** E-mail for reminders, e.g. smtp://user:pass@mail.example.ru:587; without it only in-app notifications. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3, "must be an e-mail sender such as audit@iro23.ru").default("Методаудит <noreply@localhost>"),
});

export type Env = z.infer<typeof ZEnv> & { dataDir: string; storageDir: string };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses a variable map; empty strings count as unset, as in a shell `VAR=`. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = ZEnv.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const dataDir = path.resolve(result.data.DATA_DIR);
  return { ...result.data, dataDir, storageDir: path.resolve(result.data.STORAGE_DIR ?? path.join(dataDir, "files")) };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
