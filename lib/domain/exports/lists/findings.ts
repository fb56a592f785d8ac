import { SEVERITY_LABELS } from "@/lib/domain/scoring/statuses";
import { REMEDIATION_STATUS_LABELS } from "@/lib/schemas/finding";
import type { FindingRow } from "@/lib/server/findings/list-findings";
import { columnsFor } from "../columns";
import { FIELD_LABELS as F } from "../field-labels";

const c = columnsFor<FindingRow>();

export const FINDINGS_CAPTION = "Замечания и их устранение";

/** What stands for the legal basis of an item whose template (the item and its sections) cites none. */
export const NO_LEGAL_BASIS = "в бланке не указано";

export const legalBasisText = (basis: string) => basis || NO_LEGAL_BASIS;

export const FINDING_COLUMNS = {
  item: c.text("Пункт бланка", (f) => `${f.itemNumber} ${f.itemTitle}`),
  campaign: c.text("Кампания", (f) => f.campaignName),
  participant: c.text("Участник", (f) => f.participant),
  blank: c.text("Бланк", (f) => f.templateName),
  status: c.text(F.Finding.status, (f) => f.statusLabel),
  remark: c.text("Замечание аудитора", (f) => f.remark),
  legalBasis: c.text(F.Finding.legalBasis, (f) => legalBasisText(f.legalBasis)),
  severity: c.text(F.Finding.severity, (f) => SEVERITY_LABELS[f.severity]),
  deadline: c.date(F.Finding.deadline, (f) => f.deadline),
  responsible: c.text(F.Finding.responsible, (f) => f.responsible),
  remediationStatus: c.text(F.Finding.remediationStatus, (f) => REMEDIATION_STATUS_LABELS[f.remediationStatus]),
};
