import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { ALL_ROLES, REGION_STAFF, type Role } from "@/lib/roles";
import { ZUserCreate } from "@/lib/schemas/user";
import { db } from "@/lib/server/db/client";
import { createUser } from "@/lib/server/users/create-user";
import { adminScopeOf } from "./admin-scope";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resolves "23", "23/Славянский район", "23/Славянский район/МБОУ СОШ № 1" or an id. */
async function resolveTarget(role: Role, text: string): Promise<{ regionId: string; scopeId: string }> {
  const wanted = REGION_STAFF.includes(role) ? "region" : role === "MUNICIPAL_COORDINATOR" ? "municipality" : "school";
  const bad = (why: string) => new AppError("VALIDATION", `--scope "${text}": ${why}`);
  if (UUID.test(text)) {
    const found =
      wanted === "region"
        ? await db()
            .region.findUnique({ where: { id: text }, select: { id: true } })
            .then((r) => r && { regionId: r.id })
        : wanted === "municipality"
          ? await db().municipality.findUnique({ where: { id: text }, select: { regionId: true } })
          : await db().organization.findUnique({ where: { id: text }, select: { regionId: true } });
    if (!found) throw bad(`no ${wanted} has this id`);
    return { regionId: found.regionId, scopeId: text };
  }
  const [code, municipalityName, schoolName] = text.split("/").map((part) => part.trim());
  const region = await db().region.findUnique({ where: { code: code ?? "" } });
  if (!region) throw bad(`no region with code "${code}"`);
  if (wanted === "region") return { regionId: region.id, scopeId: region.id };
  if (!municipalityName) throw bad(`${role} needs "<region code>/<municipality>"`);
  const municipality = await db().municipality.findFirst({
    where: { regionId: region.id, OR: [{ name: municipalityName }, { aliases: { has: municipalityName } }] },
  });
  if (!municipality) throw bad(`no municipality "${municipalityName}" in region ${code}`);
  if (wanted === "municipality") return { regionId: region.id, scopeId: municipality.id };
  if (!schoolName) throw bad(`${role} needs "<region code>/<municipality>/<school>"`);
  const school = await db().organization.findFirst({
    where: { municipalityId: municipality.id, name: schoolName, kind: "SCHOOL" },
  });
  if (!school) throw bad(`no school "${schoolName}" in ${municipality.name}`);
  return { regionId: region.id, scopeId: school.id };
}

export async function createUserFromCli(values: { email?: string; role?: string; scope?: string; name?: string; password?: string }) {
  const role = values.role as Role;
  if (!values.email || !values.scope || !ALL_ROLES.includes(role)) {
    throw new AppError("VALIDATION", `user create needs --email, --scope and --role (one of ${ALL_ROLES.join(", ")})`);
  }
  const target = await resolveTarget(role, values.scope);
  const generated = values.password ? undefined : randomBytes(12).toString("base64url");
  const user = await createUser({
    scope: adminScopeOf(target.regionId),
    // The admin's form's schema: a bad e-mail or a short password is refused in Russian, as there.
    input: ZUserCreate.parse({
      email: values.email,
      name: values.name ?? values.email,
      password: values.password ?? generated,
      memberships: [{ role, scopeId: target.scopeId }],
    }),
  });
  // A generated password is shown once, here, and never stored in clear.
  return { ...user, role, scopeId: target.scopeId, ...(generated ? { password: generated } : {}) };
}

/** `user create --email E --role R --scope S [--name N] [--password P]` */
export async function userCreateCommand(args: string[]) {
  const text = { type: "string" } as const;
  const { values } = parseArgs({ args, options: { email: text, role: text, scope: text, name: text, password: text }, strict: true });
  return createUserFromCli(values);
}
