import "server-only";

/** What user lists and cards show of a membership. */
export const MEMBERSHIP_VIEW_SELECT = {
  id: true,
  role: true,
  region: { select: { name: true } },
  municipality: { select: { name: true } },
  organization: { select: { name: true } },
} as const;

interface MembershipViewRow {
  region: { name: string };
  municipality: { name: string } | null;
  organization: { name: string } | null;
}

/** "МБОУ СОШ № 1 (Славянский район)", "Славянский район" or the region's name. */
export function scopeNameOf(m: MembershipViewRow): string {
  if (m.organization) return `${m.organization.name} (${m.municipality?.name ?? m.region.name})`;
  return m.municipality?.name ?? m.region.name;
}
