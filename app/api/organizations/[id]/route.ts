import { ALL_ROLES } from "@/lib/roles";
import { withScope } from "@/lib/server/auth/with-scope";
import { getOrganization } from "@/lib/server/directory/get-organization";
import { idParam } from "@/lib/server/http/params";

export const GET = withScope<{ id: string }>(
  async ({ params, scope }) => Response.json(await getOrganization({ scope, id: idParam(params.id) })),
  { role: ALL_ROLES },
);
