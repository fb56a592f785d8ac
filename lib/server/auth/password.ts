import "server-only";
import { hash, verify, type Options } from "@node-rs/argon2";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// `algorithm: 2` is Argon2id (the package exports it as an ambient const enum).
const OPTIONS: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * The hash an unknown e-mail's password is checked against: made with OPTIONS (a test holds them
 * equal) and written out, so that even the first check after a start costs what a real one does.
 */
export const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$ssK64AHQ+lRccYpz0ByGqg$455zt9F/QZogZEoto6LvQOfitOgnBHUx9s/zipUsLbs";

/** Spends the same time as a real check, so an unknown e-mail cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(DUMMY_HASH, password);
  return false;
}
