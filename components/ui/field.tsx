import type { ReactNode } from "react";
import { Label } from "radix-ui";

/** A labelled form control with its error, linked for screen readers. */
export function Field(props: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <Label.Root htmlFor={props.id} className="text-sm font-medium">
        {props.label}
      </Label.Root>
      {props.children}
      {props.hint && !props.error && (
        <p id={`${props.id}-hint`} className="text-xs text-muted-foreground">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${props.id}-error`} role="alert" className="text-sm text-destructive">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** aria attributes for a control rendered inside <Field>. */
export function fieldAria(id: string, error?: string) {
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined };
}
