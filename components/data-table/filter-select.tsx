import { cn } from "@/components/ui/cn";
import { NativeSelect } from "@/components/ui/input";

/** One select of a list's filter form (a GET form: the choice becomes a URL parameter). */
export function FilterSelect(props: {
  name: string;
  label: string;
  value: string | undefined;
  allLabel: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  className?: string;
}) {
  const id = `filter-${props.name}`;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id}>{props.label}</label>
      <NativeSelect id={id} name={props.name} defaultValue={props.value ?? ""} className={cn("w-56", props.className)}>
        <option value="">{props.allLabel}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
