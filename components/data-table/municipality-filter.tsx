import { FilterSelect } from "./filter-select";

/** The municipality filter of a list, for users who see more than one municipality (with one it would filter nothing). */
export function MunicipalityFilter(props: { value?: string; municipalities: Array<{ id: string; name: string }> }) {
  if (props.municipalities.length < 2) return null;
  return (
    <FilterSelect
      name="municipalityId"
      label="Муниципалитет"
      value={props.value}
      allLabel="Все муниципалитеты"
      className="w-60"
      options={props.municipalities.map((m) => ({ value: m.id, label: m.name }))}
    />
  );
}
