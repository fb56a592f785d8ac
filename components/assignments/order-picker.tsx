"use client";

import { useEffect, useState } from "react";
import { useFormState } from "react-hook-form";
import { listOrderOptionsAction } from "@/lib/actions/assignments";
import { Field, fieldAria } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import type { OrderOption } from "@/lib/server/assignments/list-order-options";
import type { AssignmentFormApi } from "./assignment-form-api";

/**
 * «Приказ о назначении»: a document of the municipality's registry (orders first),
 * fetched when the municipality changes; a chosen one the new registry lacks is dropped.
 */
export function OrderPicker({ form, municipalityId }: { form: AssignmentFormApi; municipalityId: string }) {
  const { errors } = useFormState({ control: form.control });
  const [orders, setOrders] = useState<{ municipalityId: string; options: OrderOption[] } | null>(null);

  useEffect(() => {
    if (!municipalityId) return;
    let cancelled = false;
    void listOrderOptionsAction({ municipalityId }).then((result) => {
      if (cancelled) return;
      setOrders({ municipalityId, options: result.ok ? result.data : [] });
      const chosen = form.getValues("orderDocumentId");
      if (chosen && !(result.ok && result.data.some((o) => o.id === chosen))) form.setValue("orderDocumentId", "");
    });
    return () => {
      cancelled = true;
    };
  }, [municipalityId, form]);

  const loading = municipalityId !== "" && orders?.municipalityId !== municipalityId;
  const options = orders && orders.municipalityId === municipalityId ? orders.options : [];
  const error = errors.orderDocumentId?.message;
  const hint = !municipalityId
    ? "Сначала выберите муниципалитет."
    : loading
      ? "Загружаются документы реестра…"
      : options.length === 0
        ? "В реестре документов муниципалитета пока нет документов."
        : "Документ из реестра муниципалитета и его школ.";
  const groups = [
    { label: "Приказы", options: options.filter((o) => o.isOrder) },
    { label: "Другие документы", options: options.filter((o) => !o.isOrder) },
  ].filter((group) => group.options.length > 0);

  return (
    <Field id="orderDocumentId" label="Приказ о назначении" hint={hint} error={error}>
      <NativeSelect
        {...fieldAria("orderDocumentId", error)}
        aria-describedby={error ? "orderDocumentId-error" : "orderDocumentId-hint"}
        {...form.register("orderDocumentId")}
      >
        <option value="">— без приказа —</option>
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </NativeSelect>
    </Field>
  );
}
