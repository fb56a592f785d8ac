import type { ReactNode } from "react";

export function PageTitle(props: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{props.title}</h1>
        {props.subtitle && <p className="mt-1 text-muted-foreground">{props.subtitle}</p>}
      </div>
      {props.actions}
    </div>
  );
}
