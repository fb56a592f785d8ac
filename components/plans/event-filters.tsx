import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { EVENT_STATUS_LABELS, EVENT_STATUSES } from "@/lib/domain/plans/plan-labels";
import type { EventFilter } from "./filter-events";
import type { PlanViewName } from "./plan-view-tabs";

const STATUS_OPTIONS = [...EVENT_STATUSES, "OVERDUE" as const].map((s) => ({ value: s, label: EVENT_STATUS_LABELS[s] }));

/** ?status=&q= over the plan's events (a GET form of the plan page). */
export function EventFilters(props: { filter: EventFilter; view: PlanViewName }) {
  return (
    <SearchFilter q={props.filter.q} label="Мероприятие, описание или ответственный">
      <input type="hidden" name="view" value={props.view} />
      <FilterSelect
        name="status"
        label="Статус"
        value={props.filter.status}
        allLabel="Все статусы"
        className="w-48"
        options={STATUS_OPTIONS}
      />
    </SearchFilter>
  );
}
