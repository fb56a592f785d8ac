import type { Scope } from "@/lib/scope";
import { listBlanks } from "@/lib/server/blanks/list-blanks";
import { WorkList } from "./work-list";
import { ZBlankListQuery } from "@/lib/schemas/campaign";

/** A coordinator's blanks to fill or correct, nearest deadline first. */
export async function ParticipantWork({ scope }: { scope: Scope }) {
  const page = await listBlanks({
    scope,
    query: ZBlankListQuery.parse({ sort: "deadline", dir: "asc", pageSize: 10 }),
    only: "participant",
    statuses: ["NOT_STARTED", "IN_PROGRESS", "RETURNED"],
    countWhenFull: true,
  });
  return (
    <WorkList title="Бланки к заполнению и исправлению" empty="Нет бланков, которые нужно заполнить." page={page} moreHref="/blanks" />
  );
}
