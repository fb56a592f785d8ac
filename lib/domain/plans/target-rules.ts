/**
 * Target values of plan indicators (seed 004, section 6 "Целевые показатели",
 * column "Значение показателя") as machine-checkable rules, and the check of a
 * period's measurements against them. Pure.
 *
 * A target value is free Russian text: "не менее 5 % от общего количества
 * педагогов в 2020 г., не менее 10% в 2021 году 100% до конца 2024 года" holds
 * three rules. Each rule starts at a "head" ("не менее N %", "N %", "не менее N
 * …", "работа N …", "до N … в год") and runs to the next head; a year written in
 * that stretch ("в 2020 г.", "до конца 2024 года") belongs to that rule. Numbers
 * that are not heads ("представителей 36 общеобразовательных организаций") are
 * description, never rules.
 */

export const TARGET_RULE_KINDS = ["AT_LEAST_PERCENT", "AT_LEAST_COUNT", "AT_LEAST_PER_ORGANIZATION", "UP_TO_PER_YEAR"] as const;
export type TargetRuleKind = (typeof TARGET_RULE_KINDS)[number];

export interface TargetRule {
  kind: TargetRuleKind;
  value: number;
  /** The rule holds only in this calendar year ("в 2020 г."). */
  year: number | null;
  /** The value must be reached by the end of this year ("до конца 2024 года"); earlier periods are "not yet due". */
  byYear: number | null;
  /** What is counted, as written ("тьюторских сообществ"), when the text names it. Always null for percent rules. */
  subject: string | null;
  /** The fragment of the text this rule came from. */
  text: string;
}

export type RuleParse = { ok: true; rules: TargetRule[]; unit: "%" | "count" } | { ok: false; error: string };

export const NO_RULE_ERROR =
  "Не распознано значение показателя: напишите, например, «не менее 30 %», «100 %», «не менее 1 на каждую организацию» или «до 4 в год».";

// ---------------------------------------------------------------------------
// Parsing

const NUM = "(\\d+(?:[.,]\\d+)?)";
const YEAR = "((?:19|20|21)\\d{2})";
/** "г.", "г", "гг.", "год", "года", "году". */
const YEAR_WORD = "(?:год[ау]?|гг?\\.|г(?![а-яё]))";

/** "до конца 2024 года", "к концу 2024 г.", "до 2024 года", "к 2024 году". Checked before YEAR_RE. */
const BY_YEAR_RE = new RegExp(`(?:до|к)\\s+(?:(?:конц[уа])\\s+)?${YEAR}\\s*${YEAR_WORD}`, "giu");
/** "в 2020 г.", "в 2021 году", "на 2021 год", "за 2021 год", "(2020 г.)". */
const YEAR_RE = new RegExp(`(?<![\\d.,а-яё])(?:(?:в|на|за)\\s+)?${YEAR}\\s*${YEAR_WORD}`, "giu");

/**
 * Rule heads, leftmost first; at one position the earlier alternative wins, so
 * "не менее 5 %" is one percent head, not a count head plus a bare percent.
 */
const HEAD_RE = new RegExp(
  [
    `(?<atLeastPercent>не\\s+менее\\s+${NUM}\\s*%)`,
    `(?<atLeast>не\\s+менее\\s+${NUM})`,
    `(?<work>(?<![а-яё])работ[аы]\\s+${NUM})`,
    `(?<upTo>(?<![а-яё])до\\s+${NUM}(?![\\d.,]|\\s*%))`,
    `(?<percent>(?<![\\d.,])${NUM}\\s*%)`,
    // "1 педагог от каждой организации": a bare number is a head only when "каждой" follows closely.
    `(?<perEach>(?<![\\d.,])${NUM}(?=\\s+(?:[а-яё-]+\\s+){0,3}(?:от|на|в|из|для)\\s+кажд))`,
  ].join("|"),
  "giu",
);

const PER_ORGANIZATION_RE = /(?:^|[^а-яё])(?:от|на|в|во|из|для)\s+кажд(?:ой|ую|ого|ое|ый|ом)(?:[^а-яё]|$)/iu;
const PER_YEAR_RE = /(?:^|[^а-яё])(?:в|за)\s+(?:(?:учебный|календарный)\s+)?год(?:[^а-яё]|$)|ежегодно|в\s+течение\s+(?:учебного\s+)?года/iu;
const AT_MOST_RE = /(?:^|[^а-яё])(?:не\s+более|не\s+больше|не\s+выше|не\s+превыша)/iu;

