import type { ReactNode } from "react";
import { Breadcrumbs, type Crumb } from "./breadcrumbs";

export function PageTitle(props: { title: string; subtitle?: ReactNode; actions?: ReactNode; crumbs?: Crumb[] }) {
  return (
    <div className="space-y-2">
      {props.crumbs && <Breadcrumbs crumbs={props.crumbs} />}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-semibold">{props.title}</h1>
          {props.subtitle && <p className="mt-1 text-muted-foreground">{props.subtitle}</p>}
        </div>
        {props.actions}
      </div>
    </div>
  );
}
