import type { MunicipalityRow } from "@/lib/server/directory/list-municipalities";
import { columnsFor } from "../columns";
import { FIELD_LABELS as F } from "../field-labels";

const c = columnsFor<MunicipalityRow>();

export const MUNICIPALITIES_CAPTION = "Муниципальные образования";

export const MUNICIPALITY_COLUMNS = {
  name: c.text(F.Municipality.name, (m) => m.name),
  schools: c.number("Школ", (m) => m.schools),
};