/** Words that end what is counted: prepositions, conjunctions, time words. */
const SUBJECT_STOP = new Set([
  "в",
  "во",
  "от",
  "на",
  "по",
  "с",
  "со",
  "для",
  "из",
  "к",
  "ко",
  "до",
  "при",
  "у",
  "о",
  "об",
  "за",
  "через",
  "среди",
  "и",
  "или",
  "а",
  "но",
  "не",
  "год",
  "года",
  "году",
  "ежегодно",
  "каждой",
  "каждую",
  "каждого",
  "каждый",
  "работа",
  "работы",
]);
const SUBJECT_MAX_WORDS = 4;

const toNumber = (s: string) => Number(s.replace(",", "."));

/** A year expression's span and which kind it is. */
interface YearMark {
  start: number;
  end: number;
  year: number;
  by: boolean;
}

function findYears(text: string): YearMark[] {
  const marks: YearMark[] = [];
  const overlaps = (start: number, end: number) => marks.some((m) => start < m.end && end > m.start);
  for (const match of text.matchAll(BY_YEAR_RE)) {
    marks.push({ start: match.index, end: match.index + match[0].length, year: Number(match[1]), by: true });
  }
  for (const match of text.matchAll(YEAR_RE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!overlaps(start, end)) marks.push({ start, end, year: Number(match[1]), by: false });
  }
  return marks.toSorted((a, b) => a.start - b.start);
}

/** The text with year expressions blanked out (same length), so their digits are never read as values. */
function maskYears(text: string, marks: readonly YearMark[]): string {
  let out = text;
  for (const m of marks) out = out.slice(0, m.start) + "¤".repeat(m.end - m.start) + out.slice(m.end);
  return out;
}

/** "тьюторских сообществ (по предметам ЕГЭ)" → "тьюторских сообществ"; nothing when a preposition follows the number. */
function readSubject(after: string): string | null {
  const words: string[] = [];
  for (const match of after.matchAll(/\S+/gu)) {
    const word = match[0];
    const clean = word.replace(/[.,;:]+$/u, "");
    const isWord = /^[а-яёА-ЯЁ][а-яёА-ЯЁ-]*$/u.test(clean);
    if (!isWord || SUBJECT_STOP.has(clean.toLowerCase())) break;
    words.push(clean);
    if (clean !== word || words.length >= SUBJECT_MAX_WORDS) break;
  }
  return words.length > 0 ? words.join(" ") : null;
}

interface Head {
  index: number;
  end: number;
  kind: TargetRuleKind | "AT_LEAST" | "UP_TO";
  value: number;
}

function findHeads(masked: string): Head[] {
  const heads: Head[] = [];
  for (const match of masked.matchAll(HEAD_RE)) {
    const g = match.groups ?? {};
    const index = match.index;
    const end = index + match[0].length;
    const numberIn = (group: string) => toNumber(/\d+(?:[.,]\d+)?/u.exec(group)![0]);
    if (g.atLeastPercent) heads.push({ index, end, kind: "AT_LEAST_PERCENT", value: numberIn(g.atLeastPercent) });
    else if (g.atLeast) heads.push({ index, end, kind: "AT_LEAST", value: numberIn(g.atLeast) });
    else if (g.work) heads.push({ index, end, kind: "AT_LEAST_COUNT", value: numberIn(g.work) });
    else if (g.upTo) heads.push({ index, end, kind: "UP_TO", value: numberIn(g.upTo) });
    else if (g.percent) heads.push({ index, end, kind: "AT_LEAST_PERCENT", value: numberIn(g.percent) });
    else if (g.perEach) heads.push({ index, end, kind: "AT_LEAST_PER_ORGANIZATION", value: numberIn(g.perEach) });
  }
  return heads;
}

const trimFragment = (s: string) => s.replace(/^[\s,;]+|[\s,;]+$/gu, "");

