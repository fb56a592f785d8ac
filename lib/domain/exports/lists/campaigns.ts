import type { CampaignRow } from "@/lib/server/campaigns/list-campaigns";
import { columnsFor } from "../columns";

const c = columnsFor<CampaignRow>();

export const CAMPAIGNS_CAPTION = "Кампании";

export const CAMPAIGN_COLUMNS = {
  name: c.text("Кампания", (r) => r.name),
  date: c.date("Дата", (r) => r.date),
  deadline: c.date("Срок сдачи", (r) => r.deadline),
  progress: c.text("Сдано / принято / всего", (r) => `${r.submitted} / ${r.accepted} / ${r.blanks}`),
};
