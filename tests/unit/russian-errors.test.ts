import { describe, expect, it } from "vitest";
import { russianErrors } from "@/lib/schemas/russian-errors";
import { z } from "@/lib/schemas/z";
import { RUSSIAN_TEXT, unquoted } from "./property/property-config";

/**
 * zod's default messages, as a person reads them under a field or in a refused file: each issue code zod 4
 * raises, each type, format and origin, in whole Russian sentences with no Latin word outside a «quoted» value.
 */

/** The messages a schema refuses an input with; the test fails if it accepts it. */
function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`accepted ${String(input)}`);
  return result.error.issues.map((issue) => issue.message);
}

/** The one message, asserted to be Russian. */
function message(schema: z.ZodType, input: unknown): string {
  const [first, ...rest] = messages(schema, input);
  expect(rest).toEqual([]);
  expectRussian(first!);
  return first!;
}

function expectRussian(text: string) {
  expect(text, "Cyrillic, digits, punctuation and «quoted» values only").toMatch(/[А-Яа-яЁё]/u);
  expect(unquoted(text), "Cyrillic, digits, punctuation and «quoted» values only").toMatch(RUSSIAN_TEXT);
}

const NBSP = "\u00a0";
const bytes = (count: number) => new File([new Uint8Array(count)], "отчёт.pdf");
class Report {}

describe("invalid_type: each expected type named in Russian, and what came instead", () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ["string", z.string(), 5, "Значение должно быть строкой, а не числом."],
    ["number", z.number(), "5", "Значение должно быть числом, а не строкой."],
    ["int", z.int(), 1.5, "Число должно быть целым."],
    ["bigint", z.bigint(), "5", "Значение должно быть целым числом, а не строкой."],
    ["boolean", z.boolean(), "да", "Значение должно быть логическим значением (да или нет), а не строкой."],
    ["symbol", z.symbol(), 1, "Значение должно быть символом, а не числом."],
    ["null", z.null(), 0, "Значение должно быть пустым значением, а не числом."],
    ["undefined", z.undefined(), 0, "Здесь не должно быть значения."],
    ["void", z.void(), "x", "Здесь не должно быть значения."],
    ["never", z.never(), 1, "Лишнее поле."],
    ["nan", z.nan(), 1, "Здесь ожидается особое значение «не число»."],
    ["date", z.date(), "2022-06-01", "Значение должно быть датой, а не строкой."],
    ["array", z.array(z.string()), {}, "Значение должно быть массивом, а не объектом."],
    ["tuple", z.tuple([z.string()]), "а", "Значение должно быть массивом, а не строкой."],
    ["object", z.object({}), [], "Значение должно быть объектом, а не массивом."],
    ["record", z.record(z.string(), z.number()), true, "Значение должно быть объектом, а не логическим значением."],
    ["map", z.map(z.string(), z.number()), [], "Значение должно быть словарём, а не массивом."],
    ["set", z.set(z.number()), new Map(), "Значение должно быть множеством, а не словарём."],
    ["file", z.file(), "отчёт.pdf", "Значение должно быть файлом, а не строкой."],
    ["function", z.function(), null, "Обязательное поле."],
    ["function", z.function(), new Uint8Array(1), "Значение должно быть функцией, а не двоичными данными."],
    ["instanceof Date", z.instanceof(Date), "2022-06-01", "Значение должно быть датой, а не строкой."],
    ["instanceof a class", z.instanceof(Report), new Set(), "Значение должно быть объектом нужного вида, а не множеством."],
  ])("%s", (_, schema, input, expected) => {
    expect(message(schema, input)).toBe(expected);
  });

  it("says a missing value is required, whatever its type", () => {
    expect(message(z.object({ title: z.string() }), {})).toBe("Обязательное поле.");
    expect(message(z.number(), null)).toBe("Обязательное поле.");
    expect(message(z.string().optional().nonoptional(), undefined)).toBe("Обязательное поле.");
  });

  it("names what came instead in Russian, whatever it is", () => {
    const got = (input: unknown) =>
      message(z.boolean(), input).replace("Значение должно быть логическим значением (да или нет), а не ", "");
    expect([
      got(""),
      got(1n),
      got(Symbol("с")),
      got(() => 1),
      got(new Date()),
      got(new Set()),
      got(bytes(1)),
      got(new ArrayBuffer(1)),
      got(Object.create(null)),
      got(new Report()),
    ]).toEqual([
      "пустой строкой.",
      "целым числом.",
      "символом.",
      "функцией.",
      "датой.",
      "множеством.",
      "файлом.",
      "двоичными данными.",
      "объектом.",
      "объектом.",
    ]);
  });

  it("tells a number that is not a finite number, and a date that does not exist", () => {
    expect(message(z.number(), Number.NaN)).toBe("Значение должно быть числом.");
    expect(message(z.number(), Number.POSITIVE_INFINITY)).toBe("Число должно быть конечным.");
    expect(message(z.date(), new Date(Number.NaN))).toBe("Такой даты не бывает.");
  });
});

