import type { DocumentRow } from "@/lib/server/documents/list-documents";
import { columnsFor } from "../columns";
import { FIELD_LABELS as F } from "../field-labels";
import { DOCUMENT_STATUS_LABELS } from "@/lib/domain/audit/value-labels";

const c = columnsFor<DocumentRow>();

export const DOCUMENTS_CAPTION = "Реестр документов";

export const DOCUMENT_COLUMNS = {
  type: c.text("Документ", (d) => `${d.type.charAt(0).toUpperCase()}${d.type.slice(1)} ${d.issuer ?? ""}`.trim()),
  date: c.date(F.RegistryDocument.date, (d) => d.date),
  number: c.text(F.RegistryDocument.number, (d) => d.number),
  title: c.text(F.RegistryDocument.title, (d) => d.title),
  owner: c.text("Чей", (d) => d.owner),
  status: c.text(F.RegistryDocument.status, (d) => DOCUMENT_STATUS_LABELS[d.status]),
};
