/**
 * Directory data of the demo: Krasnodar krai (23) with its 44 municipalities and
 * Kemerovo oblast (42) with the Kaltan urban district and the five pilot-site
 * schools of seed 001, exactly as written there.
 */

export interface MunicipalitySeed {
  name: string;
  /** Spellings met in the seed documents. */
  aliases: string[];
  /** Administrative centre, used for the demo schools' addresses. */
  centre: string;
}

const district = (stem: string, centre: string, aliases: string[] = []): MunicipalitySeed => ({
  name: `${stem} район`,
  aliases,
  centre,
});
const city = (name: string, centre: string, aliases: string[]): MunicipalitySeed => ({ name, aliases, centre });

export const KRASNODAR_REGION = { code: "23", name: "Краснодарский край" } as const;

/** 7 urban districts and 37 municipal districts. */
export const KRASNODAR_MUNICIPALITIES: MunicipalitySeed[] = [
  city("город Краснодар", "г. Краснодар", ["Краснодар", "МО город Краснодар", "муниципальное образование город Краснодар"]),
  city("город Армавир", "г. Армавир", ["Армавир"]),
  city("город-курорт Анапа", "г. Анапа", ["Анапа"]),
  city("город-курорт Геленджик", "г. Геленджик", ["Геленджик"]),
  city("город Горячий Ключ", "г. Горячий Ключ", ["Горячий Ключ"]),
  city("город Новороссийск", "г. Новороссийск", ["Новороссийск"]),
  city("город-курорт Сочи", "г. Сочи", ["Сочи"]),
  district("Абинский", "г. Абинск"),
  district("Апшеронский", "г. Апшеронск"),
  district("Белоглинский", "с. Белая Глина"),
  district("Белореченский", "г. Белореченск"),
  district("Брюховецкий", "ст-ца Брюховецкая"),
  district("Выселковский", "ст-ца Выселки"),
  district("Гулькевичский", "г. Гулькевичи"),
  district("Динской", "ст-ца Динская"),
  district("Ейский", "г. Ейск"),
  district("Кавказский", "ст-ца Кавказская"),
  district("Калининский", "ст-ца Калининская"),
  district("Каневской", "ст-ца Каневская"),
  district("Кореновский", "г. Кореновск"),
  district("Красноармейский", "ст-ца Полтавская"),
  district("Крыловский", "ст-ца Крыловская"),
  district("Крымский", "г. Крымск"),
  district("Курганинский", "г. Курганинск"),
  district("Кущёвский", "ст-ца Кущёвская", ["Кущевский район"]),
  district("Лабинский", "г. Лабинск"),
  district("Ленинградский", "ст-ца Ленинградская"),
  district("Мостовский", "пгт Мостовской"),
  district("Новокубанский", "г. Новокубанск"),
  district("Новопокровский", "ст-ца Новопокровская"),
  district("Отрадненский", "ст-ца Отрадная"),
  district("Павловский", "ст-ца Павловская"),
  // Seed 000 spells it "Приморск-Ахтарский район".
  district("Приморско-Ахтарский", "г. Приморско-Ахтарск", ["Приморск-Ахтарский район"]),
  district("Северский", "ст-ца Северская"),
  // Seed 004: "муниципального образования Славянский район".
  district("Славянский", "г. Славянск-на-Кубани", ["муниципальное образование Славянский район"]),
  district("Староминский", "ст-ца Староминская"),
  district("Тбилисский", "ст-ца Тбилисская"),
  district("Темрюкский", "г. Темрюк"),
  district("Тимашёвский", "г. Тимашёвск", ["Тимашевский район"]),
  district("Тихорецкий", "г. Тихорецк"),
  district("Туапсинский", "г. Туапсе"),
  district("Успенский", "с. Успенское"),
  district("Усть-Лабинский", "г. Усть-Лабинск"),
  district("Щербиновский", "ст-ца Старощербиновская"),
];

export const KRASNODAR_REGIONAL_CENTRE = {
  name: "ГБОУ «Институт развития образования» Краснодарского края",
  shortName: "ГБОУ ИРО КК",
} as const;

/** The issuer of the demo region's reports: the institute and its centre, as the header of seed 000 prints them. */
export const KRASNODAR_REPORT_ISSUER = {
  organizationName: KRASNODAR_REGIONAL_CENTRE.name,
  details: "Центр дистанционного образования",
} as const;

