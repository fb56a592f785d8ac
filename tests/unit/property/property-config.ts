import fc from "fast-check";

/**
 * One seed for every property test, so that a failure in CI is the same failure
 * on a laptop (`FC_SEED=… npx vitest` tries another). Runs are kept few enough
 * for the unit suite to stay fast; each test says how many it needs.
 */
export const SEED = Number(process.env.FC_SEED ?? 20_260_210);

fc.configureGlobal({ seed: SEED, numRuns: 100, endOnFailure: true });

/** At least one Cyrillic letter: every message a person reads is in Russian. */
export const CYRILLIC = /[А-Яа-яЁё]/u;

/**
 * A Russian message once its «quoted» values are taken out (see `unquoted`): Cyrillic, digits, punctuation,
 * spaces and the signs of numbers — no Latin word.
 */
export const RUSSIAN_TEXT = /^[\p{Script=Cyrillic}\p{Nd}\p{P}\p{Zs}+№%]*$/u;

/** A message without its «quoted» values (the user's own, or the values allowed), which may be Latin. */
export const unquoted = (message: string) => message.replace(/«[^«»]*»/gu, "«»");
