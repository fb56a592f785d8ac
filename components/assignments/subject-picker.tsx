"use client";

import { useFormState, useWatch } from "react-hook-form";
import { Field, fieldAria } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { type CoordinatorRole, COORDINATORS } from "@/lib/roles";
import { COORDINATOR_ROLE_LABELS } from "@/lib/schemas/assignment";
import type { AssignmentTargets } from "@/lib/server/assignments/list-assignment-targets";
import type { AssignmentFormApi } from "./assignment-form-api";

/**
 * «Кого координирует»: the role, then a municipality (the subject itself for a
 * municipal coordinator) and, for a school coordinator, a school within it.
 */
export function SubjectPicker(props: {
  form: AssignmentFormApi;
  targets: AssignmentTargets;
  municipalityId: string;
  onChoose: (role: CoordinatorRole, municipalityId: string) => void;
}) {
  const { form, targets, municipalityId } = props;
  const { errors } = useFormState({ control: form.control });
  const role = useWatch({ control: form.control, name: "role" });
  const roles = COORDINATORS.filter((r) => r === "SCHOOL_COORDINATOR" || targets.municipalities.some((m) => m.canAppointMunicipal));
  const municipalities =
    role === "MUNICIPAL_COORDINATOR" ? targets.municipalities.filter((m) => m.canAppointMunicipal) : targets.municipalities;
  const schools = targets.schools.filter((s) => s.municipalityId === municipalityId);
  const subjectError = errors.subjectId?.message;
  const municipalityError = role === "MUNICIPAL_COORDINATOR" ? subjectError : undefined;
  const roleField = form.register("role", {
    onChange: (event: { target: { value: string } }) => props.onChoose(event.target.value as CoordinatorRole, municipalityId),
  });

  return (
    <fieldset className="space-y-4 rounded-md border border-border p-4">
      <legend className="px-1 text-sm font-semibold">Кого координирует</legend>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="role" label="Роль" error={errors.role?.message}>
          <NativeSelect {...fieldAria("role", errors.role?.message)} {...roleField}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {COORDINATOR_ROLE_LABELS[r]}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="municipality" label="Муниципалитет" error={municipalityError}>
          <NativeSelect
            {...fieldAria("municipality", municipalityError)}
            value={municipalities.some((m) => m.id === municipalityId) ? municipalityId : ""}
            onChange={(event) => props.onChoose(role, event.target.value)}
          >
            <option value="">— выберите —</option>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        {role === "SCHOOL_COORDINATOR" && (
          <Field id="school" label="Школа" error={subjectError}>
            <NativeSelect {...fieldAria("school", subjectError)} disabled={!municipalityId} {...form.register("subjectId")}>
              <option value="">{municipalityId ? "— выберите —" : "— сначала выберите муниципалитет —"}</option>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
        )}
      </div>
    </fieldset>
  );
}
