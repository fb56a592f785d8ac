"use client";

import { useState, type ComponentProps } from "react";
import { Input } from "@/components/ui/input";

const parse = (text: string) =>
  text
    .split(/[,;]/)
    .map((clause) => clause.trim())
    .filter(Boolean);

const same = (a: string[], b: string[]) => a.length === b.length && a.every((clause, i) => clause === b[i]);

/**
 * Clauses ("3.6", "3.7") typed as one comma-separated line. The typed text is kept
 * while it still means the stored list, so a trailing comma survives the next keystroke.
 */
export function ClausesInput({
  value,
  onValueChange,
  ...props
}: Omit<ComponentProps<"input">, "value" | "onChange"> & { value: string[]; onValueChange: (clauses: string[]) => void }) {
  const [text, setText] = useState(value.join(", "));
  return (
    <Input
      {...props}
      value={same(parse(text), value) ? text : value.join(", ")}
      onChange={(event) => {
        setText(event.target.value);
        onValueChange(parse(event.target.value));
      }}
    />
  );
}
