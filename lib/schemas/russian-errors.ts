import type { z } from "zod";

/**
 * zod's default messages in Russian, for every issue code zod 4 raises.
 *
 * zod ships a Russian locale, but it leaves type names, origins and formats in
 * English («ожидалось массив, получено object», «ожидалось, что string будет
 * иметь <=5 символов»). This map speaks whole Russian sentences: types named in
 * Russian, numbers and dates written the Russian way, plurals agreed with their
 * number. A value of the user's (a key, an allowed value) is quoted «…»; nothing
 * else in a message is Latin. A schema's own message (lib/schemas) wins over it.
 */

type Issue = z.core.$ZodRawIssue;
type IssueOf<Code extends Issue["code"]> = Extract<Issue, { code: Code }>;

// Thousands grouped from five digits on, as Russian typography does: 1000, 10 000.
const NUMBER = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 20, useGrouping: "min2" });
const PLURAL = new Intl.PluralRules("ru-RU");

/** A counted noun: «1 символ», «2 символа», «5 символов» (after «ровно»), and «1 символа» after «не более». */
interface Noun {
  one: string;
  few: string;
  many: string;
  genitiveOne: string;
}

const CHARACTER: Noun = { one: "символ", few: "символа", many: "символов", genitiveOne: "символа" };
const ELEMENT: Noun = { one: "элемент", few: "элемента", many: "элементов", genitiveOne: "элемента" };
const BYTE: Noun = { one: "байт", few: "байта", many: "байт", genitiveOne: "байта" };

const formatNumber = (value: number | bigint) => NUMBER.format(value);

