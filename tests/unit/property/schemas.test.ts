import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CYRILLIC, RUSSIAN_TEXT, SEED, unquoted } from "./property-config";

/**
 * Every zod schema exported from lib/schemas/**, found by walking the modules'
 * exports (a new schema is covered, or this file fails naming it): whatever it
 * is fed — random values, megabyte strings, control characters, prototype keys,
 * wrong types, deep nesting — safeParse never throws, and every message of a
 * refusal is Russian.
 */

const modules = import.meta.glob<Record<string, unknown>>("/lib/schemas/**/*.ts", { eager: true });

const schemas = new Map<string, z.ZodType>();
for (const [path, exports] of Object.entries(modules)) {
  const file = path.replace(/^\/lib\/schemas\//, "").replace(/\.ts$/, "");
  for (const [name, value] of Object.entries(exports)) {
    if (value instanceof z.ZodType) schemas.set(`${file}.${name}`, value);
  }
}

const ID = "3f1c1c9e-7a51-4a7e-9d55-0c0f2a3b4c5d";
const ID2 = "6b9f2d4e-1c3a-4f5b-8e7d-9a0b1c2d3e4f";
const item = { key: ID, number: "1", title: "Приказ о назначении координатора", kind: "DOCUMENT" };
const columns = { number: "№", name: "Наименование", value: "Реквизиты", match: "Соответствие" };
const content = { title: "БЛАНК СООТВЕТСТВИЯ", columns, items: [item] };

/**
 * A value each schema accepts: the starting point of the field-by-field attacks
 * below. A schema missing here fails the first test.
 */
const VALID: Record<string, unknown> = {
  "audit.ZAuditListQuery": { from: "2026-11-01", to: "2026-11-30", action: "READ", entity: "DotStudent", q: "Иванова" },
  "assignment.ZAssignmentCreate": {
    role: "SCHOOL_COORDINATOR",
    subjectId: ID,
    personName: "Иванова Мария Петровна",
    validFrom: "2024-09-01",
  },
  "assignment.ZOrderOptionsQuery": { municipalityId: ID },
  "assignment.ZAssignmentListQuery": { page: "2", sort: "role", current: "1" },
  "auth.ZSignIn": { email: "admin@demo.local", password: "demo-password-2026" },
  "blank.ZDocumentAnswer": { kind: "DOCUMENT", present: true, docType: "Приказ", date: "2022-09-01", number: "12" },
  "blank.ZCountAnswer": { kind: "COUNT", count: 4 },
  "blank.ZPresenceAnswer": { kind: "PRESENCE", present: true },
  "blank.ZTextAnswer": { kind: "TEXT", text: "есть" },
  "blank.ZBlankAnswer": { kind: "COUNT", count: 0 },
  "blank.ZBlankSave": { blankId: ID, version: 3, answers: [{ itemKey: ID2, value: { kind: "PRESENCE", present: false } }] },
  "blank.ZBlankSubmit": { blankId: ID, version: 3 },
  "blank.ZBlankDocxImport": { blankId: ID, fileId: ID2, version: 3, itemKeys: [ID] },
  "blank.ZBlankRef": { blankId: ID },
  "blank.ZBlankItemRef": { blankId: ID, itemKey: ID2 },
  "blank.ZAnswerMark": { blankId: ID, itemKey: ID2, mark: "NOT_APPLICABLE", comment: "Нет такого подразделения" },
  "blank.ZBlankReturn": { blankId: ID, message: "Укажите номер приказа." },
  "campaign.ZCampaignCreate": {
    name: "Аудит 2024",
    date: "2024-10-01",
    deadline: "2024-11-01",
    templateVersionIds: [ID],
    municipalityIds: [ID2],
  },
  "campaign.ZCampaignFromPrevious": { previousCampaignId: ID, name: "Аудит 2025", date: "2025-10-01", deadline: "2025-11-01" },
  "campaign.ZCampaignListQuery": { q: "аудит" },
  "campaign.ZBlankListQuery": { campaignId: ID, status: "SUBMITTED" },
  "campaign.ZParticipantListQuery": {},
  "document.ZDocumentCreate": { owner: `municipality:${ID}`, type: "приказ", date: "2021-05-14", number: "560" },
  "document.ZDocumentSupersede": { documentId: ID, byId: ID2 },
  "document.ZDocumentListQuery": { type: "приказ", status: "IN_FORCE" },
  "finding.ZFindingListQuery": { overdue: "true", severity: "HIGH" },
  "finding.ZFindingPlan": { findingId: ID, deadline: "2030-01-01", responsible: "Петров П. П." },
  "finding.ZFindingFix": { findingId: ID, comment: "Приказ издан" },
  "finding.ZFindingVerify": { findingId: ID },
  "finding.ZFindingReopen": { findingId: ID, comment: "Номер не указан" },
  "import.ZImportResult": { dryRun: true, rows: [{ row: 2, action: "create" }], errors: [], notices: [], sheets: [] },
  "import.ZSchoolImportResult": {
    dryRun: true,
    created: 0,
    updated: 1,
    unchanged: 0,
    rows: [{ row: 2, name: "МБОУ СОШ № 1", action: "update", previousName: "МБОУ СОШ №1", changes: ["name", "phone"] }],
    errors: [],
    notices: [],
    sheets: [],
  },
  "import.ZStudentRecordImportResult": {
    dryRun: false,
    created: 0,
    updated: 0,
    unchanged: 0,
    rows: [],
    errors: [{ row: 2, column: "Дата рождения", message: "Такой даты не бывает." }],
    notices: [],
    sheets: [],
  },
  "import.ZRoadmapImportResult": {
    dryRun: true,
    imported: 1,
    updated: 0,
    documentsCreated: 1,
    documentsLinked: 1,
    planIds: [ID],
    rows: [
      {
        row: 3,
        municipality: "город Краснодар",
        title: "Семинар",
        timing: "22.09.2020",
        people: ["Петрова Т.А."],
        documents: 1,
        action: "create",
      },
    ],
    errors: [],
    notices: [
      { kind: "encoding", message: "Кодировка: Windows-1251, разделитель «;»", row: null },
      { kind: "left-out", message: "«Исполнитель: Петрова Т.А.» — не импортировано: подпись/примечание под таблицей", row: 9 },
    ],
    sheets: [],
  },
  "import.ZImportFailure": { error: { message: "Файл больше 5 МБ." } },
  "list.ZMunicipalityListQuery": { page: "1", pageSize: "50", sort: "schools" },
  "plan.zPlanOwner": `municipality:${ID}`,
  "plan.ZPlanCreate": { kind: "ROADMAP", title: "Дорожная карта", owner: `municipality:${ID}`, schoolYear: "2020/2021" },
  "plan.ZPlanEvent": { title: "Семинар", timingText: "22 сентября 2020 года", links: ["https://example.org/a"] },
  "plan.ZPlanEventSave": { planId: ID, eventId: null, title: "Семинар", timingText: "22 сентября 2020 года" },
  "plan.ZEventStatusChange": { action: "done", heldOn: "2021-03-01" },
  "plan.ZEventStatusSave": { planId: ID, eventId: ID2, action: "occurrence", dueDate: "2021-03-01", held: true },
  "plan.ZPlanListQuery": { kind: "PROGRAMME" },
  "plan.ZEventListQuery": { overdue: "1", status: "PLANNED" },
  "plan.ZPlanEventListQuery": { status: "OVERDUE" },
  "plan.zIndicatorPeriod": "2020/2021",
  "plan.ZIndicatorCreate": { number: "1", title: "Доля педагогов", targetText: "не менее 30 %" },
  "plan.ZIndicatorSave": { planId: ID, indicatorId: ID2, number: "1", title: "Доля педагогов", targetText: "не менее 30 %" },
  "plan.ZIndicatorValue": { indicatorId: ID, period: "2021", value: "12", base: "40" },
  "plan.ZIndicatorValueSave": { planId: ID, indicatorId: ID2, period: "2021", value: 12 },
  "recommendation.ZRecommendations": { texts: { ABSENT: "Разработать документ." } },
  "report.ZReportSettings": { regionId: ID, organizationName: "ГБОУ ИРО КК", details: "г. Краснодар" },
  "report.ZReportRequest": { kind: "campaign", id: ID, format: "docx" },
  "report.ZReportDownloadQuery": { format: "docx" },
  "report.ZReportJobListQuery": { page: "2", pageSize: "20" },
  "student.zSchoolYear": "2025/2026",
  "student.ZStudentFields": { schoolYear: "2025/2026", fullName: "А. Б.", grade: "5А", status: "GRADUATED", furtherEducation: "SPO" },
  "student.ZStudentCreate": { schoolYear: "2025/2026", fullName: "А. Б.", grade: "5А", organizationId: ID },
  "student.ZStudentUpdate": { studentId: ID, schoolYear: "2025/2026", fullName: "А. Б.", grade: "5А" },
  "student.ZStudentRef": { studentId: ID },
  "student.ZStudentListQuery": { schoolYear: "2025/2026" },
  "student.ZTeacherCourse": { title: "Курсы ДОТ", dateFrom: "2024-01-10", dateTo: "2024-01-20", hours: "72" },
  "student.ZTeacherFields": { schoolYear: "2025/2026", fullName: "Сидорова Е. В.", subject: "Математика" },
  "student.ZTeacherCreate": { schoolYear: "2025/2026", fullName: "Сидорова Е. В.", subject: "Математика", organizationId: ID },
  "student.ZTeacherUpdate": { teacherId: ID, schoolYear: "2025/2026", fullName: "Сидорова Е. В.", subject: "Математика" },
  "student.ZTeacherListQuery": {},
  "student.ZCountsQuery": { schoolYear: "2025/2026" },
  "template-file.ZTemplateExportQuery": { version: "2", format: "xlsx" },
  "template-file.ZBlankFormQuery": { version: "1", format: "docx" },
  "template.ZLegalBasis": { text: "Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6", date: "2021-07-22", clauses: ["3.6"] },
  "template.ZFootnote": { mark: "*", text: "при наличии" },
  "template.ZColumnHeaders": columns,
  "template.ZTemplateItem": { ...item, children: [{ ...item, key: ID2, kind: "COUNT" }] },
  "template.ZGradeBands": { compliant: 90, partial: 70 },
  "template.ZTemplateContent": content,
  "template.ZTemplateDocument": { format: "metodaudit.template/v1", key: "school-blank", name: "Бланк школы", level: "SCHOOL", content },
  "template.ZTemplateDraftSave": { versionId: ID, revision: 2, name: "Бланк школы", content },
  "template.ZTemplateVersionRef": { versionId: ID },
  "template.ZTemplateRef": { templateId: ID },
  "user.ZMembershipGrant": { role: "REGION_AUDITOR", scopeId: ID },
  "user.ZUserGrant": { userId: ID2, role: "REGION_AUDITOR", scopeId: ID },
  "user.ZMembershipRevoke": { userId: ID, membershipId: ID2 },
  "user.ZUserCreate": {
    email: "User@Example.org",
    name: "Иванов И. И.",
    password: "long-enough-password",
    memberships: [{ role: "REGION_ADMIN", scopeId: ID }],
  },
  "user.ZUserListQuery": { role: "REGION_ADMIN" },
  "z.ZNoInput": undefined,
};

const MEGABYTE = 1024 * 1024;

/** Values nobody should send, each one a separate attack on a field or a whole input; cheap enough to try on every field. */
function hostileValues(): unknown[] {
  const proto = JSON.parse('{"__proto__": {"polluted": "да"}, "constructor": {"prototype": {"polluted": "да"}}}');
  const sparse: unknown[] = [];
  sparse[10_000] = 1;
  return [
    "\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u007f\u0085\u2028\u2029\ufeff\u202e\ud800",
    "\t=1+1",
    '=HYPERLINK("http://evil.example","x")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "../../etc/passwd",
    "__proto__",
    "constructor",
    "2020-02-30",
    "9999-12-31",
    "0000-00-00",
    "-1",
    "1e309",
    "NaN",
    "",
    NaN,
    Infinity,
    -Infinity,
    -0,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    10n ** 30n,
    true,
    null,
    undefined,
    [],
    {},
    [null],
    new Date(Number.NaN),
    new Date(8.64e15),
    new Map([["a", 1]]),
    new Set([1]),
    new Uint8Array(16),
    Object.create(null),
    proto,
    { toString: () => "x", valueOf: () => 1 },
    sparse,
    new String("строка"),
    new Number(5),
    Symbol("s"),
    () => 1,
  ];
}

/** Values too large to try field by field: each is put in every field at once, and given as the whole input. */
function heavyValues(): unknown[] {
  let deep: unknown = [];
  for (let i = 0; i < 100_000; i++) deep = [deep];
  let deepObject: Record<string, unknown> = {};
  for (let i = 0; i < 100_000; i++) deepObject = { key: ID, title: "x", kind: "SECTION", children: [deepObject], items: [deepObject] };
  return [
    "a".repeat(MEGABYTE),
    "1.".repeat(MEGABYTE / 2),
    " ".repeat(MEGABYTE),
    "\u0000".repeat(MEGABYTE),
    "«".repeat(MEGABYTE),
    deep,
    deepObject,
    Array.from({ length: 100_000 }, () => ID),
    Array.from({ length: 10_000 }, () => ({ ...item })),
  ];
}

/**
 * Every message of a refusal is Russian: it holds Cyrillic, and nothing but Cyrillic, digits and punctuation
 * outside a «quoted» value (the user's own, or an allowed value to type). zod's defaults come from lib/schemas/russian-errors.ts, our own are
 * written so.
 */
function expectRussian(name: string, result: z.ZodSafeParseResult<unknown>) {
  if (result.success) return;
  for (const issue of result.error.issues) {
    if (!CYRILLIC.test(issue.message) || !RUSSIAN_TEXT.test(unquoted(issue.message))) {
      throw new Error(`${name}: the message «${issue.message}» at ${issue.path.join(".") || "(root)"} is not Russian`);
    }
  }
}

/** safeParse, failing the test with the schema's name if it throws. */
function parse(name: string, schema: z.ZodType, input: unknown) {
  let result: z.ZodSafeParseResult<unknown>;
  try {
    result = schema.safeParse(input);
  } catch (error) {
    throw new Error(`${name}: safeParse threw ${String(error).slice(0, 200)}`);
  }
  expectRussian(name, result);
  return result;
}

/** Nothing an input holds may reach Object.prototype. */
function expectNoPollution() {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}

describe("every exported zod schema", () => {
  it("is found in lib/schemas and has a valid sample here (a new schema fails this test until it is added)", () => {
    expect(schemas.size).toBeGreaterThan(50);
    const uncovered = [...schemas.keys()].filter((name) => !(name in VALID));
    const stale = Object.keys(VALID).filter((name) => !schemas.has(name));
    expect({ uncovered, stale }).toEqual({ uncovered: [], stale: [] });
  });

  it("accepts its valid sample", () => {
    for (const [name, schema] of schemas) {
      const result = schema.safeParse(VALID[name]);
      if (!result.success) throw new Error(`${name}: ${JSON.stringify(result.error.issues)}`);
    }
  });

  it("never throws on random values, and refuses in Russian", () => {
    const anything = fc.anything({
      maxDepth: 2,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    });
    // The same random values for every schema: generated once, as generating costs more than parsing.
    const inputs = fc.sample(anything, { seed: SEED, numRuns: 150 });
    for (const [name, schema] of schemas) for (const input of inputs) parse(name, schema, input);
    expectNoPollution();
  }, 30_000);

  it("never throws on hostile values as the whole input", () => {
    const values = [...hostileValues(), ...heavyValues()];
    for (const [name, schema] of schemas) for (const value of values) parse(name, schema, value);
    expectNoPollution();
  }, 30_000);

  it("never throws when every field holds a megabyte, a deep nesting or a huge list", () => {
    const heavy = heavyValues();
    for (const [name, schema] of schemas) {
      const valid = VALID[name];
      if (valid === null || typeof valid !== "object" || Array.isArray(valid)) continue;
      const keys = [...new Set([...Object.keys(schema instanceof z.ZodObject ? schema.shape : {}), ...Object.keys(valid)])];
      for (const value of heavy) parse(name, schema, Object.fromEntries(keys.map((key) => [key, value])));
    }
  }, 30_000);

  it("never throws when one field of a valid input is replaced by a hostile value, and refuses in Russian", () => {
    const hostile = hostileValues();
    for (const [name, schema] of schemas) {
      const valid = VALID[name];
      if (valid === null || typeof valid !== "object" || Array.isArray(valid)) continue;
      const keys = [...new Set([...Object.keys(schema instanceof z.ZodObject ? schema.shape : {}), ...Object.keys(valid)])];
      for (const key of keys) {
        for (const value of hostile) {
          const result = parse(`${name}.${key}`, schema, { ...valid, [key]: value });
          if (result.success) expect(JSON.stringify(result.data ?? null)).not.toContain('"polluted"');
        }
      }
      // Prototype keys as own keys of the input, next to valid fields.
      const withProto = { ...JSON.parse('{"__proto__": {"polluted": "да"}, "constructor": {"prototype": {"polluted": "да"}}}'), ...valid };
      const result = parse(name, schema, withProto);
      if (result.success) expect(JSON.stringify(result.data ?? null)).not.toContain('"polluted"');
    }
    expectNoPollution();
  }, 30_000);

  it("never throws on random records of the fields it knows, with random values", () => {
    const value = fc.oneof(
      fc.string({ unit: "binary", maxLength: 50 }),
      fc.constantFrom("", " ", "\u0000", "2024-02-29", "2023-02-29", ID, "1", "-1", "=1+1", "@x", "+7", "да", "2020/2021"),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.constantFrom(ID, "", null, 1), { maxLength: 3 }),
    );
    for (const [name, schema] of schemas) {
      if (!(schema instanceof z.ZodObject)) continue;
      const keys = Object.keys(schema.shape);
      fc.assert(
        fc.property(
          fc.dictionary(fc.constantFrom(...keys, "__proto__", "constructor", "extra"), value, { maxKeys: keys.length + 2 }),
          (input) => {
            parse(name, schema, input);
          },
        ),
        { seed: SEED, numRuns: 30 },
      );
    }
    expectNoPollution();
  });
});

describe("what these properties found", () => {
  it("a template whose items nest 100,000 deep is refused with a message, not a stack overflow", async () => {
    const { MAX_ITEM_DEPTH, ZTemplateDocument } = await import("@/lib/schemas/template");
    let items: unknown[] = [];
    for (let i = 0; i < 100_000; i++) items = [{ key: ID, title: "Раздел", kind: "SECTION", children: items }];
    const result = ZTemplateDocument.safeParse({ ...(VALID["template.ZTemplateDocument"] as object), content: { ...content, items } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toContain(`Пункты вложены глубже ${MAX_ITEM_DEPTH} уровней.`);
    // As deep as allowed still parses.
    let allowed: unknown[] = [];
    for (let i = 0; i < MAX_ITEM_DEPTH; i++)
      allowed = [{ key: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, title: "Раздел", kind: "SECTION", children: allowed }];
    expect(
      ZTemplateDocument.safeParse({ ...(VALID["template.ZTemplateDocument"] as object), content: { ...content, items: allowed } }).success,
    ).toBe(true);
  });
});
