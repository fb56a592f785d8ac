import { FINDING_STATUSES } from "@/lib/domain/scoring/statuses";
import { z } from "./z";

export const ZRecommendations = z.object({
  texts: z.partialRecord(
    z.enum(FINDING_STATUSES),
    z.string().trim().min(5, "Не короче 5 символов.").max(2000, "Не длиннее 2000 символов."),
  ),
});
export type TRecommendations = z.infer<typeof ZRecommendations>;
