import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRequisites, parseRequisitesList, type Requisites } from "@/lib/domain/requisites/parse-requisites";
import { MONTHS_GENITIVE } from "@/lib/domain/requisites/russian-dates";
import { DOCUMENT_TYPES } from "@/lib/schemas/document";
import { CYRILLIC, SEED } from "./property-config";

/**
 * Requisites written the ways issue 17 lists, put together at random: numbers
 * inside organisations' names («МАДОУ детский сад № 15»), the document's own date
 * and number in each place requisites put them, subjects, and approving orders in
 * every spelling. The document's number is always its own, never a name's; its
 * date is always the one written, never an impossible one.
 */

const ISO = /^\d{4}-\d{2}-\d{2}$/u;
const isRealDate = (iso: string) => ISO.test(iso) && new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;

/** An organisation named with a number, as schools and kindergartens are. */
const organisation = fc
  .tuple(
    fc.constantFrom(
      "МБОУ СОШ №",
      "МАДОУ детский сад №",
      "гимназия №",
      "МБОУ гимназии №",
      "лицей №",
      "лицея №",
      "ДОУ №",
      "МБДОУ №",
      "ООШ №",
      "МБДОУ д/с №",
      "школа-интернат №",
      "детского сада комбинированного вида №",
      "МОУ школы №",
      "МБОУ центр образования №",
      "МАОУ СОШ№",
    ),
    fc.integer({ min: 1, max: 150 }),
  )
  .map(([name, n]) => `${name} ${n}`);

/** A document's own number: 7-д, 52-П, 3121/30, 1006. */
const ownNumber = fc
  .tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom("", "-д", "-П", "/30", "-од", "-р"))
  .map(([n, suffix]) => `${n}${suffix}`);

