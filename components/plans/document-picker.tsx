"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";

/**
 * Registry documents to tick, with a search box over their requisites; the
 * ticked ones stay listed whatever is searched.
 */
export function DocumentPicker(props: {
  id: string;
  options: Array<{ value: string; label: string }>;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}) {
  const [q, setQ] = useState("");
  const needle = q.trim().toLowerCase().replaceAll("ё", "е");
  const selected = new Set(props.value);
  const shown = props.options.filter(
    (o) => selected.has(o.value) || !needle || o.label.toLowerCase().replaceAll("ё", "е").includes(needle),
  );
  const sorted = [...shown.filter((o) => selected.has(o.value)), ...shown.filter((o) => !selected.has(o.value))];
  return (
    <fieldset className="space-y-2" aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <legend className="text-sm font-medium">Документы из реестра</legend>
      {props.options.length === 0 ? (
        <p className="text-sm text-muted-foreground">В реестре нет документов этого муниципалитета и региона.</p>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-2">
            <label htmlFor={`${props.id}-search`} className="flex flex-col gap-1 text-sm">
              Найти документ в реестре
              <Input id={`${props.id}-search`} type="search" value={q} onChange={(e) => setQ(e.target.value)} className="w-80" />
            </label>
            <p className="text-sm text-muted-foreground" aria-live="polite">
              Выбрано: {props.value.length}
            </p>
          </div>
          <ul className="max-h-64 space-y-1 overflow-auto rounded-md border border-border p-2">
            {sorted.map((o) => {
              const id = `${props.id}-${o.value}`;
              return (
                <li key={o.value} className="flex items-start gap-2">
                  <input
                    id={id}
                    type="checkbox"
                    className="mt-0.5 h-4 w-4 shrink-0"
                    checked={selected.has(o.value)}
                    onChange={(e) =>
                      props.onChange(e.target.checked ? [...props.value, o.value] : props.value.filter((v) => v !== o.value))
                    }
                  />
                  <label htmlFor={id} className="text-sm">
                    {o.label}
                  </label>
                </li>
              );
            })}
            {sorted.length === 0 && <li className="text-sm text-muted-foreground">Ничего не найдено.</li>}
          </ul>
        </>
      )}
      {props.error && (
        <p id={`${props.id}-error`} role="alert" className="text-sm text-destructive">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