/** A word of one of the tables below; never an inherited property such as «toString». */
const lookup = (table: Record<string, string>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** «5 символов» after «ровно». */
function counted(count: number, noun: Noun): string {
  const category = PLURAL.select(count);
  const word = category === "one" ? noun.one : category === "few" ? noun.few : noun.many;
  return `${formatNumber(count)} ${word}`;
}

/** «1 символа», «5 символов» after «не более», «не менее», «более», «менее». */
function countedGenitive(count: number, noun: Noun): string {
  return `${formatNumber(count)} ${PLURAL.select(count) === "one" ? noun.genitiveOne : noun.many}`;
}

/** A file's size as people read it: «5 МБ», «100 КБ», «300 байт». */
function fileSize(bytes: number, genitive: boolean): string {
  const megabyte = 1024 * 1024;
  if (bytes >= megabyte && bytes % megabyte === 0) return `${formatNumber(bytes / megabyte)} МБ`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${formatNumber(bytes / 1024)} КБ`;
  return genitive ? countedGenitive(bytes, BYTE) : counted(bytes, BYTE);
}

/** ДД.ММ.ГГГГ, the screen's way of writing a date (a bound of z.date() arrives as milliseconds; read in UTC, as ISO dates are). */
function formatDate(time: number | bigint): string {
  const date = new Date(Number(time));
  if (Number.isNaN(date.getTime())) return String(time);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
}

const MAX_QUOTED = 60;

/** A value of the user's or of the schema, quoted; long values are cut. */
function quote(value: unknown): string {
  if (value === true) return "«да»";
  if (value === false) return "«нет»";
  if (value === null) return "«пусто»";
  if (value === undefined) return "«не указано»";
  const text = typeof value === "number" || typeof value === "bigint" ? formatNumber(value) : String(value);
  return `«${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text}»`;
}

const MAX_LISTED = 20;

/** «строкой, числом или массивом». */
const joinOr = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(", ")} или ${words.at(-1)}` : words.join(""));

function quoteList(values: readonly unknown[]): string {
  const listed = values.slice(0, MAX_LISTED).map(quote).join(", ");
  return values.length > MAX_LISTED ? `${listed} и ещё ${formatNumber(values.length - MAX_LISTED)}` : listed;
}

/** What a value must be, in the instrumental case: «Значение должно быть <числом>». */
const EXPECTED: Record<string, string> = {
  string: "строкой",
  number: "числом",
  int: "целым числом",
  bigint: "целым числом",
  boolean: "логическим значением (да или нет)",
  symbol: "символом",
  null: "пустым значением",
  date: "датой",
  array: "массивом",
  tuple: "массивом",
  object: "объектом",
  record: "объектом",
  map: "словарём",
  set: "множеством",
  file: "файлом",
  function: "функцией",
  // z.instanceof(Class) names the class.
  Date: "датой",
  File: "файлом",
  Blob: "файлом",
  Map: "словарём",
  Set: "множеством",
  Uint8Array: "двоичными данными",
  ArrayBuffer: "двоичными данными",
};

/** What a value is, in the instrumental case: «…, а не <строкой>». */
function received(input: unknown): string {
  switch (typeof input) {
    case "string":
      return input === "" ? "пустой строкой" : "строкой";
    case "number":
      return Number.isNaN(input) ? "значением «не число»" : "числом";
    case "bigint":
      return "целым числом";
    case "boolean":
      return "логическим значением";
    case "symbol":
      return "символом";
    case "function":
      return "функцией";
    case "undefined":
      return "пустым значением";
  }
  if (input === null) return "пустым значением";
  if (Array.isArray(input)) return "массивом";
  if (input instanceof Date) return "датой";
  if (input instanceof Map) return "словарём";
  if (input instanceof Set) return "множеством";
  if (typeof Blob !== "undefined" && input instanceof Blob) return "файлом";
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return "двоичными данными";
  return "объектом";
}

const REQUIRED = "Обязательное поле.";

function invalidType(issue: IssueOf<"invalid_type">): string {
  const { expected, input } = issue;
  if (expected === "undefined" || expected === "void") return "Здесь не должно быть значения.";
  if (expected === "never") return "Лишнее поле.";
  if (expected === "nan") return "Здесь ожидается особое значение «не число».";
  if (expected === "nonoptional" || input === undefined || (input === null && expected !== "null")) return REQUIRED;
  if (expected === "int" && typeof input === "number") return "Число должно быть целым.";
  if (expected === "number" && typeof input === "number") {
    return Number.isNaN(input) ? "Значение должно быть числом." : "Число должно быть конечным.";
  }
  if (expected === "date" && input instanceof Date) return "Такой даты не бывает.";
  const wanted = lookup(EXPECTED, expected) ?? "объектом нужного вида";
  const got = received(input);
  return got === wanted ? `Значение должно быть ${wanted}.` : `Значение должно быть ${wanted}, а не ${got}.`;
}

type Bound = "max" | "min";

/** For each side of a bound, the words when the bound itself is allowed and when it is not. */
type Words = Record<Bound, [allowed: string, strict: string]>;

const SIZE_WORDS: Words = { max: ["не более", "менее"], min: ["не менее", "более"] };
const NUMBER_WORDS: Words = { max: ["не больше", "меньше"], min: ["не меньше", "больше"] };
const DATE_WORDS: Words = { max: ["не позже", "раньше"], min: ["не раньше", "позже"] };

/** «Не более», «менее»… by the bound's side and whether it is allowed itself. */
function comparison(bound: Bound, inclusive: boolean | undefined, words: Words): string {
  const [allowed, strict] = words[bound];
  return inclusive === false ? strict : allowed;
}

const SIZED: Record<string, { subject: string; noun: Noun }> = {
  array: { subject: "В списке должно быть", noun: ELEMENT },
  set: { subject: "В наборе должно быть", noun: ELEMENT },
  map: { subject: "В словаре должно быть", noun: ELEMENT },
};

function sizeLimit(issue: IssueOf<"too_big"> | IssueOf<"too_small">): string {
  const bound: Bound = issue.code === "too_big" ? "max" : "min";
  const limit = issue.code === "too_big" ? issue.maximum : issue.minimum;
  const count = Number(limit);
  const { origin, inclusive, exact } = issue;
  if (origin === "string") {
    if (exact) return `Нужно ровно ${counted(count, CHARACTER)}.`;
    if (bound === "min" && count === 1 && inclusive !== false) return "Поле не может быть пустым.";
    const words = comparison(bound, inclusive, SIZE_WORDS);
    return `${words.charAt(0).toUpperCase()}${words.slice(1)} ${countedGenitive(count, CHARACTER)}.`;
  }
  const sized = Object.hasOwn(SIZED, origin) ? SIZED[origin] : undefined;
  if (sized) {
    if (exact) return `${sized.subject} ровно ${counted(count, sized.noun)}.`;
    return `${sized.subject} ${comparison(bound, inclusive, SIZE_WORDS)} ${countedGenitive(count, sized.noun)}.`;
  }
  if (origin === "file") {
    if (exact) return `Размер файла должен быть ровно ${fileSize(count, false)}.`;
    return `Файл должен быть ${comparison(bound, inclusive, NUMBER_WORDS)} ${fileSize(count, true)}.`;
  }
  if (origin === "date") return `Дата должна быть ${comparison(bound, inclusive, DATE_WORDS)} ${formatDate(limit)}.`;
  if (origin === "number" || origin === "int" || origin === "bigint") {
    if (exact) return `Число должно быть равно ${formatNumber(limit)}.`;
    return `Число должно быть ${comparison(bound, inclusive, NUMBER_WORDS)} ${formatNumber(limit)}.`;
  }
  return `Значение должно быть ${comparison(bound, inclusive, NUMBER_WORDS)} ${formatNumber(limit)}.`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Messages of the string formats that need no detail from the issue. */
const FORMATS: Record<string, string> = {
  email: "Неверный адрес электронной почты.",
  url: "Неверная ссылка: укажите адрес страницы целиком.",
  hostname: "Неверное доменное имя.",
  uuid: "Неверный идентификатор.",
  guid: "Неверный идентификатор.",
  nanoid: "Неверный идентификатор.",
  cuid: "Неверный идентификатор.",
  cuid2: "Неверный идентификатор.",
  ulid: "Неверный идентификатор.",
  xid: "Неверный идентификатор.",
  ksuid: "Неверный идентификатор.",
  datetime: "Дата и время должны быть записаны полностью: дата ГГГГ-ММ-ДД и время чч:мм:сс.",
  date: "Дата должна быть в формате ГГГГ-ММ-ДД (например, 2022-06-01).",
  time: "Время должно быть в формате чч:мм (например, 09:30).",
  duration: "Неверная длительность.",
  ipv4: "Неверный сетевой адрес.",
  ipv6: "Неверный сетевой адрес.",
  cidrv4: "Неверный диапазон сетевых адресов.",
  cidrv6: "Неверный диапазон сетевых адресов.",
  mac: "Неверный физический адрес устройства.",
  base64: "Неверные закодированные данные.",
  base64url: "Неверные закодированные данные.",
  json_string: "Текст не читается как структурированные данные.",
  e164: "Номер телефона должен быть в международном формате, например +79001234567.",
  emoji: "Допускаются только эмодзи.",
  credit_card: "Неверный номер банковской карты.",
  iban: "Неверный номер банковского счёта.",
  currency_code: "Неверный код валюты.",
  jwt: "Неверный ключ доступа.",
  hex: "Допускаются только шестнадцатеричные цифры.",
  lowercase: "Допускаются только строчные буквы.",
  uppercase: "Допускаются только прописные буквы.",
};

function invalidFormat(issue: IssueOf<"invalid_format">): string {
  const details = issue as IssueOf<"invalid_format"> & { prefix?: string; suffix?: string; includes?: string };
  switch (issue.format) {
    case "starts_with":
      return `Значение должно начинаться с ${quote(details.prefix)}.`;
    case "ends_with":
      return `Значение должно заканчиваться на ${quote(details.suffix)}.`;
    case "includes":
      return `Значение должно содержать ${quote(details.includes)}.`;
    case "date":
      if (typeof issue.input === "string" && ISO_DATE.test(issue.input)) return `Такой даты не бывает: ${quote(issue.input)}.`;
  }
  // z.hash("sha256") and the like: «sha256_hex», «md5_base64».
  if (/_(hex|base64|base64url)$/.test(issue.format)) return "Неверная контрольная сумма.";
  return lookup(FORMATS, issue.format) ?? "Неверный формат значения.";
}

function invalidUnion(issue: IssueOf<"invalid_union">): string {
  // A discriminated union whose discriminator holds none of its values.
  const options = "options" in issue ? (issue.options as readonly unknown[] | undefined) : undefined;
  if (options?.length) return `Допустимые значения: ${quoteList(options)}.`;
  if (issue.inclusive === false) return "Значение подходит сразу под несколько вариантов.";
  if (issue.input === undefined || issue.input === null) return REQUIRED;
  // Each alternative refused only the value's type: name the types it may have.
  const types = issue.errors.map((errors) => {
    const only = errors.length === 1 ? errors[0] : undefined;
    return only?.code === "invalid_type" && only.path.length === 0 ? lookup(EXPECTED, only.expected) : undefined;
  });
  if (types.length && types.every(Boolean)) {
    const wanted = joinOr([...new Set(types)] as string[]);
    return `Значение должно быть ${wanted}, а не ${received(issue.input)}.`;
  }
  return "Значение не подходит ни под один из допустимых вариантов.";
}

/** The first message of a key's or an element's own issues, after what was wrong. */
function withCause(text: string, issues: readonly { message: string }[]): string {
  const cause = issues[0]?.message;
  return cause ? `${text} ${cause}` : text;
}

export const russianErrors: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return invalidType(issue);
    case "too_big":
    case "too_small":
      return sizeLimit(issue);
    case "invalid_format":
      return invalidFormat(issue);
    case "not_multiple_of":
      return `Число должно быть кратно ${formatNumber(issue.divisor)}.`;
    case "unrecognized_keys":
      return issue.keys.length === 1 ? `Лишнее поле ${quote(issue.keys[0])}.` : `Лишние поля: ${quoteList(issue.keys)}.`;
    case "invalid_union":
      return invalidUnion(issue);
    case "invalid_key":
      return withCause(
        issue.origin === "record" && typeof issue.input === "string"
          ? `Недопустимый ключ ${quote(issue.input)}.`
          : "Недопустимый ключ в словаре.",
        issue.issues,
      );
    case "invalid_element":
      return withCause(issue.origin === "set" ? "Недопустимый элемент набора." : "Недопустимое значение в словаре.", issue.issues);
    case "invalid_value":
      return issue.values.length === 1
        ? `Допустимое значение: ${quote(issue.values[0])}.`
        : `Допустимые значения: ${quoteList(issue.values)}.`;
    default:
      return "Неверное значение.";
  }
};
