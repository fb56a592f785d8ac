"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createAssignmentAction } from "@/lib/actions/assignments";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CoordinatorRole } from "@/lib/roles";
import { ZAssignmentCreate } from "@/lib/schemas/assignment";
import type { AssignmentTargets } from "@/lib/server/assignments/list-assignment-targets";
import type { AssignmentFormApi } from "./assignment-form-api";
import { InvitationFields } from "./invitation-fields";
import { PersonFields } from "./person-fields";
import { SubjectPicker } from "./subject-picker";
import { TermFields } from "./term-fields";

export interface AssignmentFormInitial {
  role: CoordinatorRole;
  municipalityId: string;
  subjectId: string;
}

/**
 * Appoints a coordinator: the subject (a municipality, or a school picked within
 * its municipality), the person and contacts, the period, the appointing order
 * from the municipality's registry and, for region admins, an invitation.
 */
export function AssignmentForm({ targets, initial }: { targets: AssignmentTargets; initial: AssignmentFormInitial }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  // The chosen municipality: the subject of a municipal coordinator, the school's for a school coordinator.
  const [municipalityId, setMunicipalityId] = useState(initial.municipalityId);
  const form: AssignmentFormApi = useForm({
    resolver: zodResolver(ZAssignmentCreate),
    defaultValues: {
      role: initial.role,
      subjectId: initial.subjectId,
      personName: "",
      phone: "",
      email: "",
      validFrom: "",
      validTo: "",
      orderDocumentId: "",
      invite: false,
      password: "",
    },
  });
  const { isSubmitting, isSubmitted } = form.formState;

  const chooseSubject = (role: CoordinatorRole, municipality: string) => {
    setMunicipalityId(municipality);
    form.setValue("subjectId", role === "MUNICIPAL_COORDINATOR" ? municipality : "", { shouldValidate: isSubmitted });
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await createAssignmentAction(values);
    if (!result.ok) {
      setError(applyServerErrors(result, form.setError));
      return;
    }
    router.push(`/coordinators/${result.data.subjectId}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Назначение координатора">
      {error && <Alert>{error}</Alert>}
      <SubjectPicker form={form} targets={targets} municipalityId={municipalityId} onChoose={chooseSubject} />
      <PersonFields form={form} />
      <TermFields form={form} municipalityId={municipalityId} />
      <InvitationFields form={form} canInvite={targets.municipalities.find((m) => m.id === municipalityId)?.canInvite ?? false} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Сохранение…" : "Назначить"}
      </Button>
    </form>
  );
}
