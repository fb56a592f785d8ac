import { z } from "./z";

/**
 * A compliance blank template (бланк соответствия), as stored in a template
 * version, exported as JSON, and edited in the browser. Items form a tree; the
 * printed numbers ("1.1.1") are data, so duplicates as in the seed are kept.
 */

export const ITEM_KINDS = ["SECTION", "DOCUMENT", "COUNT", "PRESENCE", "TEXT"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ANSWER_KINDS = ["DOCUMENT", "COUNT", "PRESENCE", "TEXT"] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  SECTION: "Раздел (без ответа)",
  DOCUMENT: "Документ (реквизиты)",
  COUNT: "Численность",
  PRESENCE: "Наличие (✓)",
  TEXT: "Текст",
};

export const TEMPLATE_LEVELS = ["MUNICIPAL", "SCHOOL"] as const;
export type TemplateLevel = (typeof TEMPLATE_LEVELS)[number];
export const TEMPLATE_LEVEL_LABELS: Record<TemplateLevel, string> = {
  MUNICIPAL: "Муниципальный координатор",
  SCHOOL: "Школьный координатор",
};

const isoDate = z.iso.date({ error: "Дата в формате ГГГГ-ММ-ДД." });

/** One legal reference: "Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6 п. 3.7". */
export const ZLegalBasis = z.object({
  /** The reference exactly as printed on the blank. */
  text: z.string().trim().min(1, "Укажите правовое основание.").max(1000),
  document: z.string().trim().max(500).nullable().default(null),
  date: isoDate.nullable().default(null),
  number: z.string().trim().max(100).nullable().default(null),
  clauses: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
});
export type TLegalBasis = z.infer<typeof ZLegalBasis>;

export const ZFootnote = z.object({
  mark: z.string().trim().min(1, "Укажите знак сноски.").max(5),
  text: z.string().trim().max(1000).nullable().default(null),
});

export const ZColumnHeaders = z.object({
  number: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  value: z.string().trim().min(1).max(200),
  match: z.string().trim().min(1).max(200),
});
export type TColumnHeaders = z.infer<typeof ZColumnHeaders>;

export interface TTemplateItem {
  /** Stable across versions: answers and findings refer to it. */
  key: string;
  number: string;
  title: string;
  kind: ItemKind;
  legalBasis: TLegalBasis[];
  footnotes: z.infer<typeof ZFootnote>[];
  /** ежегодное обновление: the document must be dated within 12 months of the campaign date. */
  annualUpdate: boolean;
  weight: number;
  critical: boolean;
  /** A section may print its own column headers (seed 000, municipal blank, section 2). */
  columns: TColumnHeaders | null;
  children: TTemplateItem[];
}

/** Items nest at most this deep (the seed's blanks: three levels, «1.1.1»). */
export const MAX_ITEM_DEPTH = 20;

/**
 * Whether items (an item, or a list of them) nest deeper than MAX_ITEM_DEPTH,
 * found without recursion: a file of items nested a hundred thousand deep is
 * refused with a message instead of exhausting the stack of the recursive schema.
 */
function nestedTooDeep(value: unknown): boolean {
  const stack: Array<[unknown, number]> = [];
  if (Array.isArray(value)) for (const item of value) stack.push([item, 1]);
  else stack.push([value, 1]);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== "object" || Array.isArray(item)) continue;
    if (depth > MAX_ITEM_DEPTH) return true;
    const children = (item as { children?: unknown }).children;
    if (Array.isArray(children)) for (const child of children) stack.push([child, depth + 1]);
  }
  return false;
}

/** The schema, after the nesting of the input is checked. */
const depthLimited = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value, ctx) => {
    if (nestedTooDeep(value)) ctx.addIssue({ code: "custom", message: `Пункты вложены глубже ${MAX_ITEM_DEPTH} уровней.` });
    return value;
  }, schema);

const ZTemplateItemNode: z.ZodType<TTemplateItem, unknown> = z.lazy(() =>
  z.object({
    key: z.uuid({ error: "Неверный ключ пункта." }),
    number: z.string().trim().max(20, "Номер не длиннее 20 символов.").default(""),
    title: z.string().trim().min(1, "Укажите наименование пункта.").max(2000, "Не длиннее 2000 символов."),
    kind: z.enum(ITEM_KINDS, { error: "Выберите вид ответа." }),
    legalBasis: z.array(ZLegalBasis).max(20).default([]),
    footnotes: z.array(ZFootnote).max(10).default([]),
    annualUpdate: z.boolean().default(false),
    weight: z.number({ error: "Вес — число." }).min(0, "Вес не может быть отрицательным.").max(100, "Вес не больше 100.").default(1),
    critical: z.boolean().default(false),
    columns: ZColumnHeaders.nullable().default(null),
    children: z.array(ZTemplateItemNode).max(200).default([]),
  }),
);