export function parseTargetRules(text: string): RuleParse {
  const source = text.replace(/[\s\u00A0]+/gu, " ").trim();
  if (!source) return { ok: false, error: NO_RULE_ERROR };
  if (AT_MOST_RE.test(source)) {
    return { ok: false, error: "Ограничения «не более …» не поддерживаются: цель записывается как «не менее …», «N %» или «до N в год»." };
  }
  const years = findYears(source);
  const masked = maskYears(source, years);

  // "до N" is a per-year plan only when "в год" follows before the next head; otherwise
  // it is description ("до 5 человек") and is dropped before the stretches are cut.
  const candidates = findHeads(masked);
  const heads = candidates.filter((head, i) => {
    if (head.kind !== "UP_TO") return true;
    const stretchEnd = candidates[i + 1]?.index ?? masked.length;
    return PER_YEAR_RE.test(masked.slice(head.end, stretchEnd));
  });
  if (heads.length === 0) return { ok: false, error: NO_RULE_ERROR };

  const rules: TargetRule[] = [];
  for (const [i, head] of heads.entries()) {
    // The first rule's stretch starts at the text's start: "Во всех образовательных
    // организациях (100%)" is all one rule, and a year written before the first head binds to it.
    const start = i === 0 ? 0 : head.index;
    const end = heads[i + 1]?.index ?? masked.length;
    const stretch = masked.slice(head.end, end);
    let kind: TargetRuleKind;
    if (head.kind === "AT_LEAST") kind = PER_ORGANIZATION_RE.test(stretch) ? "AT_LEAST_PER_ORGANIZATION" : "AT_LEAST_COUNT";
    else if (head.kind === "UP_TO") kind = "UP_TO_PER_YEAR";
    else kind = head.kind;

    if (kind === "AT_LEAST_PERCENT" && head.value > 100) {
      return { ok: false, error: `Значение «${formatNumber(head.value)} %» больше 100 %: доля не может превышать 100 %.` };
    }
    // The first year expression in the stretch binds; later ones are description.
    const inStretch = years.filter((y) => y.start >= start && y.end <= end);
    const year = inStretch.find((y) => !y.by)?.year ?? null;
    const byYear = inStretch.find((y) => y.by)?.year ?? null;
    rules.push({
      kind,
      value: head.value,
      year,
      byYear,
      subject: kind === "AT_LEAST_PERCENT" ? null : readSubject(stretch),
      text: trimFragment(source.slice(start, end)),
    });
  }

  const percent = rules.filter((r) => r.kind === "AT_LEAST_PERCENT").length;
  if (percent > 0 && percent < rules.length) {
    return { ok: false, error: "В одном значении показателя смешаны проценты и количества: разделите их на два показателя." };
  }
  return { ok: true, rules, unit: percent > 0 ? "%" : "count" };
}

// ---------------------------------------------------------------------------
// Describing

/**
 * A number the Russian way: decimal comma, at most two decimals, no thousands
 * separator. Decimals are cut, not rounded, so a figure below its target never
 * displays as reaching it (99,996 % is "99,99 %", not "100 %").
 */
export function formatNumber(value: number): string {
  const cleaned = Math.round(value * 1e6) / 1e6;
  const cut = Math.trunc(cleaned * 100) / 100;
  return String(cut).replace(".", ",");
}

/** The rule without its year: "не менее 5 %", "100 %", "не менее 1 на каждую организацию", "до 4 в год", "не менее 12". */
function describeCore(rule: TargetRule, withSubject: boolean): string {
  const n = formatNumber(rule.value);
  const subject = withSubject && rule.subject ? ` ${rule.subject}` : "";
  switch (rule.kind) {
    case "AT_LEAST_PERCENT":
      // 100 % cannot be exceeded: "не менее 100 %" reads oddly.
      return rule.value >= 100 ? `${n} %` : `не менее ${n} %`;
    case "AT_LEAST_COUNT":
      return `не менее ${n}${subject}`;
    case "AT_LEAST_PER_ORGANIZATION":
      return `не менее ${n}${subject} на каждую организацию`;
    case "UP_TO_PER_YEAR":
      return `до ${n}${subject} в год`;
  }
}

/**
 * A rule in Russian: "не менее 5 % (2020 г.)", "100 % к концу 2024 г.",
 * "не менее 1 на каждую организацию", "до 4 в год", "не менее 12". What is
 * counted is left out unless `withSubject` ("не менее 12 тьюторских сообществ").
 * The result parses back to the same rule.
 */
