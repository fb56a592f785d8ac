"use client";

import { NativeSelect } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { ALL_ROLES, REGION_STAFF, type Role, ROLE_LABELS } from "@/lib/roles";
import type { MembershipTargets } from "@/lib/server/directory/list-membership-targets";
import type { UseFormRegisterReturn } from "react-hook-form";

/** Role and scope pickers; the scope list follows the chosen role. */
export function MembershipFields(props: {
  idPrefix: string;
  role: Role | undefined;
  targets: MembershipTargets;
  registerRole: UseFormRegisterReturn;
  registerScope: UseFormRegisterReturn;
  roleError?: string;
  scopeError?: string;
}) {
  const { role, targets } = props;
  const roleId = `${props.idPrefix}-role`;
  const scopeId = `${props.idPrefix}-scope`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id={roleId} label="Роль" error={props.roleError}>
        <NativeSelect id={roleId} aria-invalid={props.roleError ? true : undefined} {...props.registerRole}>
          <option value="">— выберите —</option>
          {ALL_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field id={scopeId} label="Регион, муниципалитет или школа" error={props.scopeError}>
        <NativeSelect id={scopeId} aria-invalid={props.scopeError ? true : undefined} {...props.registerScope}>
          <option value="">— выберите —</option>
          {role &&
            REGION_STAFF.includes(role) &&
            targets.regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          {role === "MUNICIPAL_COORDINATOR" &&
            targets.municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          {role === "SCHOOL_COORDINATOR" &&
            groupSchools(targets.schools).map(([group, schools]) => (
              <optgroup key={group} label={group}>
                {schools.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            ))}
        </NativeSelect>
      </Field>
    </div>
  );
}

// Object.groupBy is missing on Node 20, where this component is also rendered.
function groupSchools(schools: MembershipTargets["schools"]) {
  const groups = new Map<string, MembershipTargets["schools"]>();
  for (const school of schools) groups.set(school.group, [...(groups.get(school.group) ?? []), school]);
  return [...groups];
}
