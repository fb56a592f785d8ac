import { notFound } from "@/lib/errors";
import { ALL_ROLES } from "@/lib/roles";
import { withScope } from "@/lib/server/auth/with-scope";

/**
 * Any /api/ address no route answers, as JSON like every answer of the API: 401 without a
 * session, 404 with one. Without this file the app's pages would take it ((app)/[...missing]).
 */
const unknownAddress = withScope(
  async () => {
    throw notFound("Такого адреса нет.");
  },
  { role: ALL_ROLES },
);

export { unknownAddress as DELETE, unknownAddress as GET, unknownAddress as PATCH, unknownAddress as POST, unknownAddress as PUT };
