// The load model of a national deadline day (issue 19, target 5): how many requests a second the
// server gets in the busiest minute of the last two working days before a campaign's deadline,
// and of which kinds. Pure: every number is a named constant below (with where it comes from) or
// is read from the app itself (the autosave's debounce, the seed templates' items, the blank
// form's inputs). `npm run soak -- --model` prints the derivation; `--rate model --mix model`
// sends it (bench/soak.ts).
import { AUTOSAVE_MS } from "@/lib/domain/blanks/autosave";
import { ANSWER_KINDS, type AnswerKind, answerableItems, type TTemplateContent } from "@/lib/schemas/template";
import { MUNICIPAL_BLANK, SCHOOL_BLANK } from "@/lib/seed-data/blanks";

/** The kinds of request a coordinator's fill sends. */
export const REQUEST_KINDS = ["autosave", "upload", "submit", "homeSchool", "homeMunicipality", "blankList", "blank"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export type Requests = Record<RequestKind, number>;

export const REQUEST_LABELS: Record<RequestKind, string> = {
  autosave: "autosave (the blank form's save)",
  upload: "attachment upload (POST /api/files)",
  submit: "submit (the blank's submit action)",
  homeSchool: "home /school",
  homeMunicipality: "home /municipality",
  blankList: "blank list /blanks",
  blank: "a blank's page /blanks/<id>",
};

/** Kinds the soak does not send (bench/soak.ts --mix model): their share goes to the others in proportion. */
export const NOT_IN_SOAK: readonly RequestKind[] = [
  // A submitted blank cannot be filled again: a 10-minute run would use up the fillable blanks.
  "submit",
  // Files go to the file store (STORAGE_DIR or S3), not the pages' and saves' path; measured apart.
  "upload",
];

/**
 * The blank form's inputs per answer kind (components/blanks/answer-fields.tsx): each is one
 * change of the form, and a change saves AUTOSAVE_MS after the last one.
 *  - DOCUMENT: «Документ есть/нет», then the requisites typed off the paper (docType, issuer, date,
 *    number, title) and the scan attached (its file id lands in the answer);
 *  - COUNT: one number; PRESENCE: one radio; TEXT: one text.
 */
export const INPUTS_PER_ITEM: Record<AnswerKind, number> = { DOCUMENT: 7, COUNT: 1, PRESENCE: 1, TEXT: 1 };
/** Attachments per item: a DOCUMENT's scan (answer-fields.tsx's AttachmentField), one upload each. */
export const UPLOADS_PER_ITEM: Record<AnswerKind, number> = { DOCUMENT: 1, COUNT: 0, PRESENCE: 0, TEXT: 0 };

export interface LoadModelInputs {
  /** Issue 19: one coordinator per school; the national scale's 40,000 schools (lib/server/seed/demo-data/scales.ts). */
  schoolCoordinators: number;
  /** Issue 19: one per municipality; the national scale's 2,300 municipalities. */
  municipalCoordinators: number;
  /** Issue 19: the share of coordinators who fill in their blank in the last working days. */
  fillingShare: number;
  /** Issue 19: those last working days. */
  deadlineDays: number;
  /** A working day (assumed 8 hours; every region in one time zone: the upper bound, Russia's 11 zones spread it). */
  workingHours: number;
  /** The share of a day's fills in its busiest hour (assumed; an even day would be 1 / workingHours). */
  peakHourShare: number;
  /** The busiest minute of that hour against the hour's mean (assumed). */
  peakMinuteFactor: number;
  /** lib/domain/blanks/autosave.ts: a save goes out this long after the form's last change. */
  autosaveMs: number;
  /**
   * The pause between two inputs of a coordinator copying requisites off paper (assumed): longer
   * than the debounce, so every input is a save of its own; shorter ones would merge.
   */
  inputPauseMs: number;
  /** A blank filled in this many sittings (assumed: the papers are found between them); each opens home, the blank list and the blank. */
  sittingsPerFill: number;
  /** Reloads of the blank per fill (assumed: the status line's «Обновить» after a conflict or a lost connection, or F5 to check). */
  reloadsPerFill: number;
  /** The seed templates' answerable items by kind (lib/seed-data/blanks.ts). */
  schoolItems: Record<AnswerKind, number>;
  municipalItems: Record<AnswerKind, number>;
}

/** Answerable items of a template by kind. */
export function itemsByKind(content: Pick<TTemplateContent, "items">): Record<AnswerKind, number> {
  const counts = Object.fromEntries(ANSWER_KINDS.map((k) => [k, 0])) as Record<AnswerKind, number>;
  for (const item of answerableItems(content)) counts[item.kind as AnswerKind] += 1;
  return counts;
}

export const DEFAULT_INPUTS: LoadModelInputs = {
  schoolCoordinators: 40_000,
  municipalCoordinators: 2_300,
  fillingShare: 0.5,
  deadlineDays: 2,
  workingHours: 8,
  peakHourShare: 0.2,
  peakMinuteFactor: 3,
  autosaveMs: AUTOSAVE_MS,
  inputPauseMs: 5_000,
  sittingsPerFill: 2,
  reloadsPerFill: 1,
  schoolItems: itemsByKind(SCHOOL_BLANK.content),
  municipalItems: itemsByKind(MUNICIPAL_BLANK.content),
};

const zero = (): Requests => Object.fromEntries(REQUEST_KINDS.map((k) => [k, 0])) as Requests;
const sum = (r: Requests) => REQUEST_KINDS.reduce((total, k) => total + r[k], 0);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const fmt = (n: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(n);

/** The saves of one fill: inputs closer together than the debounce merge into one save. */
export function savesPerFill(items: Record<AnswerKind, number>, inputs: Pick<LoadModelInputs, "autosaveMs" | "inputPauseMs">): number {
  const inputsPerSave = Math.max(1, Math.ceil(inputs.autosaveMs / inputs.inputPauseMs));
  return ANSWER_KINDS.reduce((total, kind) => total + items[kind] * Math.ceil(INPUTS_PER_ITEM[kind] / inputsPerSave), 0);
}

/** The requests of one coordinator's fill of their blank, by kind. */
export function requestsPerFill(role: "school" | "municipal", inputs: LoadModelInputs): Requests {
  const items = role === "school" ? inputs.schoolItems : inputs.municipalItems;
  const requests = zero();
  requests.autosave = savesPerFill(items, inputs);
  requests.upload = ANSWER_KINDS.reduce((total, kind) => total + items[kind] * UPLOADS_PER_ITEM[kind], 0);
  requests.submit = 1;
  requests[role === "school" ? "homeSchool" : "homeMunicipality"] = inputs.sittingsPerFill;
  requests.blankList = inputs.sittingsPerFill;
  // Each sitting opens it, plus the reloads, plus the page the submit lands on (?done=submitted).
  requests.blank = inputs.sittingsPerFill + inputs.reloadsPerFill + 1;
  return requests;
}

export interface LoadModel {
  inputs: LoadModelInputs;
  perFill: { school: Requests; municipal: Requests };
  fillsPerDay: { school: number; municipal: number };
  perDay: Requests;
  /** Requests a second: the day's mean over its working hours, the busiest hour's mean, its busiest minute. */
  dayRate: number;
  peakHourRate: number;
  peakRate: number;
  /** Each kind's share of all requests (they add up to 1). */
  shares: Requests;
  /** Each kind's rate in the busiest minute. */
  peakRates: Requests;
}

export function loadModel(inputs: LoadModelInputs = DEFAULT_INPUTS): LoadModel {
  const perFill = { school: requestsPerFill("school", inputs), municipal: requestsPerFill("municipal", inputs) };
  const fillsPerDay = {
    school: (inputs.schoolCoordinators * inputs.fillingShare) / inputs.deadlineDays,
    municipal: (inputs.municipalCoordinators * inputs.fillingShare) / inputs.deadlineDays,
  };
  const perDay = zero();
  for (const k of REQUEST_KINDS) perDay[k] = fillsPerDay.school * perFill.school[k] + fillsPerDay.municipal * perFill.municipal[k];
  const total = sum(perDay);
  const dayRate = total / (inputs.workingHours * 3600);
  const peakHourRate = (total * inputs.peakHourShare) / 3600;
  const peakRate = peakHourRate * inputs.peakMinuteFactor;
  const shares = zero();
  const peakRates = zero();
  for (const k of REQUEST_KINDS) {
    shares[k] = total > 0 ? perDay[k] / total : 0;
    peakRates[k] = peakRate * shares[k];
  }
  return { inputs, perFill, fillsPerDay, perDay, dayRate, peakHourRate, peakRate, shares, peakRates };
}

/** The shares of the kinds the soak sends (NOT_IN_SOAK left out), scaled to add up to 1 again. */
export function soakShares(model: LoadModel): Partial<Requests> {
  const sent = REQUEST_KINDS.filter((k) => !NOT_IN_SOAK.includes(k));
  const total = sent.reduce((s, k) => s + model.shares[k], 0);
  return Object.fromEntries(sent.map((k) => [k, total > 0 ? model.shares[k] / total : 0]));
}

/** The derivation, step by step, as the README shows it. */
export function derivation(model: LoadModel): string[] {
  const { inputs: i, perFill, fillsPerDay, perDay } = model;
  const items = (counts: Record<AnswerKind, number>) =>
    ANSWER_KINDS.filter((k) => counts[k] > 0)
      .map((k) => `${counts[k]} ${k}`)
      .join(" + ");
  const inputsPerSave = Math.max(1, Math.ceil(i.autosaveMs / i.inputPauseMs));
  const fill = (role: "school" | "municipal") => {
    const r = perFill[role];
    return `${r.autosave} saves + ${r.upload} uploads + ${r.submit} submit + ${r.homeSchool + r.homeMunicipality} home + ${r.blankList} list + ${r.blank} blank pages = ${sum(r)} requests`;
  };
  const soak = soakShares(model);
  const left = NOT_IN_SOAK.reduce((s, k) => s + model.shares[k], 0);
  return [
    `1. Coordinators: ${fmt(i.schoolCoordinators)} school + ${fmt(i.municipalCoordinators)} municipal; ${fmt(i.fillingShare * 100)} % of them fill in the last ${i.deadlineDays} working days:`,
    `   ${fmt(fillsPerDay.school)} school + ${fmt(fillsPerDay.municipal)} municipal fills a day.`,
    `2. The blanks (seed templates): school ${items(i.schoolItems)} answerable items; municipal ${items(i.municipalItems)}.`,
    `3. Saves: the form saves ${i.autosaveMs} ms after its last change (AUTOSAVE_MS); a coordinator pauses ~${i.inputPauseMs} ms between inputs,`,
    `   so ${inputsPerSave === 1 ? "every input is a save" : `${inputsPerSave} inputs make a save`}. Inputs per item: ${ANSWER_KINDS.map((k) => `${k} ${INPUTS_PER_ITEM[k]}`).join(", ")}`,
    `   (DOCUMENT: есть/нет, type, issuer, date, number, title, the scan's file); uploads: one scan per DOCUMENT.`,
    `4. Pages: ${i.sittingsPerFill} sittings × (home + blank list + the blank), ${i.reloadsPerFill} reload of the blank, the blank after the submit.`,
    `5. One fill: school ${fill("school")};`,
    `   municipal ${fill("municipal")}.`,
    `6. A day: ${fmt(fillsPerDay.school)} × ${sum(perFill.school)} + ${fmt(fillsPerDay.municipal)} × ${sum(perFill.municipal)} = ${fmt(sum(perDay))} requests;`,
    `   over ${i.workingHours} working hours: ${fmt(round(model.dayRate, 2))} req/s on average.`,
    `7. The busiest hour holds ${fmt(i.peakHourShare * 100)} % of the day: ${fmt(round(sum(perDay) * i.peakHourShare, 0))} requests, ${fmt(round(model.peakHourRate, 2))} req/s.`,
    `8. The busiest minute: × ${i.peakMinuteFactor} → peak ${fmt(round(model.peakRate, 1))} req/s.`,
    "9. The mix at the peak:",
    ...REQUEST_KINDS.map(
      (k) =>
        `   ${fmt(round(model.shares[k] * 100, 1)).padStart(5)} %  ${fmt(round(model.peakRates[k], 1)).padStart(6)} req/s  ${REQUEST_LABELS[k]}` +
        (NOT_IN_SOAK.includes(k) ? "  (not sent by the soak)" : `  (soak: ${fmt(round((soak[k] ?? 0) * 100, 1))} %)`),
    ),
    `   The soak sends the whole ${fmt(round(model.peakRate, 1))} req/s; the ${fmt(round(left * 100, 1))} % it does not send go to the other kinds in proportion.`,
  ];
}
