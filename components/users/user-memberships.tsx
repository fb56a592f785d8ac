"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { grantMembershipAction, revokeMembershipAction } from "@/lib/actions/users";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { type Role, ROLE_LABELS } from "@/lib/roles";
import { ZMembershipGrant } from "@/lib/schemas/user";
import { SELF_GRANT_MESSAGE } from "@/lib/domain/separation-of-duties";
import type { MembershipTargets } from "@/lib/server/directory/list-membership-targets";
import { MembershipFields } from "./membership-fields";

export interface MembershipView {
  id: string;
  role: Role;
  scopeName: string;
}

/**
 * A user's roles, with «Снять роль» and «Назначить роль». On one's own card there is no
 * grant form and no way to drop one's admin role: another admin does that (the server
 * refuses it anyway); giving up another role of one's own stays possible.
 */
export function UserMemberships(props: { userId: string; self: boolean; memberships: MembershipView[]; targets: MembershipTargets }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<z.input<typeof ZMembershipGrant>, unknown, z.output<typeof ZMembershipGrant>>({
    resolver: zodResolver(ZMembershipGrant),
    defaultValues: { role: undefined, scopeId: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const revoke = (membershipId: string) =>
    startTransition(async () => {
      setError(null);
      const result = await revokeMembershipAction({ userId: props.userId, membershipId });
      if (!result.ok) setError(result.error.message);
    });

  const grant = form.handleSubmit(async (values) => {
    setError(null);
    const result = await grantMembershipAction({ ...values, userId: props.userId });
    if (!result.ok) setError(applyServerErrors(result, form.setError));
    else form.reset();
  });

  return (
    <div className="space-y-6">
      {error && <Alert>{error}</Alert>}
      <ul className="divide-y divide-border" aria-label="Роли пользователя">
        {props.memberships.length === 0 && <li className="py-2 text-muted-foreground">Ролей нет.</li>}
        {props.memberships.map((m) => (
          <li key={m.id} className="flex items-center justify-between gap-4 py-2">
            <span>
              <span className="font-medium">{ROLE_LABELS[m.role]}</span>: {m.scopeName}
            </span>
            {props.self && m.role === "REGION_ADMIN" ? (
              <span className="text-sm text-muted-foreground">эту роль снимает другой администратор</span>
            ) : (
              <Button variant="outline" size="sm" disabled={pending} onClick={() => revoke(m.id)}>
                Снять роль
              </Button>
            )}
          </li>
        ))}
      </ul>
      {props.self ? (
        <p className="text-sm text-muted-foreground">{SELF_GRANT_MESSAGE}</p>
      ) : (
        <form onSubmit={grant} noValidate className="space-y-3" aria-label="Назначить роль">
          <h3 className="font-semibold">Назначить роль</h3>
          <MembershipFields
            idPrefix="grant"
            role={form.watch("role")}
            targets={props.targets}
            registerRole={form.register("role")}
            registerScope={form.register("scopeId")}
            roleError={errors.role?.message}
            scopeError={errors.scopeId?.message}
          />
          <Button type="submit" disabled={isSubmitting}>
            Назначить
          </Button>
        </form>
      )}
    </div>
  );
}
