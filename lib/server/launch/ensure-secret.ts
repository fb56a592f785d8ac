import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** NEXTAUTH_SECRET when given, else one generated once and kept in DATA_DIR. */
export function ensureSecret(options: { given: string | undefined; dataDir: string }): string {
  if (options.given) return options.given;
  const file = path.join(options.dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(options.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
