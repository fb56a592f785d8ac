"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { TIndicatorCreate } from "@/lib/schemas/plan";
import { IndicatorForm } from "./indicator-form";

/** «Изменить» under an indicator: opens the indicator's form, prefilled. */
export function IndicatorEdit(props: { planId: string; indicatorId: string; defaults: TIndicatorCreate }) {
  const [open, setOpen] = useState(false);
  const panelId = `indicator-${props.indicatorId}-edit`;
  return (
    <div className="space-y-3">
      <Button
        type="button"
        variant="outline"
        size="sm"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`Изменить показатель ${props.defaults.number}`}
        onClick={() => setOpen((o) => !o)}
      >
        Изменить
      </Button>
      <div id={panelId} hidden={!open}>
        {open && (
          <IndicatorForm planId={props.planId} indicatorId={props.indicatorId} defaults={props.defaults} onClose={() => setOpen(false)} />
        )}
      </div>
    </div>
  );
}
