/**
 * The roles, and the groups of them that pages, route handlers, server actions and
 * operations allow: each group is defined here once, named for who is in it. A group
 * named for a duty (REVIEWERS) says in its definition which people hold that duty.
 */

export const ALL_ROLES = ["REGION_ADMIN", "REGION_AUDITOR", "MUNICIPAL_COORDINATOR", "SCHOOL_COORDINATOR"] as const;
export type Role = (typeof ALL_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  REGION_ADMIN: "Администратор региона",
  REGION_AUDITOR: "Аудитор региона",
  MUNICIPAL_COORDINATOR: "Муниципальный координатор",
  SCHOOL_COORDINATOR: "Школьный координатор",
};

// ------------------------------------------------------------------ who they are

export const REGION_ADMINS: readonly Role[] = ["REGION_ADMIN"];
export const REGION_AUDITORS: readonly Role[] = ["REGION_AUDITOR"];
/** The region's admins and auditors. */
export const REGION_STAFF: readonly Role[] = ["REGION_ADMIN", "REGION_AUDITOR"];
export const MUNICIPAL_COORDINATORS: readonly Role[] = ["MUNICIPAL_COORDINATOR"];
export const SCHOOL_COORDINATORS: readonly Role[] = ["SCHOOL_COORDINATOR"];

/** The coordinators of municipalities and of schools: the roles one appoints (lib/schemas/assignment.ts). */
export const COORDINATORS = ["MUNICIPAL_COORDINATOR", "SCHOOL_COORDINATOR"] as const satisfies readonly Role[];
export type CoordinatorRole = (typeof COORDINATORS)[number];

/**
 * The region's staff and municipal coordinators: who oversee more than one school. They see
 * a campaign's results and a municipality's dynamics, keep a municipality's table of schools
 * and appoint coordinators (region staff anyone, a municipal coordinator their schools').
 */
export const SUPERVISORS: readonly Role[] = ["REGION_ADMIN", "REGION_AUDITOR", "MUNICIPAL_COORDINATOR"];

// ------------------------------------------------------------------ who hold a duty

/** Who fill and submit blanks and fix findings: the coordinators of the participants. */
export const PARTICIPANTS: readonly Role[] = COORDINATORS;
/** Who mark, return and accept blanks and check fixed findings: the region's staff. */
export const REVIEWERS: readonly Role[] = REGION_STAFF;
/** Who open campaigns: the region's staff. */
export const CAMPAIGN_MANAGERS: readonly Role[] = REGION_STAFF;
/** Who create, edit, publish and import templates: the region's admins. */
export const TEMPLATE_EDITORS: readonly Role[] = REGION_ADMINS;
/** Who write plans: everyone but the region's auditors (who read them). */
export const PLAN_WRITERS: readonly Role[] = ["REGION_ADMIN", "MUNICIPAL_COORDINATOR", "SCHOOL_COORDINATOR"];
/** Who write and import municipal roadmaps: the region's admins and municipal coordinators. */
export const ROADMAP_WRITERS: readonly Role[] = ["REGION_ADMIN", "MUNICIPAL_COORDINATOR"];