describe("too_big and too_small, by origin", () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ["a string too long", z.string().max(5), "шесть!", "Не более 5 символов."],
    ["a string too short", z.string().min(3), "да", "Не менее 3 символов."],
    ["an empty string", z.string().min(1), "", "Поле не может быть пустым."],
    ["a string of a set length", z.string().length(6), "123", "Нужно ровно 6 символов."],
    ["a list too long", z.array(z.number()).max(10), Array(11).fill(1), "В списке должно быть не более 10 элементов."],
    ["a list too short", z.array(z.number()).min(1), [], "В списке должно быть не менее 1 элемента."],
    ["a list of a set length", z.array(z.number()).length(2), [1], "В списке должно быть ровно 2 элемента."],
    ["a set too large", z.set(z.number()).max(2), new Set([1, 2, 3]), "В наборе должно быть не более 2 элементов."],
    ["a set too small", z.set(z.number()).min(1), new Set(), "В наборе должно быть не менее 1 элемента."],
    ["a set of a set size", z.set(z.number()).size(3), new Set([1]), "В наборе должно быть ровно 3 элемента."],
    [
      "a map too large",
      z.map(z.string(), z.number()).max(1),
      new Map([
        ["а", 1],
        ["б", 2],
      ]),
      "В словаре должно быть не более 1 элемента.",
    ],
    ["a number too big", z.number().max(10), 11, "Число должно быть не больше 10."],
    ["a number not below", z.number().lt(10), 10, "Число должно быть меньше 10."],
    ["a number too small", z.number().min(-2.5), -3, "Число должно быть не меньше -2,5."],
    ["a number not above", z.number().positive(), 0, "Число должно быть больше 0."],
    ["a large bound, grouped", z.number().max(10_000_000), 10_000_001, `Число должно быть не больше 10${NBSP}000${NBSP}000.`],
    [
      "an integer out of the safe range",
      z.int(),
      2 ** 60,
      `Число должно быть не больше 9${NBSP}007${NBSP}199${NBSP}254${NBSP}740${NBSP}991.`,
    ],
    ["an int32 too big", z.int32(), 2 ** 40, `Число должно быть не больше 2${NBSP}147${NBSP}483${NBSP}647.`],
    ["a bigint too big", z.bigint().max(5n), 6n, "Число должно быть не больше 5."],
    ["a bigint too small", z.bigint().positive(), 0n, "Число должно быть больше 0."],
    ["a date too late", z.date().max(new Date("2030-12-31")), new Date("2031-01-01"), "Дата должна быть не позже 31.12.2030."],
    ["a date too early", z.date().min(new Date("2020-01-01")), new Date("2019-12-31"), "Дата должна быть не раньше 01.01.2020."],
    ["a file too large", z.file().max(5 * 1024 * 1024), bytes(5 * 1024 * 1024 + 1), "Файл должен быть не больше 5 МБ."],
    ["a file too small", z.file().min(100 * 1024), bytes(10), "Файл должен быть не меньше 100 КБ."],
    ["a file of odd bytes", z.file().max(1000), bytes(1001), "Файл должен быть не больше 1000 байт."],
  ])("%s", (_, schema, input, expected) => {
    expect(message(schema, input)).toBe(expected);
  });

  it("an origin zod does not name: the bare bound", () => {
    const issue = { code: "too_big", origin: "duration", maximum: 3, inclusive: true, input: 4 } as const;
    expect(russianErrors(issue as z.core.$ZodRawIssue)).toBe("Значение должно быть не больше 3.");
  });

  // Russian agrees a noun with its number: 1 символ, 2 символа, 5 символов, 11 символов, 21 символ; after
  // «не более» the genitive: 1 символа, 2 символов… 21 символа.
  const COUNTS = [1, 2, 5, 11, 21];
  it.each<[string, (n: number) => [z.ZodType, unknown], string[]]>([
    [
      "string, at most",
      (n) => [z.string().max(n), "я".repeat(n + 1)],
      ["Не более 1 символа.", "Не более 2 символов.", "Не более 5 символов.", "Не более 11 символов.", "Не более 21 символа."],
    ],
    [
      "string, exactly",
      (n) => [z.string().length(n), "я".repeat(n + 1)],
      ["Нужно ровно 1 символ.", "Нужно ровно 2 символа.", "Нужно ровно 5 символов.", "Нужно ровно 11 символов.", "Нужно ровно 21 символ."],
    ],
    [
      "array, at least",
      (n) => [z.array(z.number()).min(n), []],
      [
        "В списке должно быть не менее 1 элемента.",
        "В списке должно быть не менее 2 элементов.",
        "В списке должно быть не менее 5 элементов.",
        "В списке должно быть не менее 11 элементов.",
        "В списке должно быть не менее 21 элемента.",
      ],
    ],
    [
      "array, exactly",
      (n) => [z.array(z.number()).length(n), Array(n + 1).fill(0)],
      [
        "В списке должно быть ровно 1 элемент.",
        "В списке должно быть ровно 2 элемента.",
        "В списке должно быть ровно 5 элементов.",
        "В списке должно быть ровно 11 элементов.",
        "В списке должно быть ровно 21 элемент.",
      ],
    ],
    [
      "file, at most",
      (n) => [z.file().max(n), bytes(n + 1)],
      [
        "Файл должен быть не больше 1 байта.",
        "Файл должен быть не больше 2 байт.",
        "Файл должен быть не больше 5 байт.",
        "Файл должен быть не больше 11 байт.",
        "Файл должен быть не больше 21 байта.",
      ],
    ],
  ])("plural forms: %s", (_, make, expected) => {
    expect(COUNTS.map((n) => message(...make(n)))).toEqual(expected);
  });
});