export function describeRule(rule: TargetRule, options: { withSubject?: boolean } = {}): string {
  let out = describeCore(rule, options.withSubject ?? false);
  if (rule.year !== null) out += ` (${rule.year} г.)`;
  if (rule.byYear !== null) out += ` к концу ${rule.byYear} г.`;
  return out;
}

// ---------------------------------------------------------------------------
// Evaluation

export interface IndicatorMeasurement {
  organizationId: string | null;
  value: number;
  base: number | null;
}

export type TargetStatus = "ACHIEVED" | "NOT_ACHIEVED" | "NO_DATA" | "NOT_DUE";

export interface TargetEvaluation {
  status: TargetStatus;
  /** The figure compared (a percent for percent rules, a count otherwise), null without data. */
  actual: number | null;
  /** The rules that applied; for NOT_DUE, the rules that are not yet due. */
  rules: TargetRule[];
  /** Russian: "12,5 % при цели не менее 10 %", "нет значений за период", "цель — к концу 2024 г.", "2 организации из 36 ниже 1". */
  explanation: string;
  /** For "per organisation" rules: the organisations below the target, in the order given. */
  organizationsBelow?: string[];
}

export interface TargetEvaluationInput {
  rules: readonly TargetRule[];
  /** The calendar year the period ends in. */
  period: { year: number };
  measurements: readonly IndicatorMeasurement[];
  /** The organisations every "per organisation" rule must cover. */
  organizationIds: readonly string[];
}

/** Floating sums of percents (100 * 1/3 * 3) must not fail a target they meet. */
const EPSILON = 1e-6;

/** 1 организация, 2 организации, 5 организаций. */
function organizationsWord(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return "организация";
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return "организации";
  return "организаций";
}

