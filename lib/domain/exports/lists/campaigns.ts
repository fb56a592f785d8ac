import type { CampaignRow } from "@/lib/server/campaigns/list-campaigns";
import { columnsFor } from "../columns";
import { FIELD_LABELS as F } from "../field-labels";

const c = columnsFor<CampaignRow>();

export const CAMPAIGNS_CAPTION = "Кампании";

export const CAMPAIGN_COLUMNS = {
  name: c.text(F.Campaign.name, (r) => r.name),
  date: c.date(F.Campaign.date, (r) => r.date),
  deadline: c.date(F.Campaign.deadline, (r) => r.deadline),
  progress: c.text("Сдано / принято / всего", (r) => `${r.submitted} / ${r.accepted} / ${r.blanks}`),
};
