import { withScope } from "@/lib/server/auth/with-scope";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers } from "@/lib/server/users/list-users";

const ADMIN = { role: ["REGION_ADMIN"] } as const;

export const GET = withScope(async ({ request, scope }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return Response.json(await listUsers({ scope, query }));
}, ADMIN);

export const POST = withScope(async ({ request, scope }) => {
  const user = await createUser({ scope, input: await request.json() });
  return Response.json(user, { status: 201 });
}, ADMIN);
