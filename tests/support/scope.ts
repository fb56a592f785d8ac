import type { MembershipClaim, Scope } from "@/lib/scope";
import type { Role } from "@/lib/roles";

/** A scope as the session would give it, for calling domain operations directly. */
export function scopeOf(userId: string, memberships: Array<Pick<MembershipClaim, "role" | "regionId"> & Partial<MembershipClaim>>): Scope {
  return {
    userId,
    email: `${userId}@test.local`,
    name: "Тестовый пользователь",
    memberships: memberships.map((m, i) => ({
      id: m.id ?? `m${i}`,
      role: m.role as Role,
      regionId: m.regionId,
      municipalityId: m.municipalityId ?? null,
      organizationId: m.organizationId ?? null,
      scopeName: m.scopeName ?? "",
    })),
  };
}
