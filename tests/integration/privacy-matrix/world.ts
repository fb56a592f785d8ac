import type { Scope } from "@/lib/scope";
import { loadScope } from "@/lib/server/auth/load-scope";
import { db } from "@/lib/server/db/client";
import { ensureOrganization, ensureUser } from "@/lib/server/seed/factories";
import { buildRegion42Admin, type Ctx } from "../authorization-matrix/matrix";
import { sampleFiles } from "../authorization-matrix/samples";
import { buildWorld, type World } from "../authorization-matrix/world";
import { buildCanary, type CanaryRows } from "./canary";

/**
 * The privacy matrix's world: the authorization matrix's region 23 («КУБАНЬ»), with
 * one of everything, plus a second school S2 of the same municipality M and its
 * coordinator, region 42's admin, and the canary child in school S1.
 */

export const PRIVACY_CALLERS = [
  "23 REGION_ADMIN",
  "23 REGION_AUDITOR",
  "23 MUNICIPAL_COORDINATOR",
  "23 SCHOOL_COORDINATOR",
  "23 OTHER_SCHOOL_COORDINATOR",
  "42 REGION_ADMIN",
  "no session",
] as const;
export type PrivacyCallerId = (typeof PRIVACY_CALLERS)[number];

export interface PrivacyCaller {
  id: PrivacyCallerId;
  scope: Scope | null;
  /** May see the child's personal data: S1's coordinator (read/write) and the region's auditor (read-only, every read logged). */
  readsChild: boolean;
  /** May write the child's record: S1's coordinator only. */
  writesChild: boolean;
  /** Sees S1's registry, so the enrolment order's requisites and id (not its title): region staff, M's and S1's coordinators. */
  readsRegistry: boolean;
  /** Whose every read of the child must leave a READ event in the audit trail. */
  logged: boolean;
}

/** What the tables' calls are given: the authorization matrix's context re-targeted at region 23, and the canary. */
export interface PrivacyCtx extends Ctx {
  canary: CanaryRows;
  otherSchool: { id: string; name: string };
  /** A sacrificial twin of the canary (see buildCanary), for calls that erase it. */
  copy(): Promise<CanaryRows>;
  /** A sacrificial user of region 23 with one membership, for calls that grant or revoke roles. */
  sacrificialUser(): Promise<{ id: string; membershipId: string }>;
}

export interface PrivacyWorld {
  ctx: PrivacyCtx;
  callers: PrivacyCaller[];
  regionId: string;
  /** The ids of every canary and sacrificial copy, by what may see them (grows as copies are made). */
  ids: { child: Set<string>; order: Set<string> };
  /** Every canary made, the canary itself first. */
  canaries: CanaryRows[];
}

export async function buildPrivacyWorld(): Promise<PrivacyWorld> {
  const own = await buildWorld({ code: "23", marker: "КУБАНЬ" });
  const region42 = await buildRegion42Admin();
  const d = db();
  const otherSchool = await ensureOrganization(d, {
    regionId: own.region.id,
    municipalityId: own.municipality.id,
    kind: "SCHOOL",
    name: "КУБАНЬ-школа 2",
    addresses: [],
  });
  const user = async (
    email: string,
    name: string,
    membership: { role: "SCHOOL_COORDINATOR" | "MUNICIPAL_COORDINATOR"; organizationId?: string },
  ) => {
    const row = await ensureUser(d, {
      email,
      name,
      password: "matrix-password-2026",
      memberships: [{ ...membership, regionId: own.region.id, municipalityId: own.municipality.id }],
    });
    const membershipRow = await d.membership.findFirstOrThrow({ where: { userId: row.id } });
    return { id: row.id, membershipId: membershipRow.id };
  };
  const otherCoordinator = await user("other_school_coordinator@w23.test", "КУБАНЬ-OTHER_SCHOOL_COORDINATOR", {
    role: "SCHOOL_COORDINATOR",
    organizationId: otherSchool.id,
  });
  let sacrificed = 0;
  const sacrificialUser = () =>
    user(`sacrificial-${++sacrificed}@w23.test`, `КУБАНЬ-жертва ${sacrificed}`, { role: "MUNICIPAL_COORDINATOR" });

  const canaries: CanaryRows[] = [];
  const ids = { child: new Set<string>(), order: new Set<string>() };
  const remember = (rows: CanaryRows) => {
    canaries.push(rows);
    ids.child.add(rows.studentId).add(rows.iupFileId);
    ids.order.add(rows.orderId);
    return rows;
  };
  const canary = remember(await buildCanary({ world: own }));

  const ctx: PrivacyCtx = {
    own,
    // The authorization matrix's calls carry the foreign tenant's ids: here they are the callers' own.
    foreign: own,
    // Its calls on a user of two regions (grant, revoke, a user's page) act on a sacrificial user of region 23.
    shared: await (async () => {
      const u = await sacrificialUser();
      return { id: u.id, foreignMembershipId: u.membershipId };
    })(),
    files: await sampleFiles({ own, foreign: own }),
    canary,
    otherSchool: { id: otherSchool.id, name: otherSchool.name },
    copy: async () => remember(await buildCanary({ world: own, copy: canaries.length })),
    sacrificialUser,
  };

  const caller = (id: PrivacyCallerId, scope: Scope | null, rights: Partial<Omit<PrivacyCaller, "id" | "scope">> = {}): PrivacyCaller => ({
    id,
    scope,
    readsChild: false,
    writesChild: false,
    readsRegistry: false,
    logged: false,
    ...rights,
  });
  const scopeOf = (role: keyof World["users"]) => own.users[role].scope;
  return {
    ctx,
    regionId: own.region.id,
    ids,
    canaries,
    callers: [
      caller("23 REGION_ADMIN", scopeOf("REGION_ADMIN"), { readsRegistry: true }),
      caller("23 REGION_AUDITOR", scopeOf("REGION_AUDITOR"), { readsChild: true, readsRegistry: true, logged: true }),
      caller("23 MUNICIPAL_COORDINATOR", scopeOf("MUNICIPAL_COORDINATOR"), { readsRegistry: true }),
      caller("23 SCHOOL_COORDINATOR", scopeOf("SCHOOL_COORDINATOR"), { readsChild: true, writesChild: true, readsRegistry: true }),
      caller("23 OTHER_SCHOOL_COORDINATOR", (await loadScope(otherCoordinator.id))!),
      caller("42 REGION_ADMIN", region42.scope),
      caller("no session", null),
    ],
  };
}
