import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A GET form over the list's URL: filters are query parameters, page resets to 1. */
export function SearchFilter(props: { q: string; label: string; children?: ReactNode }) {
  return (
    <search className="print:hidden">
      <form method="get" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm">
          <span>{props.label}</span>
          <Input name="q" defaultValue={props.q} className="w-72" />
        </label>
        {props.children}
        <Button type="submit" variant="outline">
          Найти
        </Button>
      </form>
    </search>
  );
}
