import type { MunicipalityRow } from "@/lib/server/directory/list-municipalities";
import { columnsFor } from "../columns";

const c = columnsFor<MunicipalityRow>();

export const MUNICIPALITIES_CAPTION = "Муниципальные образования";

export const MUNICIPALITY_COLUMNS = {
  name: c.text("Муниципальное образование", (m) => m.name),
  schools: c.number("Школ", (m) => m.schools),
};
