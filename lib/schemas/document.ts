import { latestLocalToday } from "@/lib/dates";
import { listQuery } from "./list";
import { z } from "./z";

export const DOCUMENT_TYPES = [
  "приказ",
  "распоряжение",
  "постановление",
  "положение",
  "соглашение",
  "договор",
  "протокол",
  "порядок",
  "письмо",
  "план",
  "отчет",
  "справка",
  "федеральный закон",
  "закон",
] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Не длиннее ${max} символов.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null);

export const ZDocumentCreate = z.object({
  /** "municipality:<id>" or "organization:<id>": whose document it is. */
  owner: z.string().regex(/^(municipality|organization):[0-9a-f-]{36}$/i, "Выберите, чей это документ."),
  type: z.enum(DOCUMENT_TYPES, { error: "Выберите вид документа." }),
  issuer: optionalText(500),
  date: z.iso
    .date({ error: "Укажите дату документа." })
    .refine((date) => date <= latestLocalToday(), "Дата документа не может быть в будущем.")
    .nullable()
    .default(null),
  number: optionalText(50),
  title: optionalText(1000),
  fileId: z.uuid().nullable().default(null),
  /** The document names a child: it becomes part of the child's records (lib/domain/privacy/child-access.ts). */
  childData: z.boolean().default(false),
});
export type TDocumentCreate = z.infer<typeof ZDocumentCreate>;

/** A document of the registry replaced by a newer one. */
export const ZDocumentSupersede = z.object({ documentId: z.string(), byId: z.string() });

export const ZDocumentListQuery = listQuery(["date", "type", "number", "createdAt"] as const).extend({
  dir: z.enum(["asc", "desc"]).catch("desc"),
  type: z.enum(DOCUMENT_TYPES).optional().catch(undefined),
  status: z.enum(["IN_FORCE", "SUPERSEDED"]).optional().catch(undefined),
  municipalityId: z.uuid().optional().catch(undefined),
});
export type TDocumentListQuery = z.infer<typeof ZDocumentListQuery>;

/** «Приказ МКУ КНМЦ от 12.03.2021 № 52-П «О проведении…»» — how a document is named in Russian texts. */
export function describeRequisites(doc: {
  type: string;
  issuer: string | null;
  date: string | Date | null;
  number: string | null;
  title: string | null;
}) {
  const date = doc.date
    ? (typeof doc.date === "string" ? doc.date : doc.date.toISOString().slice(0, 10)).split("-").reverse().join(".")
    : null;
  return [
    doc.type.charAt(0).toUpperCase() + doc.type.slice(1),
    doc.issuer,
    date && `от ${date}`,
    doc.number && `№ ${doc.number}`,
    doc.title && `«${doc.title}»`,
  ]
    .filter(Boolean)
    .join(" ");
}
