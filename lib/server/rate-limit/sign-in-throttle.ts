import "server-only";
import {
  accountKey,
  ADDRESS_WINDOW_SECONDS,
  addressKey,
  delaySeconds,
  FREE_ATTEMPTS,
  FREE_WINDOW_SECONDS,
  SIGN_IN_MESSAGES,
  WAITS_MEMORY_SECONDS,
} from "@/lib/domain/auth/sign-in-throttle";
import { env } from "@/lib/env";
import { isRefusal, limiter } from "./limiter-store";

/**
 * The sign-in throttle (rate-limiter-flexible's login protection, with growing waits):
 * - per e-mail and address: FREE_ATTEMPTS failures in a row, then a wait that doubles with every
 *   further failure (30 s, 1 min, 2 min, … an hour), one attempt between waits; a success forgets
 *   it all. Keyed by the e-mail as typed, whether an account has it or not, and by the address,
 *   so that a stranger failing from elsewhere never delays the owner at their own address;
 * - per address: SIGN_IN_RATE_LIMIT attempts that did not succeed in an hour, over every e-mail.
 * An attempt is counted before its password is checked, so parallel guesses are all counted.
 */
function limiters() {
  const perAddress = env().SIGN_IN_RATE_LIMIT;
  if (perAddress === 0) return null;
  return {
    address: limiter({ keyPrefix: "sign-in:address", points: perAddress, duration: ADDRESS_WINDOW_SECONDS }),
    account: limiter({ keyPrefix: "sign-in:account", points: FREE_ATTEMPTS, duration: FREE_WINDOW_SECONDS }),
    /** How many waits in a row an e-mail and address has had: the next wait's length. */
    waits: limiter({ keyPrefix: "sign-in:waits", points: 1_000_000, duration: WAITS_MEMORY_SECONDS }),
  };
}

export interface SignInTicket {
  account: string;
  address: string;
  /** Points the e-mail and address has used in its window, this attempt's included. */
  accountPoints: number;
  /** Waits in a row so far. */
  waits: number;
  /** When the address's window ends: a success is given back within it only. */
  addressWindowEndsAt: number;
}

export type SignInGate = { allowed: true; ticket: SignInTicket | null } | { allowed: false; message: string; retryAfterSeconds: number };

function refusal(ms: number): SignInGate {
  return { allowed: false, message: SIGN_IN_MESSAGES.tooMany(ms), retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) };
}

/** Counts an attempt of `email` from `address` before its password is checked; refused: the Russian message. */
export async function beginSignInAttempt(options: { email: string; address: string }): Promise<SignInGate> {
  const l = limiters();
  if (!l) return { allowed: true, ticket: null };
  const account = accountKey(options.email, options.address);
  const address = addressKey(options.address);
  const waits = (await l.waits.get(account))?.consumedPoints ?? 0;
  try {
    const byAddress = await l.address.consume(address);
    // Once the free attempts have run out, an attempt takes all of them: one at a time between waits.
    const byAccount = await l.account.consume(account, waits > 0 ? FREE_ATTEMPTS : 1);
    return {
      allowed: true,
      ticket: {
        account,
        address,
        accountPoints: byAccount.consumedPoints,
        waits,
        addressWindowEndsAt: Date.now() + byAddress.msBeforeNext,
      },
    };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return refusal(error.msBeforeNext);
  }
}

/** A wrong password (or unknown e-mail): past the free attempts, the next wait begins, longer than the last. */
export async function recordSignInFailure(ticket: SignInTicket | null): Promise<void> {
  const l = limiters();
  if (!l || !ticket || ticket.accountPoints < FREE_ATTEMPTS) return;
  const { consumedPoints: wait } = await l.waits.penalty(ticket.account);
  await l.account.block(ticket.account, delaySeconds(wait));
}

/** A success: the e-mail and address start afresh, and the attempt is given back to the address. */
export async function recordSignInSuccess(ticket: SignInTicket | null): Promise<void> {
  const l = limiters();
  if (!l || !ticket) return;
  await Promise.all([
    l.account.delete(ticket.account),
    ticket.waits > 0 ? l.waits.delete(ticket.account) : null,
    Date.now() < ticket.addressWindowEndsAt ? l.address.reward(ticket.address) : null,
  ]);
}
