import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { ZAssignmentCreate } from "@/lib/schemas/assignment";

/** The appointment form as its parts share it: strings in, the parsed appointment out. */
export type AssignmentFormApi = UseFormReturn<z.input<typeof ZAssignmentCreate>, unknown, z.output<typeof ZAssignmentCreate>>;
