import "server-only";
import type { Random } from "@/lib/seed-data/random";

/** Realistic Russian names for generated directory rows and records. Deterministic for a given Random. */

const DISTRICT_STEMS = [
  "Берёзовский",
  "Заречный",
  "Каменский",
  "Луговской",
  "Озёрский",
  "Сосновский",
  "Родниковский",
  "Полевской",
  "Краснополянский",
  "Белореченский",
  "Новосёловский",
  "Староминский",
  "Черноярский",
  "Светлоярский",
  "Ольховский",
  "Дубровский",
  "Кленовский",
  "Рябиновский",
  "Ивановский",
  "Покровский",
  "Никольский",
  "Троицкий",
  "Успенский",
  "Вознесенский",
  "Богородский",
  "Михайловский",
  "Александровский",
  "Петровский",
  "Васильевский",
  "Знаменский",
  "Октябрьский",
  "Первомайский",
  "Советский",
  "Пролетарский",
  "Заводской",
  "Степной",
  "Лесной",
  "Приозёрный",
  "Нагорный",
  "Верхнедонской",
  "Нижнекамский",
  "Солнечный",
  "Ясеновский",
  "Тополиный",
  "Кедровский",
  "Калиновский",
  "Малиновский",
  "Вишнёвский",
  "Грушевский",
  "Яблоновский",
  "Пригородный",
  "Широковский",
  "Долинский",
  "Гороховский",
];
const TOWNS = [
  "Светлогорск",
  "Новоозёрск",
  "Краснознаменск",
  "Зеленоград-Южный",
  "Приморск",
  "Каменск",
  "Солнечногорск-Тестовый",
  "Берёзовск",
  "Лесногорск",
  "Речной",
  "Заводск",
  "Первогорск",
  "Ясногорск",
  "Старокаменск",
  "Новодонск",
];
const STREETS = [
  "Ленина",
  "Советская",
  "Школьная",
  "Мира",
  "Садовая",
  "Гагарина",
  "Молодёжная",
  "Центральная",
  "Пушкина",
  "Победы",
  "Октябрьская",
  "Кирова",
];

const MALE_SURNAMES = [
  "Иванов",
  "Петров",
  "Смирнов",
  "Кузнецов",
  "Попов",
  "Васильев",
  "Соколов",
  "Михайлов",
  "Новиков",
  "Фёдоров",
  "Морозов",
  "Волков",
  "Алексеев",
  "Лебедев",
  "Семёнов",
  "Егоров",
  "Павлов",
  "Козлов",
  "Степанов",
  "Николаев",
  "Орлов",
  "Андреев",
  "Макаров",
  "Никитин",
  "Захаров",
  "Зайцев",
  "Соловьёв",
  "Борисов",
  "Яковлев",
  "Григорьев",
];
const MALE_NAMES = [
  "Александр",
  "Дмитрий",
  "Максим",
  "Сергей",
  "Андрей",
  "Алексей",
  "Артём",
  "Илья",
  "Кирилл",
  "Михаил",
  "Никита",
  "Матвей",
  "Роман",
  "Егор",
  "Иван",
  "Тимофей",
  "Владимир",
  "Павел",
];
const FEMALE_NAMES = [
  "Анна",
  "Мария",
  "Елена",
  "Ольга",
  "Наталья",
  "Татьяна",
  "Ирина",
  "Светлана",
  "Екатерина",
  "Дарья",
  "Полина",
  "Виктория",
  "Софья",
  "Алина",
  "Ксения",
  "Валентина",
  "Людмила",
  "Марина",
];
const FATHER_NAMES = [
  "Александр",
  "Дмитрий",
  "Сергей",
  "Андрей",
  "Алексей",
  "Михаил",
  "Николай",
  "Владимир",
  "Иван",
  "Павел",
  "Виктор",
  "Юрий",
  "Евгений",
  "Олег",
  "Пётр",
];

function patronymic(father: string, female: boolean): string {
  const base = father === "Пётр" ? "Петр" : father;
  if (base.endsWith("ий")) return base.slice(0, -2) + (female ? "ьевна" : "ьевич");
  if (base.endsWith("й")) return base.slice(0, -1) + (female ? "евна" : "евич");
  return base + (female ? "овна" : "ович");
}

/** «Фамилия Имя Отчество». */
export function personName(random: Random): string {
  const female = random.chance(0.55);
  const surname = random.pick(MALE_SURNAMES);
  const name = random.pick(female ? FEMALE_NAMES : MALE_NAMES);
  return `${female ? `${surname}а` : surname} ${name} ${patronymic(random.pick(FATHER_NAMES), female)}`;
}

export interface GeneratedMunicipality {
  name: string;
  /** The administrative centre, for addresses. */
  centre: string;
  isTown: boolean;
}

/** `count` distinct municipalities: a fifth of them towns («город …»), the rest districts («… район»). */
export function municipalityNames(random: Random, count: number): GeneratedMunicipality[] {
  const towns = random.shuffle(TOWNS).slice(0, Math.min(TOWNS.length, Math.round(count / 5)));
  const stems = random.shuffle(DISTRICT_STEMS);
  const out: GeneratedMunicipality[] = towns.map((t) => ({ name: `город ${t}`, centre: `г. ${t}`, isTown: true }));
  for (let i = 0; out.length < count; i++) {
    const stem = stems[i % stems.length]!;
    const round = Math.floor(i / stems.length);
    const name = round === 0 ? `${stem} район` : `${stem} район № ${round + 1}`;
    out.push({ name, centre: `ст. ${stem.replace(/ский$|цкий$/, "ская")}`, isTown: false });
  }
  return out;
}

const SCHOOL_KINDS = [
  { weight: 62, name: (n: number) => `МБОУ СОШ № ${n}` },
  { weight: 10, name: (n: number) => `МАОУ СОШ № ${n}` },
  { weight: 10, name: (n: number) => `МБОУ ООШ № ${n}` },
  { weight: 7, name: (n: number) => `МАОУ гимназия № ${n}` },
  { weight: 6, name: (n: number) => `МБОУ лицей № ${n}` },
  { weight: 5, name: (n: number) => `МКОУ НОШ № ${n}` },
];
const TOTAL_WEIGHT = SCHOOL_KINDS.reduce((s, k) => s + k.weight, 0);

/** A school's name with its number in the municipality («МБОУ СОШ № 7»); numbers are distinct, so names are. */
export function schoolName(random: Random, number: number): string {
  let roll = random.int(1, TOTAL_WEIGHT);
  for (const kind of SCHOOL_KINDS) {
    roll -= kind.weight;
    if (roll <= 0) return kind.name(number);
  }
  return SCHOOL_KINDS[0]!.name(number);
}

export function streetAddress(random: Random, regionName: string, centre: string): string {
  return `${regionName}, ${centre}, ул. ${random.pick(STREETS)}, ${random.int(1, 120)}`;
}
