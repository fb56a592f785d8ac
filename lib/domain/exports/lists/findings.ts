import { SEVERITY_LABELS } from "@/lib/domain/scoring/statuses";
import { REMEDIATION_STATUS_LABELS } from "@/lib/schemas/finding";
import type { FindingRow } from "@/lib/server/findings/list-findings";
import { columnsFor } from "../columns";
import { FIELD_LABELS as F } from "../field-labels";

const c = columnsFor<FindingRow>();

export const FINDINGS_CAPTION = "Замечания и их устранение";

export const FINDING_COLUMNS = {
  item: c.text("Пункт бланка", (f) => `${f.itemNumber} ${f.itemTitle}`),
  participant: c.text("Участник", (f) => f.participant),
  status: c.text(F.Finding.status, (f) => f.statusLabel),
  severity: c.text(F.Finding.severity, (f) => SEVERITY_LABELS[f.severity]),
  deadline: c.date(F.Finding.deadline, (f) => f.deadline),
  responsible: c.text(F.Finding.responsible, (f) => f.responsible),
  remediationStatus: c.text(F.Finding.remediationStatus, (f) => REMEDIATION_STATUS_LABELS[f.remediationStatus]),
};