describe("invalid_format: each string format", () => {
  it.each<[string, z.ZodType, string, string]>([
    ["email", z.email(), "ivanov.ru", "Неверный адрес электронной почты."],
    ["url", z.url(), "сайт школы", "Неверная ссылка: укажите адрес страницы целиком."],
    ["hostname", z.hostname(), "-", "Неверное доменное имя."],
    ["uuid", z.uuid(), "12", "Неверный идентификатор."],
    ["guid", z.guid(), "12", "Неверный идентификатор."],
    ["nanoid", z.nanoid(), "!", "Неверный идентификатор."],
    ["cuid", z.cuid(), "!", "Неверный идентификатор."],
    ["cuid2", z.cuid2(), "!", "Неверный идентификатор."],
    ["ulid", z.ulid(), "!", "Неверный идентификатор."],
    ["xid", z.xid(), "!", "Неверный идентификатор."],
    ["ksuid", z.ksuid(), "!", "Неверный идентификатор."],
    [
      "ISO datetime",
      z.iso.datetime(),
      "01.06.2022 10:00",
      "Дата и время должны быть записаны полностью: дата ГГГГ-ММ-ДД и время чч:мм:сс.",
    ],
    ["ISO date", z.iso.date(), "01.06.2022", "Дата должна быть в формате ГГГГ-ММ-ДД (например, 2022-06-01)."],
    ["ISO date that does not exist", z.iso.date(), "2022-02-30", "Такой даты не бывает: «2022-02-30»."],
    ["ISO time", z.iso.time(), "9 утра", "Время должно быть в формате чч:мм (например, 09:30)."],
    ["ISO duration", z.iso.duration(), "два часа", "Неверная длительность."],
    ["ipv4", z.ipv4(), "1.2.3", "Неверный сетевой адрес."],
    ["ipv6", z.ipv6(), "1.2.3", "Неверный сетевой адрес."],
    ["cidrv4", z.cidrv4(), "1.2.3.4", "Неверный диапазон сетевых адресов."],
    ["cidrv6", z.cidrv6(), "1.2.3.4", "Неверный диапазон сетевых адресов."],
    ["mac", z.mac(), "1.2.3.4", "Неверный физический адрес устройства."],
    ["base64", z.base64(), "!", "Неверные закодированные данные."],
    ["base64url", z.base64url(), "!", "Неверные закодированные данные."],
    ["e164", z.e164(), "8 (861) 231-80", "Номер телефона должен быть в международном формате, например +79001234567."],
    ["emoji", z.emoji(), "смайлик", "Допускаются только эмодзи."],
    ["credit card", z.creditCard(), "1234", "Неверный номер банковской карты."],
    ["iban", z.iban(), "1234", "Неверный номер банковского счёта."],
    ["currency code", z.currencyCode(), "рубль", "Неверный код валюты."],
    ["jwt", z.jwt(), "ключ", "Неверный ключ доступа."],
    ["hex", z.hex(), "жёлтый", "Допускаются только шестнадцатеричные цифры."],
    ["a hash", z.hash("sha256"), "12", "Неверная контрольная сумма."],
    ["lowercase", z.string().lowercase(), "ABC", "Допускаются только строчные буквы."],
    ["uppercase", z.string().uppercase(), "abc", "Допускаются только прописные буквы."],
    ["regex", z.string().regex(/^\d+$/), "пять", "Неверный формат значения."],
    ["a template literal", z.templateLiteral(["№ ", z.number()]), "5", "Неверный формат значения."],
    ["starts with", z.string().startsWith("МБОУ"), "школа", "Значение должно начинаться с «МБОУ»."],
    ["ends with", z.string().endsWith(".xlsx"), "отчёт", "Значение должно заканчиваться на «.xlsx»."],
    ["includes", z.string().includes("№"), "школа", "Значение должно содержать «№»."],
  ])("%s", (_, schema, input, expected) => {
    expect(message(schema, input)).toBe(expected);
  });

  it("a format of the schema's own, even one named like an inherited property", () => {
    expect(
      message(
        z.stringFormat("toString", () => false),
        "x",
      ),
    ).toBe("Неверный формат значения.");
    expect(message(z.stringFormat("снилс", /^\d{11}$/), "123")).toBe("Неверный формат значения.");
  });

  it("json_string, which no constructor of zod's raises on its own", () => {
    const issue = { code: "invalid_format", format: "json_string", input: "{" } as const;
    expect(russianErrors(issue as z.core.$ZodRawIssue)).toBe("Текст не читается как структурированные данные.");
  });
});

