import { SEVERITY_LABELS } from "@/lib/domain/scoring/statuses";
import { REMEDIATION_STATUS_LABELS } from "@/lib/schemas/finding";
import type { FindingRow } from "@/lib/server/findings/list-findings";
import { columnsFor } from "../columns";

const c = columnsFor<FindingRow>();

export const FINDINGS_CAPTION = "Замечания и их устранение";

export const FINDING_COLUMNS = {
  item: c.text("Пункт бланка", (f) => `${f.itemNumber} ${f.itemTitle}`),
  participant: c.text("Участник", (f) => f.participant),
  status: c.text("Нарушение", (f) => f.statusLabel),
  severity: c.text("Критичность", (f) => SEVERITY_LABELS[f.severity]),
  deadline: c.date("Срок устранения", (f) => f.deadline),
  responsible: c.text("Ответственный", (f) => f.responsible),
  remediationStatus: c.text("Устранение", (f) => REMEDIATION_STATUS_LABELS[f.remediationStatus]),
};
