"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { supersedeDocumentAction } from "@/lib/actions/documents";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";

/** Marks this document superseded by a newer one of the same owner. */
export function SupersedeForm(props: { documentId: string; candidates: { id: string; label: string }[] }) {
  const router = useRouter();
  const [byId, setById] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (props.candidates.length === 0) return <p className="text-sm text-muted-foreground">Других документов этого владельца нет.</p>;
  return (
    <form
      className="space-y-3"
      aria-label="Замена документа"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await supersedeDocumentAction({ documentId: props.documentId, byId });
          if (result.ok) router.refresh();
          else setError(result.error.message);
        });
      }}
    >
      {error && <Alert>{error}</Alert>}
      <Field id="superseded-by" label="Заменён документом">
        <NativeSelect id="superseded-by" value={byId} onChange={(e) => setById(e.target.value)}>
          <option value="">— выберите —</option>
          {props.candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Button type="submit" variant="outline" disabled={!byId || pending}>
        Отметить как заменённый
      </Button>
    </form>
  );
}
