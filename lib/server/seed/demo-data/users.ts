import "server-only";
import { membershipRow } from "@/lib/scope";
import type { Role } from "@/lib/roles";
import { hashPassword } from "@/lib/server/auth/password";
import { insertRows, uuid7 } from "./bulk";
import { personName } from "./names";
import { GENERATED_PASSWORD } from "./scales";
import { MEMBERSHIP, USER } from "./tables";
import type { GenContext, GenDirectory } from "./types";

let passwordHash: Promise<string> | undefined;

/** GENERATED_PASSWORD hashed once per process (argon2 takes tens of milliseconds: not 10,000 times). */
function generatedPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(GENERATED_PASSWORD);
  return passwordHash;
}

/** Region admins and auditors for a region of this many accounts. */
function regionalStaff(users: number) {
  const admins = users >= 40 ? 2 : 1;
  const auditors = users >= 40 ? 4 : 1;
  return { admins, auditors };
}

/**
 * The region's accounts, each with one membership and GENERATED_PASSWORD: a
 * couple of region admins and auditors, a municipal coordinator for each
 * municipality (as many as the scale allows), and school coordinators for
 * distinct schools with the rest. E-mails are made of the region's code, so
 * they are unique across regions. Demo accounts (isDemo), so that the demo seed
 * still runs on the database.
 */
export async function generateUsers(ctx: GenContext, directory: GenDirectory, regionCode: string) {
  const random = ctx.random.fork("users");
  const hash = await generatedPasswordHash();
  const domain = `${regionCode.toLowerCase()}.demo-data.local`;
  const { admins, auditors } = regionalStaff(ctx.scale.users);
  const accounts: { email: string; name: string; role: Role; municipalityId?: string; organizationId?: string }[] = [];
  const add = (role: Role, local: string, scope: { municipalityId?: string; organizationId?: string } = {}) => {
    if (accounts.length < ctx.scale.users) accounts.push({ email: `${local}@${domain}`, name: personName(random), role, ...scope });
  };
  for (let n = 1; n <= admins; n++) add("REGION_ADMIN", `admin${n}`);
  for (let n = 1; n <= auditors; n++) add("REGION_AUDITOR", `auditor${n}`);
  for (const [n, m] of directory.municipalities.entries()) add("MUNICIPAL_COORDINATOR", `mo${n + 1}`, { municipalityId: m.id });
  const schools = random.shuffle(directory.schools);
  for (const [n, s] of schools.entries())
    add("SCHOOL_COORDINATOR", `school${n + 1}`, { municipalityId: s.municipalityId, organizationId: s.id });

  const users = accounts.map((a) => ({ id: uuid7(), email: a.email, name: a.name, passwordHash: hash, isDemo: true }));
  const memberships = accounts.map((a, i) => ({
    id: uuid7(),
    ...membershipRow(users[i]!.id, {
      role: a.role,
      regionId: directory.regionId,
      municipalityId: a.municipalityId,
      organizationId: a.organizationId,
    }),
  }));
  await insertRows(ctx.tx, USER, users, "users", ctx.log);
  await insertRows(ctx.tx, MEMBERSHIP, memberships, "memberships", ctx.log);
  return { users: users.length, domain };
}
