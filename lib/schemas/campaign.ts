import { listQuery } from "./list";
import { BLANK_STATUSES } from "./blank";
import { z } from "./z";

const date = z.iso.date({ error: "Укажите дату." });

export const ZCampaignCreate = z
  .object({
    name: z.string().trim().min(3, "Укажите название кампании.").max(300, "Не длиннее 300 символов."),
    goal: z.string().trim().max(5000, "Не длиннее 5000 символов.").default(""),
    tasks: z.array(z.string().trim().min(1, "Пустая задача.").max(2000)).max(30).default([]),
    date: date,
    deadline: date,
    templateVersionIds: z.array(z.uuid()).min(1, "Выберите хотя бы один бланк.").max(10),
    municipalityIds: z.array(z.uuid()).max(5000).default([]),
    schoolIds: z.array(z.uuid()).max(100_000).default([]),
  })
  .refine((c) => c.municipalityIds.length + c.schoolIds.length > 0, {
    path: ["municipalityIds"],
    error: "Выберите участников кампании.",
  });
export type TCampaignCreate = z.infer<typeof ZCampaignCreate>;

export const ZCampaignFromPrevious = z.object({
  previousCampaignId: z.uuid(),
  name: z.string().trim().min(3, "Укажите название кампании.").max(300),
  date: date,
  deadline: date,
  /** Use the newest published version of each template instead of the one the previous campaign used. */
  useSuccessor: z.boolean().default(true),
});
export type TCampaignFromPrevious = z.infer<typeof ZCampaignFromPrevious>;

export const ZCampaignListQuery = listQuery(["date", "name", "deadline"] as const).extend({
  dir: z.enum(["asc", "desc"]).catch("desc"),
});
export type TCampaignListQuery = z.infer<typeof ZCampaignListQuery>;

export const ZBlankListQuery = listQuery(["deadline", "participant", "status", "updatedAt"] as const).extend({
  campaignId: z.uuid().optional().catch(undefined),
  municipalityId: z.uuid().optional().catch(undefined),
  status: z.enum(BLANK_STATUSES).optional().catch(undefined),
});
export type TBlankListQuery = z.infer<typeof ZBlankListQuery>;

/** A campaign's participants on its page: paged only, in the report's order (municipality, its own blank first). */
export const ZParticipantListQuery = listQuery(["municipality"] as const);
