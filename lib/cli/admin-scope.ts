import type { Scope } from "@/lib/scope";

/** The CLI acts as the administrator of the region it works in. */
export function adminScopeOf(regionId: string): Scope {
  return {
    userId: "00000000-0000-0000-0000-000000000000",
    email: "cli@localhost",
    name: "Командная строка",
    memberships: [{ id: "cli", role: "REGION_ADMIN", regionId, municipalityId: null, organizationId: null, scopeName: "" }],
  };
}
