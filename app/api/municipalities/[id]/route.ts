import { SUPERVISORS } from "@/lib/roles";
import { withScope } from "@/lib/server/auth/with-scope";
import { getMunicipality } from "@/lib/server/directory/get-municipality";
import { idParam } from "@/lib/server/http/params";

export const GET = withScope<{ id: string }>(
  async ({ params, scope }) => Response.json(await getMunicipality({ scope, id: idParam(params.id) })),
  { role: SUPERVISORS },
);