export const ZTemplateItem: z.ZodType<TTemplateItem, unknown> = depthLimited(ZTemplateItemNode);

export const ZGradeBands = z
  .object({
    compliant: z.number().min(0).max(100).default(90),
    partial: z.number().min(0).max(100).default(70),
  })
  .refine((b) => b.partial <= b.compliant, { error: "Нижняя граница не может быть выше верхней." });

export const ZTemplateContent = z
  .object({
    /** "БЛАНК СООТВЕТВИЯ" — kept as printed in the seed. */
    title: z.string().trim().min(1, "Укажите заголовок бланка.").max(500),
    subtitle: z.string().trim().max(1000).default(""),
    /** The caption under the blank for the participant's name: "(наименование МО и БШ)". */
    subjectCaption: z.string().trim().max(200).default(""),
    columns: ZColumnHeaders,
    gradeBands: ZGradeBands.default({ compliant: 90, partial: 70 }),
    items: depthLimited(z.array(ZTemplateItemNode).min(1, "Добавьте хотя бы один пункт.").max(200)),
  })
  .superRefine((content, ctx) => {
    const keys = new Set<string>();
    for (const { item, path } of walkItems(content.items)) {
      if (keys.has(item.key)) ctx.addIssue({ code: "custom", path: [...path, "key"], message: "Ключ пункта повторяется." });
      keys.add(item.key);
    }
  });
export type TTemplateContent = z.infer<typeof ZTemplateContent>;

/** The exported document: identity plus content. The JSON export/import format. */
export const ZTemplateDocument = z.object({
  format: z.literal("metodaudit.template/v1", { error: "Это не файл шаблона Методаудита." }),
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, "Ключ: латинские строчные буквы, цифры и дефис, 2–64 символа."),
  name: z.string().trim().min(1, "Укажите название шаблона.").max(300),
  level: z.enum(TEMPLATE_LEVELS, { error: "Уровень: «MUNICIPAL» или «SCHOOL»." }),
  version: z.number().int().positive().optional(),
  content: ZTemplateContent,
});
export type TTemplateDocument = z.infer<typeof ZTemplateDocument>;

/** An editor's save of a draft, from the revision it started from. */
export const ZTemplateDraftSave = z.object({
  versionId: z.uuid(),
  /** The revision the editor started from. */
  revision: z.number().int().min(0),
  name: z.string().trim().min(1, "Укажите название шаблона.").max(300),
  content: ZTemplateContent,
});
export type TTemplateDraftSave = z.infer<typeof ZTemplateDraftSave>;

/** A draft version published. */
export const ZTemplateVersionRef = z.object({ versionId: z.string() });

/** A template whose next version is opened. */
export const ZTemplateRef = z.object({ templateId: z.string() });

export interface WalkedItem {
  item: TTemplateItem;
  path: (string | number)[];
  depth: number;
  parent: TTemplateItem | null;
}

/** Depth-first, in printed order. */
export function* walkItems(
  items: TTemplateItem[],
  path: (string | number)[] = ["items"],
  depth = 0,
  parent: TTemplateItem | null = null,
): Generator<WalkedItem> {
  for (const [index, item] of items.entries()) {
    const here = [...path, index];
    yield { item, path: here, depth, parent };
    yield* walkItems(item.children, [...here, "children"], depth + 1, item);
  }
}

/** Items that take an answer (every kind but SECTION). */
export function answerableItems(content: Pick<TTemplateContent, "items">): TTemplateItem[] {
  return [...walkItems(content.items)].map((w) => w.item).filter((item) => item.kind !== "SECTION");
}

/**
 * The legal basis that applies to an item: its own, else the nearest ancestor's
 * (section rows carry the basis for their items).
 */
export function effectiveLegalBasis(content: Pick<TTemplateContent, "items">, key: string): TLegalBasis[] {
  const chain: TTemplateItem[] = [];
  const find = (items: TTemplateItem[]): boolean => {
    for (const item of items) {
      chain.push(item);
      if (item.key === key || find(item.children)) return true;
      chain.pop();
    }
    return false;
  };
  find(content.items);
  for (const item of chain.reverse()) if (item.legalBasis.length) return item.legalBasis;
  return [];
}
