import type { ComponentProps } from "react";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { TColumnHeaders } from "@/lib/schemas/template";

const COLUMNS: [keyof TColumnHeaders, string][] = [
  ["number", "Столбец номера"],
  ["name", "Столбец наименования"],
  ["value", "Столбец значения"],
  ["match", "Столбец соответствия"],
];

/** The four column headers of a blank or of a section; the caller binds the inputs. */
export function ColumnHeaderFields(props: {
  idPrefix: string;
  legend: string;
  input: (column: keyof TColumnHeaders) => ComponentProps<"input">;
  error: (column: keyof TColumnHeaders) => string | undefined;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">{props.legend}</legend>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {COLUMNS.map(([column, label]) => {
          const id = `${props.idPrefix}-${column}`;
          const error = props.error(column);
          return (
            <Field key={column} id={id} label={label} error={error}>
              <Input {...props.input(column)} {...fieldAria(id, error)} />
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}
