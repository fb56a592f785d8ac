/** A yes/no filter of a list's GET form: sends `name=1` when checked. */
export function FilterCheckbox(props: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex h-9 items-center gap-2 text-sm">
      <input type="checkbox" name={props.name} value="1" defaultChecked={props.checked} />
      {props.label}
    </label>
  );
}
