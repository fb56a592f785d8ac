import type { DocumentRow } from "@/lib/server/documents/list-documents";
import { columnsFor } from "../columns";

const c = columnsFor<DocumentRow>();

export const DOCUMENTS_CAPTION = "Реестр документов";

export const DOCUMENT_COLUMNS = {
  type: c.text("Документ", (d) => `${d.type.charAt(0).toUpperCase()}${d.type.slice(1)} ${d.issuer ?? ""}`.trim()),
  date: c.date("Дата", (d) => d.date),
  number: c.text("Номер", (d) => d.number),
  title: c.text("Наименование", (d) => d.title),
  owner: c.text("Чей", (d) => d.owner),
  status: c.text("Статус", (d) => (d.status === "IN_FORCE" ? "действует" : "заменён")),
};
