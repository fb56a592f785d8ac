"use server";

import { revalidatePath } from "next/cache";
import { SUPERVISORS } from "@/lib/roles";
import { ZAssignmentCreate, ZOrderOptionsQuery } from "@/lib/schemas/assignment";
import { createAssignment } from "@/lib/server/assignments/create-assignment";
import { listOrderOptions } from "@/lib/server/assignments/list-order-options";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";

/** Region staff appoint anyone; a municipal coordinator appoints the school coordinators of their municipality. */
const APPOINTERS = { role: SUPERVISORS };

export const createAssignmentAction = scopedAction(ZAssignmentCreate, APPOINTERS, async (input, scope) => {
  const created = await createAssignment({ scope, input });
  revalidatePath("/region/coordinators");
  revalidatePath(`/coordinators/${created.subjectId}`);
  return { id: created.id, subjectId: created.subjectId, userCreated: created.userCreated };
});

/** The registry documents that may be the appointing order, for the form's picker. */
export const listOrderOptionsAction = scopedAction(ZOrderOptionsQuery, APPOINTERS, async (input, scope) =>
  listOrderOptions({ scope, municipalityId: idParam(input.municipalityId) }),
);
