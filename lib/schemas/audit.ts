import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "@/lib/domain/exports/lists/audit";
import { listQuery } from "@/lib/schemas/list";
import { z } from "@/lib/schemas/z";

const day = z.iso.date().optional().catch(undefined);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined);

/**
 * The query of «Журнал изменений» (/region/audit) and of its export: a period of
 * Moscow days, the action, the entity and its id, and `q`, a search in the actor's
 * name. Newest first unless asked otherwise.
 */
export const ZAuditListQuery = listQuery(["at"] as const).extend({
  dir: z.enum(["asc", "desc"]).catch("desc"),
  from: day,
  to: day,
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  entity: z.enum(AUDIT_ENTITIES).optional().catch(undefined),
  entityId: optionalText(200),
});
export type TAuditListQuery = z.infer<typeof ZAuditListQuery>;