const day = fc.date({ min: new Date("1991-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true });
const iso = (d: Date) => d.toISOString().slice(0, 10);
/** A date as documents write it: 02.02.2022, 2.2.22, «2» февраля 2022 г., 2 февраля 2022 года. */
const writtenDate = fc.tuple(day, fc.integer({ min: 0, max: 3 })).map(([d, form]) => {
  const [y, m, dd] = iso(d).split("-") as [string, string, string];
  const month = MONTHS_GENITIVE[Number(m) - 1];
  const written = [
    `${dd}.${m}.${y}`,
    `${Number(dd)}.${Number(m)}.${y.slice(2)}`,
    `«${Number(dd)}» ${month} ${y} г.`,
    `${Number(dd)} ${month} ${y} года`,
  ][form]!;
  return { iso: iso(d), written };
});

/** What stands between the kind and the requisites: an issuer, or the subject of a regulation or an agreement. */
const kindAndHead = fc.oneof(
  fc
    .tuple(fc.constantFrom("Приказ", "приказ", "Распоряжение", "Постановление", "Письмо"), organisation, fc.integer({ min: 0, max: 2 }))
    .map(([kind, org, form]) => ({ kind, head: [`директора ${org}`, org, `${org} Славянского района`][form]!, org, subject: false })),
  organisation.map((org) => ({ kind: "Протокол", head: `заседания педагогического совета ${org}`, org, subject: false })),
  fc
    .tuple(
      fc.constantFrom(
        ["Положение", "о школьном координаторе"],
        ["Договор", "о сотрудничестве между"],
        ["Соглашение", "о сетевом взаимодействии с"],
        ["Порядок", "приёма на обучение в"],
        ["Договор", "на оказание услуг"],
      ),
      organisation,
      fc.boolean(),
    )
    .map(([[kind, subject], org, second]) => ({
      kind,
      head: `${subject} ${org}${second ? ` и МБУ ДО ЦДТ № ${org.length}` : ""}`,
      org,
      subject: true,
    })),
);

const title = fc.option(fc.constantFrom(" «Об итогах методического аудита»", ' "О назначении ответственного"'), { nil: "" });

describe("requisites written the ways people write them", () => {
  it("read the document's own date and number wherever they stand, never a number inside a name", () => {
    fc.assert(
      fc.property(
        kindAndHead,
        writtenDate,
        ownNumber,
        fc.integer({ min: 0, max: 2 }),
        title,
        ({ kind, head, org, subject }, date, number, place, quoted) => {
          const text = [
            `${kind} ${head} от ${date.written} № ${number}${quoted}`,
            `${kind} ${head} № ${number} от ${date.written}${quoted}`,
            `${kind} № ${number} от ${date.written} ${head}${quoted}`,
          ][place]!;
          const result = parseRequisites(text);
          expect(result.ok, text).toBe(true);
          const value = (result as { value: Requisites }).value;
          expect(value.date, text).toBe(date.iso);
          expect(value.number, text).toBe(number);
          expect(kind.toLowerCase()).toBe(value.type);
          if (place === 2) return;
          // The head is the subject (title) of a regulation or an agreement, the issuer of an order.
          if (subject) expect([value.issuer, value.title], text).toEqual([null, head]);
          else expect(value.issuer, text).toContain(org);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("read «утв. приказом … от … № …» as the approving order, in every spelling, apart from the approved document", () => {
    const spelling = fc.constantFrom("утв.", "утв", "Утв.", "утверждено", "утверждённое", "утвержденный", "УТВЕРЖДЕНО", "утверждена");
    const approving = fc.constantFrom(
      ["приказом", "приказ"],
      ["Приказом", "приказ"],
      ["постановлением", "постановление"],
      ["распоряжением", "распоряжение"],
    );
    const approver = fc.option(
      fc.oneof(
        fc.constantFrom("управления образования", "администрации МО Славянский район"),
        organisation.map((o) => `директора ${o}`),
      ),
      {
        nil: null,
      },
    );
    const approved = fc.tuple(
      fc.constantFrom("Положение о школьном координаторе", "Порядок организации обучения на дому", "Соглашение о сетевом взаимодействии"),
      fc.option(organisation, { nil: null }),
    );
    fc.assert(
      fc.property(
        approved,
        spelling,
        approving,
        approver,
        writtenDate,
        ownNumber,
        fc.integer({ min: 0, max: 2 }),
        ([document, org], word, [instrumental, type], issuer, date, number, form) => {
          const name = org ? `${document} ${org}` : document;
          const order = `${instrumental}${issuer ? ` ${issuer}` : ""}`;
          const text = [
            `${name}, ${word} ${order} от ${date.written} № ${number}`,
            `${name} (${word} ${order} № ${number} от ${date.written})`,
            `${word} ${order} от ${date.written} № ${number} ${name}`,
          ][form]!;
          const single = parseRequisites(text);
          const [kind, ...subject] = document.split(" ");
          const main = {
            type: kind!.toLowerCase(),
            issuer,
            date: null,
            number: null,
            title: [...subject, ...(org ? [org] : [])].join(" "),
          };
          expect(single, text).toEqual({ ok: true, value: main });
          expect(parseRequisitesList(text), text).toEqual({
            ok: true,
            value: [main, { type, issuer, date: date.iso, number, title: null }],
          });
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });
});

/** Pieces of requisites, glued into texts that nearly make sense. */
const PIECES = [
  "Положение",
  "Порядок",
  "порядке",
  "Договор",
  "Соглашение",
  "Протокол",
  "Приказ",
  "приказом",
  "утв.",
  "утверждено",
  "(",
  ")",
  "о",
  "об",
  "между",
  "МБОУ СОШ",
  "детский сад",
  "гимназия",
  "д/с",
  "№",
  "№ 15",
  "7-д",
  "от",
  "02.02.2022",
  "31.02.2021",
  "29.02.2023",
  "«1» сентября 2022 г.",
  "года",
  "г.",
  "за",
  "«",
  "»",
  '"',
  ",",
  " ",
];

describe("the requisites parser on any text", () => {
  it("never throws and never returns an impossible date", () => {
    const nearly = fc.oneof(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((p) => p.join(" ")),
      fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((p) => p.join("")),
      fc.string({ maxLength: 200 }),
    );
    const expectDocument = (value: Requisites) => {
      expect(DOCUMENT_TYPES as readonly (string | null)[]).toContain(value.type);
      if (value.date !== null) expect(isRealDate(value.date)).toBe(true);
      for (const field of [value.issuer, value.number, value.title]) if (field !== null) expect(field).not.toBe("");
    };
    fc.assert(
      fc.property(nearly, (text) => {
        const single = parseRequisites(text);
        if (single.ok) expectDocument(single.value);
        else expect(single.error).toMatch(CYRILLIC);
        const list = parseRequisitesList(text);
        if (list.ok) list.value.forEach(expectDocument);
        else expect(list.error).toMatch(CYRILLIC);
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });

  it("takes linear time on 100 KB of names with numbers, approvals and subjects", () => {
    const KB_100 = 100 * 1024;
    const fill = (unit: string, prefix = "") => prefix + unit.repeat(Math.ceil((KB_100 - prefix.length) / unit.length));
    for (const text of [
      fill("школа № 1 ", "Приказ "),
      fill("№ 1 ", "Договор "),
      fill("от 01.01.2020 № 1 ", "Приказ "),
      fill("от от ", "Приказ "),
      fill("утв. приказом ", "Положение "),
      fill("(утв. приказом ", "Положение "),
      fill("«утв. приказом ", "Положение "),
      fill("о «о» ", "Приказ "),
      fill("Положение о ", ""),
      fill("Порядок "),
    ]) {
      const started = performance.now();
      parseRequisites(text);
      parseRequisitesList(text);
      expect(performance.now() - started, text.slice(0, 30)).toBeLessThan(2_000);
    }
  }, 60_000);
});