describe("the other issue codes", () => {
  it("not_multiple_of names the divisor in Russian numerals", () => {
    expect(message(z.number().multipleOf(5), 7)).toBe("Число должно быть кратно 5.");
    expect(message(z.number().multipleOf(0.01), 0.001)).toBe("Число должно быть кратно 0,01.");
  });

  it("unrecognized_keys names the keys, quoted as the user wrote them", () => {
    expect(message(z.strictObject({}), { comment: "" })).toBe("Лишнее поле «comment».");
    expect(message(z.strictObject({}), { a: 1, b: 2 })).toBe("Лишние поля: «a», «b».");
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`поле${i}`, i]));
    expect(message(z.strictObject({}), many)).toMatch(/^Лишние поля: «поле0», .*«поле19» и ещё 5\.$/u);
  });

  it("invalid_union: the types it may have, or that no variant fits, or that several do", () => {
    expect(message(z.union([z.string(), z.number()]), [])).toBe("Значение должно быть строкой или числом, а не массивом.");
    expect(message(z.union([z.string(), z.number(), z.boolean()]), {})).toBe(
      "Значение должно быть строкой, числом или логическим значением (да или нет), а не объектом.",
    );
    expect(message(z.union([z.string(), z.number()]), undefined)).toBe("Обязательное поле.");
    expect(message(z.union([z.string().email(), z.string().uuid()]), "x")).toBe(
      "Значение не подходит ни под один из допустимых вариантов.",
    );
    expect(message(z.xor([z.string(), z.string().min(1)]), "ab")).toBe("Значение подходит сразу под несколько вариантов.");
  });

  it("invalid_union of a discriminated union lists the kinds it knows, on the discriminator", () => {
    const answer = z.discriminatedUnion("kind", [z.object({ kind: z.literal("COUNT") }), z.object({ kind: z.literal("TEXT") })]);
    const result = answer.safeParse({ kind: "QUIZ" });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([[["kind"], "Допустимые значения: «COUNT», «TEXT»."]]);
  });

  it("invalid_key names the key and why", () => {
    expect(message(z.record(z.string().max(3), z.string()), { LATE: "" })).toBe("Недопустимый ключ «LATE». Не более 3 символов.");
    expect(message(z.map(z.object({ id: z.string() }), z.number()), new Map([[{ id: 1 }, 1]]))).toBe(
      "Недопустимый ключ в словаре. Значение должно быть строкой, а не числом.",
    );
  });

  it("invalid_element names the collection and why", () => {
    expect(message(z.map(z.object({ id: z.string() }), z.number()), new Map([[{ id: "а" }, "1"]]))).toBe(
      "Недопустимое значение в словаре. Значение должно быть числом, а не строкой.",
    );
    const issue = {
      code: "invalid_element",
      origin: "set",
      key: 0,
      issues: [{ message: "Неверное значение." }],
      input: new Set(),
    } as const;
    expect(russianErrors(issue as unknown as z.core.$ZodRawIssue)).toBe("Недопустимый элемент набора. Неверное значение.");
  });

  it("invalid_value lists the allowed values (enum, literal, a file's type)", () => {
    expect(message(z.enum(["SPO", "VO"]), "ПТУ")).toBe("Допустимые значения: «SPO», «VO».");
    expect(message(z.literal("DOCUMENT"), "ДОКУМЕНТ")).toBe("Допустимое значение: «DOCUMENT».");
    expect(message(z.literal(true), false)).toBe("Допустимое значение: «да».");
    expect(message(z.literal(5), 4)).toBe("Допустимое значение: «5».");
    expect(message(z.file().mime("application/pdf"), new File(["x"], "а.txt", { type: "text/plain" }))).toBe(
      "Допустимое значение: «application/pdf».",
    );
  });

  it("custom, without a message of its own", () => {
    expect(
      message(
        z.custom((value) => value === 1),
        2,
      ),
    ).toBe("Неверное значение.");
    expect(
      message(
        z.string().refine((value) => value.length > 3),
        "да",
      ),
    ).toBe("Неверное значение.");
  });

  it("an issue code zod may add later still reads in Russian", () => {
    expect(russianErrors({ code: "new_code", input: 1 } as unknown as z.core.$ZodRawIssue)).toBe("Неверное значение.");
  });

  it("cuts a long quoted value", () => {
    expect(message(z.strictObject({}), { ["я".repeat(200)]: 1 })).toBe(`Лишнее поле «${"я".repeat(60)}…».`);
  });
});

describe("a schema's own message wins", () => {
  it("over every default", () => {
    expect(message(z.string().max(5, "Не длиннее 5 символов."), "шесть!")).toBe("Не длиннее 5 символов.");
    expect(message(z.iso.date({ error: "Дата в формате ДД.ММ.ГГГГ." }), "1 июня")).toBe("Дата в формате ДД.ММ.ГГГГ.");
    expect(message(z.enum(["A"], { error: "Выберите отметку." }), "B")).toBe("Выберите отметку.");
  });

  it("the lib/schemas texts stay as written", async () => {
    const { ZBlankReturn } = await import("@/lib/schemas/blank");
    expect(messages(ZBlankReturn, { blankId: "3f1c1c9e-7a51-4a7e-9d55-0c0f2a3b4c5d", message: "да" })).toEqual([
      "Напишите, что исправить (не короче 5 символов).",
    ]);
    // A field the schema left to the defaults speaks the map's Russian.
    expect(messages(ZBlankReturn, { blankId: "нет", message: "Исправьте номер приказа." })).toEqual(["Неверный идентификатор."]);
  });
});