interface RuleCheck {
  /** null: the data cannot answer this rule. */
  ok: boolean | null;
  actual: number | null;
  explanation: string;
  below?: string[];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The percent a period's measurements give. With bases (value out of base) the
 * shares are pooled: 100 * Σvalue / Σbase, so a large organisation weighs more
 * than a small one, as "доля педагогов" of the whole municipality requires;
 * measurements without a base are then ignored. With no base anywhere the values
 * are percents already: one is taken as is, several are averaged (each
 * organisation's share counts once).
 */
function percentActual(measurements: readonly IndicatorMeasurement[]): number | null {
  const withBase = measurements.filter((m) => m.base !== null);
  if (withBase.length > 0) {
    const base = sum(withBase.map((m) => m.base ?? 0));
    return base > 0 ? (100 * sum(withBase.map((m) => m.value))) / base : null;
  }
  return measurements.length > 0 ? sum(measurements.map((m) => m.value)) / measurements.length : null;
}

function checkRule(rule: TargetRule, input: TargetEvaluationInput): RuleCheck {
  const { measurements } = input;
  const target = describeCore(rule, false);
  switch (rule.kind) {
    case "AT_LEAST_PERCENT": {
      const actual = percentActual(measurements);
      if (actual === null) return { ok: null, actual: null, explanation: "нет базы для расчёта доли (знаменатель равен нулю)" };
      return { ok: actual >= rule.value - EPSILON, actual, explanation: `${formatNumber(actual)} % при цели ${target}` };
    }
    case "AT_LEAST_COUNT": {
      // A measurement does not say what it counts, so with several count rules
      // ("работа 12 тьюторских сообществ … работа 8 стажировочных площадок") the
      // one total is compared with each of them; all must hold, i.e. the total must
      // reach the largest. The explanation names each target and says so.
      const actual = sum(measurements.map((m) => m.value));
      return { ok: actual >= rule.value - EPSILON, actual, explanation: `${formatNumber(actual)} при цели ${describeCore(rule, true)}` };
    }
    case "AT_LEAST_PER_ORGANIZATION": {
      // Every listed organisation must reach N on its own; an organisation with no
      // measurement has done nothing (0). Without a list, the organisations that
      // reported are checked, and measurements without an organisation cannot count.
      const ids =
        input.organizationIds.length > 0
          ? [...new Set(input.organizationIds)]
          : [...new Set(measurements.flatMap((m) => (m.organizationId === null ? [] : [m.organizationId])))];
      if (ids.length === 0) return { ok: null, actual: null, explanation: "нет значений по организациям" };
      const totals = new Map<string, number>(ids.map((id) => [id, 0]));
      for (const m of measurements) {
        if (m.organizationId !== null && totals.has(m.organizationId))
          totals.set(m.organizationId, (totals.get(m.organizationId) ?? 0) + m.value);
      }
      const below = ids.filter((id) => (totals.get(id) ?? 0) < rule.value - EPSILON);
      const meeting = ids.length - below.length;
      const n = formatNumber(rule.value);
      const explanation =
        below.length === 0
          ? `все ${ids.length} ${organizationsWord(ids.length)} — не менее ${n}`
          : `${below.length} ${organizationsWord(below.length)} из ${ids.length} ниже ${n}`;
      return { ok: below.length === 0, actual: meeting, explanation, below };
    }
    case "UP_TO_PER_YEAR": {
      // "до 4 заседаний в год" plans how many to hold, it is not a cap to stay
      // under: holding none misses the plan, holding more than planned is still
      // work done (an extra meeting is not a failure). So the rule is met from 1 on,
      // and the explanation shows the plan next to the figure.
      const actual = sum(measurements.map((m) => m.value));
      const over = actual > rule.value + EPSILON ? " (больше плана)" : "";
      return { ok: actual >= 1 - EPSILON, actual, explanation: `${formatNumber(actual)} при плане ${target}${over}` };
    }
  }
}

/**
 * Whether a period met its indicator's target.
 *
 * Which rules apply in a period ending in `period.year`:
 * - a rule for one year ("в 2020 г.") applies in that year only;
 * - a rule with a deadline ("до конца 2024 года") applies from that year on: the
 *   level must be reached by then and must hold afterwards; before it, the rule is
 *   not yet due;
 * - a rule with neither applies every period.
 * Then: no applying rule → NOT_DUE (nothing to check this period; the
 * explanation names the nearest deadline, or that no target is set for the
 * year); no measurement → NO_DATA; any applying rule failing → NOT_ACHIEVED;
 * a rule the data cannot answer (bases summing to zero, no organisations) →
 * NO_DATA; otherwise ACHIEVED. Several applying rules must all hold.
 */
export function evaluateTarget(input: TargetEvaluationInput): TargetEvaluation {
  const periodYear = input.period.year;
  const measurements = input.measurements.filter((m) => Number.isFinite(m.value));
  const forYear = input.rules.filter((r) => r.year === null || r.year === periodYear);
  const applying = forYear.filter((r) => r.byYear === null || r.byYear <= periodYear);
  const notDue = forYear.filter((r) => r.byYear !== null && r.byYear > periodYear);

  if (applying.length === 0) {
    if (notDue.length === 0) {
      return { status: "NOT_DUE", actual: null, rules: [], explanation: `на ${periodYear} г. цель не установлена` };
    }
    const deadline = Math.min(...notDue.map((r) => r.byYear ?? Infinity));
    return { status: "NOT_DUE", actual: null, rules: notDue, explanation: `цель — к концу ${deadline} г.` };
  }
  if (measurements.length === 0) {
    return { status: "NO_DATA", actual: null, rules: applying, explanation: "нет значений за период" };
  }

  const countRules = applying.filter((r) => r.kind === "AT_LEAST_COUNT").length;
  const checks = applying.map((rule) => checkRule(rule, { ...input, measurements }));
  // One total compared with several count targets: say so once.
  const countNote = countRules > 1 ? " (одна общая сумма сравнивается с каждой целью)" : "";
  const failing = checks.filter((c) => c.ok === false);
  const unanswered = checks.filter((c) => c.ok === null);
  const below = [...new Set(checks.flatMap((c) => c.below ?? []))];
  const extra = below.length > 0 ? { organizationsBelow: below } : {};

  if (failing.length > 0) {
    return {
      status: "NOT_ACHIEVED",
      actual: failing[0]!.actual,
      rules: applying,
      explanation: failing.map((c) => c.explanation).join("; ") + countNote,
      ...extra,
    };
  }
  if (unanswered.length > 0) {
    return { status: "NO_DATA", actual: null, rules: applying, explanation: unanswered.map((c) => c.explanation).join("; ") };
  }
  return {
    status: "ACHIEVED",
    actual: checks[0]!.actual,
    rules: applying,
    explanation: checks.map((c) => c.explanation).join("; ") + countNote,
  };
}