/** Municipal organisations named in seeds 002 and 004. */
export const KRASNODAR_MUNICIPAL_ORGANISATIONS = [
  {
    municipality: "Славянский район",
    kind: "EDUCATION_AUTHORITY",
    name: "Управление образования администрации муниципального образования Славянский район",
    shortName: "УО Славянский район",
  },
  {
    municipality: "Славянский район",
    kind: "MUNICIPAL_CENTER",
    name: "Муниципальное казённое учреждение образования «Консультационно-методический центр»",
    shortName: "МКУО КМЦ",
    headName: "Плесецкая Олеся Васильевна",
  },
  {
    municipality: "город Краснодар",
    kind: "EDUCATION_AUTHORITY",
    name: "Департамент образования администрации муниципального образования город Краснодар",
    shortName: "Департамент образования МО город Краснодар",
  },
  {
    municipality: "город Краснодар",
    kind: "MUNICIPAL_CENTER",
    name: "МКУ «Краснодарский научно-методический центр»",
    shortName: "МКУ КНМЦ",
  },
] as const;

/** Each Krasnodar municipality gets these demo schools; the first is its base school (БШ). */
export const DEMO_SCHOOL_NAMES = ["МБОУ СОШ № 1", "МБОУ СОШ № 2", "МБОУ ООШ № 3"] as const;

export const KEMEROVO_REGION = { code: "42", name: "Кемеровская область — Кузбасс" } as const;

export const KALTAN = {
  name: "Калтанский городской округ",
  aliases: ["Калтанский ГО"],
  authority: {
    name: "Муниципальное казенное учреждение Управление образования администрации Калтанского городского округа",
    shortName: "МКУ УО",
  },
};

/** Seed 001, «Перечень общеобразовательных организаций – муниципальных пилотных площадок». */
export const KALTAN_SCHOOLS = [
  {
    name: 'МБОУ "Средняя общеобразовательная школа № 1"',
    addresses: [
      { label: "старший корпус", address: "652740, РФ, Кемеровская область, г. Калтан, ул. Калинина, 38" },
      { label: "младший корпус", address: "652740, РФ, Кемеровская область, г. Калтан, ул. Калинина, 40" },
    ],
    headName: "Петухова Лариса Анатольевна",
    phone: "3-18-39",
  },
  {
    name: 'МБОУ "Средняя общеобразовательная школа № 30 имени Н. Н. Колокольцова"',
    addresses: [
      {
        label: "корпус № 1",
        address: "652831, РФ, Кемеровская область, г. Калтан, п. Малиновка, ул. 60 лет Октября, 19",
      },
      {
        label: "корпус № 2",
        address: "652825, РФ, Кемеровская область, г. Калтан, с. Сарбала, ул. Советская, 11 а",
      },
    ],
    headName: "Лехтина Лариса Петровна",
    phone: "3-42-40",
  },
  {
    name: 'МБОУ "Основная общеобразовательная школа № 15"',
    addresses: [{ label: null, address: "652809, РФ, Кемеровская область, г. Калтан, ул. Дзержинского, 3" }],
    headName: "Белоногова Наталья Александровна",
    phone: "3-08-66",
  },
  {
    name: 'МБОУ "Основная общеобразовательная школа № 18"',
    addresses: [{ label: null, address: "652740, РФ, Кемеровская область, г. Калтан, переулок Советский, 9 а" }],
    headName: "Луговенко Екатерина Андреевна",
    phone: "3-05-77",
  },
  {
    name: 'МБОУ "Основная общеобразовательная школа № 29"',
    addresses: [{ label: null, address: "652809, РФ, Кемеровская область, г. Калтан, ул. Спортивная, 16" }],
    headName: "Конурина Ольга Николаевна",
    phone: "3-48-02",
  },
] as const;

export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.local", name: "Администратор ИРО КК", role: "REGION_ADMIN", region: "23" },
  { email: "auditor@demo.local", name: "Приходько Марина Николаевна", role: "REGION_AUDITOR", region: "23" },
  {
    email: "mo.slavyansky@demo.local",
    name: "Муниципальный координатор (Славянский район)",
    role: "MUNICIPAL_COORDINATOR",
    region: "23",
    municipality: "Славянский район",
  },
  {
    email: "school.slavyansky@demo.local",
    name: "Школьный координатор (МБОУ СОШ № 1, Славянский район)",
    role: "SCHOOL_COORDINATOR",
    region: "23",
    municipality: "Славянский район",
    organization: "МБОУ СОШ № 1",
  },
  { email: "admin42@demo.local", name: "Администратор (Кемеровская область)", role: "REGION_ADMIN", region: "42" },
] as const;
