import { REGION_ADMINS } from "@/lib/roles";
import { ZUserCreate, ZUserListQuery } from "@/lib/schemas/user";
import { withScope } from "@/lib/server/auth/with-scope";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers } from "@/lib/server/users/list-users";

const ADMINS = { role: REGION_ADMINS };

export const GET = withScope(async ({ request, scope }) => {
  const query = ZUserListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listUsers({ scope, query }));
}, ADMINS);

export const POST = withScope(async ({ request, scope }) => {
  const user = await createUser({ scope, input: ZUserCreate.parse(await request.json()) });
  return Response.json(user, { status: 201 });
}, ADMINS);
