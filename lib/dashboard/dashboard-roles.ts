import type { Role } from "@/lib/scope";

/**
 * Who sees a campaign's results and a municipality's dynamics: the region's staff
 * over the whole region, a municipal coordinator over their municipality and its schools.
 */
export const DASHBOARD_ROLES: readonly Role[] = ["REGION_ADMIN", "REGION_AUDITOR", "MUNICIPAL_COORDINATOR"];

/** Blanks whose scores and item statuses count in the results: sent for review or accepted. */
export const COUNTED_STATUSES = ["SUBMITTED", "ACCEPTED"] as const;
