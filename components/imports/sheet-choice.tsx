"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * The workbook holds the table on several sheets: the user picks one, and the file
 * is checked again from that sheet (sent as `sheet=<name>`).
 */
export function SheetChoice(props: { sheets: string[]; busy: boolean; onChoose: (sheet: string) => void }) {
  const name = useId();
  const [chosen, setChosen] = useState(props.sheets[0] ?? "");
  return (
    <fieldset className="space-y-2 rounded-md border border-border p-3 text-sm">
      <legend className="px-1 font-medium">Из какого листа импортировать?</legend>
      {props.sheets.map((sheet) => (
        <label key={sheet} className="flex items-center gap-2">
          <input type="radio" name={name} value={sheet} checked={chosen === sheet} onChange={() => setChosen(sheet)} />
          {sheet}
        </label>
      ))}
      <Button type="button" variant="outline" disabled={props.busy || chosen === ""} onClick={() => props.onChoose(chosen)}>
        Проверить лист «{chosen}»
      </Button>
    </fieldset>
  );
}
