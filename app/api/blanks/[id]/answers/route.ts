import { PARTICIPANTS } from "@/lib/roles";
import { ZBlankSave } from "@/lib/schemas/blank";
import { withScope } from "@/lib/server/auth/with-scope";
import { saveBlankAnswers } from "@/lib/server/blanks/save-blank-answers";
import { idParam } from "@/lib/server/http/params";

/**
 * The blank form's autosave: `{ version, answers: [{ itemKey, value, confirm? }] }` → `{ version }`,
 * the version the next save starts from. A route handler rather than a server action: the
 * form saves every pause in typing, and the action protocol cost a save more than its write.
 * The same operation and rules as everywhere: the participant's own coordinator only (404 for
 * anyone else's blank), 409 with the Russian conflict message when someone saved in between
 * (nothing is changed), 422 with each field's message. proxy.ts refuses it cross-site, as
 * Next refuses a cross-site server action.
 */
export const PATCH = withScope<{ id: string }>(
  async ({ request, params, scope }) => {
    const blankId = idParam(params.id);
    const body: unknown = await request.json().catch(() => null);
    // The blank is the address's; a blankId in the body is not read.
    const fields = body && typeof body === "object" && !Array.isArray(body) ? body : {};
    const input = ZBlankSave.parse({ ...fields, blankId });
    return Response.json(await saveBlankAnswers({ scope, input }), { headers: { "Cache-Control": "no-store" } });
  },
  { role: PARTICIPANTS },
);
