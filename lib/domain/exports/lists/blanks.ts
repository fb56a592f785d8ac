import { BLANK_STATUS_LABELS } from "@/lib/schemas/blank";
import type { BlankRow } from "@/lib/server/blanks/list-blanks";
import { columnsFor } from "../columns";
import { FIELD_LABELS as F } from "../field-labels";

const c = columnsFor<BlankRow>();

export const BLANKS_CAPTION = "Бланки соответствия";

export const BLANK_COLUMNS = {
  participant: c.text("Участник", (b) => b.participant),
  template: c.text("Бланк", (b) => b.templateName),
  campaign: c.text("Кампания", (b) => b.campaignName),
  status: c.text(F.Blank.status, (b) => BLANK_STATUS_LABELS[b.status]),
  deadline: c.date(F.Campaign.deadline, (b) => b.deadline),
};
