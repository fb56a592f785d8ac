"use server";

import { revalidatePath } from "next/cache";
import { createAssignment } from "@/lib/server/assignments/create-assignment";
import { listOrderOptions } from "@/lib/server/assignments/list-order-options";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";

/** Region staff appoint anyone; a municipal coordinator appoints the school coordinators of their municipality. */
const APPOINTERS = { role: ["REGION_ADMIN", "REGION_AUDITOR", "MUNICIPAL_COORDINATOR"] } as const;

export async function createAssignmentAction(input: unknown) {
  return scopedAction(async (data: unknown, scope) => {
    const created = await createAssignment({ scope, input: data });
    revalidatePath("/region/coordinators");
    revalidatePath(`/coordinators/${created.subjectId}`);
    return { id: created.id, subjectId: created.subjectId, userCreated: created.userCreated };
  }, APPOINTERS)(input);
}

/** The registry documents that may be the appointing order, for the form's picker. */
export async function listOrderOptionsAction(input: { municipalityId: string }) {
  return scopedAction(
    async (data: typeof input, scope) => listOrderOptions({ scope, municipalityId: idParam(data.municipalityId) }),
    APPOINTERS,
  )(input);
}
