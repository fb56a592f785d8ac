import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseBreachedPasswords } from "@/lib/domain/auth/password-policy";

/**
 * breached-passwords.txt is the 10,000 most common passwords of Mark Burnett's
 * (xato.net) 10-million-password corpus, as SecLists publishes them, copied verbatim:
 *
 *   repository  danielmiessler/SecLists
 *   commit      74d9d3259d82c441c1217104cb7debd5912178b6
 *   path        Passwords/Common-Credentials/10-million-password-list-top-10000.txt
 *   sha256      0279e0e7d854dc40460db18a7cf2e09fb661837dc0ae7d3b8dc6e783ba5d84b4
 *               (76,508 bytes: 10,000 lines)
 *
 * To refresh it, replace the file with a newer copy of that list and update the
 * lines above; nothing else reads it. Only its entries of 10 characters or more
 * can ever match (shorter passwords are refused for their length first).
 *
 * Found by the working directory: the app always runs from its root (npm scripts,
 * the production server of lib/server/launch), the same rule as the PDF fonts
 * (lib/server/reports/render-pdf.ts).
 */
const FILE = path.join(process.cwd(), "lib", "server", "auth", "breached-passwords.txt");

let cached: ReadonlySet<string> | undefined;

/** The breached passwords, lower-cased, read once per process. */
export function breachedPasswords(): ReadonlySet<string> {
  cached ??= parseBreachedPasswords(readFileSync(FILE, "utf8"));
  return cached;
}
