import "server-only";
import { earliestLocalToday } from "@/lib/dates";
import { Prisma, type PlanEventStatus, type PlanKind } from "@/lib/generated/prisma/client";
import { keysetBatchesOf, pageOf, type KeysetSource, type KeysetWindow, type Page } from "@/lib/paging";
import { sectionHeading, stageHeading } from "@/lib/domain/plans/plan-labels";
import type { Scope } from "@/lib/scope";
import type { TEventListQuery } from "@/lib/schemas/plan";
import { replicaDb } from "@/lib/server/db/replica";
import { likePattern } from "@/lib/like-pattern";
import { overdueCondition } from "./overdue-sql";
import { planSql } from "./plan-access";

export interface EventRow {
  id: string;
  planId: string;
  planTitle: string;
  planKind: PlanKind;
  /** The school's, the municipality's or the region's name. */
  owner: string;
  /** «1.1» as the plan numbers the event, else its place in the plan. */
  number: string;
  /** The event's place in its plan: the plan's own order. */
  position: number;
  /** The heading the plan page shows the event under: its programme stage or its section. */
  part: string | null;
  title: string;
  description: string;
  /** As written: «До 2 ноября 2020 года». */
  timingText: string;
  /** The last day as read (ISO), null when the timing could not be read. */
  endsOn: string | null;
  responsibleText: string;
  status: PlanEventStatus;
  heldOn: string | null;
  overdue: boolean;
}

interface RawRow extends Omit<EventRow, "number" | "part"> {
  number: string | null;
  stageNumber: number | null;
  stageTitle: string | null;
  stageTiming: string | null;
  sectionNumber: string | null;
  sectionTitle: string | null;
}

type ListOptions = { scope: Scope; query: TEventListQuery; today?: string };

/**
 * The events of every plan the caller may see, paged, sorted and filtered in the database.
 * SQL, because overdue is a condition on the event's due dates (overdue-sql.ts) and a plan
 * names its owner by id only.
 */
export async function listEvents(options: ListOptions): Promise<Page<EventRow>> {
  const { query } = options;
  return pageOf(eventsSource(options, query), query);
}

/** The same list, every row, in batches read by key rather than offset: an export of 200,000 events stays linear. */
export function iterateEvents(options: ListOptions & { batchSize?: number }): AsyncIterable<EventRow[]> {
  return keysetBatchesOf(eventsSource(options, options.query), options.batchSize);
}

const OWNER = Prisma.sql`COALESCE(o."name", m."name", r."name", '')`;

/** Worded as components/plans/plan-events-table.tsx heads its groups. */
function partOf(row: RawRow): string | null {
  if (row.stageNumber !== null)
    return stageHeading({ number: row.stageNumber, timingText: row.stageTiming ?? "", title: row.stageTitle ?? "" });
  if (row.sectionNumber !== null) return sectionHeading({ number: row.sectionNumber, title: row.sectionTitle ?? "" });
  return null;
}

/** The events of the plans that `plans` (a condition on the plan `p`) allows: every read narrows by it. */
const inPlans = (plans: Prisma.Sql) => Prisma.sql`e."planId" IN (SELECT p."id" FROM "Plan" p WHERE ${plans})`;

const all = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`);

function eventsSource(options: ListOptions, query: TEventListQuery): KeysetSource<EventRow> {
  const today = options.today ?? earliestLocalToday();
  // The access rule (planWhere's twin in SQL) and the plan filters, on the plan `p`.
  const planConditions = [planSql(options.scope)];
  if (query.kind) planConditions.push(Prisma.sql`p."kind" = ${query.kind}::"PlanKind"`);
  if (query.municipalityId) planConditions.push(Prisma.sql`p."municipalityId" = ${query.municipalityId}::uuid`);
  const plans = all(planConditions);

  const filters: Prisma.Sql[] = [];
  if (query.status) filters.push(Prisma.sql`e."status" = ${query.status}::"PlanEventStatus"`);
  if (query.overdue) filters.push(Prisma.sql`(${overdueCondition(today)})`);
  if (query.q) {
    const pattern = likePattern(query.q);
    filters.push(Prisma.sql`(e."title" ILIKE ${pattern} OR e."description" ILIKE ${pattern})`);
  }

  const read = async (window: Omit<SelectOptions, "plans" | "filters" | "query" | "today">): Promise<EventRow[]> => {
    const rows = await replicaDb().$queryRaw<RawRow[]>(selectEvents({ ...window, plans, filters, query, today }));
    return rows.map((r) => ({
      id: r.id,
      planId: r.planId,
      planTitle: r.planTitle,
      planKind: r.planKind,
      owner: r.owner,
      number: r.number ?? String(r.position),
      position: r.position,
      part: partOf(r),
      title: r.title,
      description: r.description,
      timingText: r.timingText,
      endsOn: r.endsOn,
      responsibleText: r.responsibleText,
      status: r.status,
      heldOn: r.heldOn,
      overdue: r.overdue,
    }));
  };

  return {
    count: async () => {
      const [row] = await replicaDb().$queryRaw<
        [{ total: number }]
      >`SELECT count(*)::int AS "total" FROM "PlanEvent" e WHERE ${all([inPlans(plans), ...filters])}`;
      return row.total;
    },
    read: (window) => read({ ...window, after: null }),
    readAfter: (window: KeysetWindow<EventRow>) => read({ ...window, skip: 0 }),
  };
}

interface SelectOptions {
  /** Which plans: the access rule and the plan filters, a condition on the plan `p`. */
  plans: Prisma.Sql;
  /** Conditions on the event `e` from the list's filters. */
  filters: Prisma.Sql[];
  query: TEventListQuery;
  today: string;
  /** A page on screen reads by offset, an export's batch after the last row of the one before. */
  skip: number;
  take: number;
  after: EventRow | null;
}

/** One read of the list: one SQL statement, whatever the sort. */
function selectEvents(options: SelectOptions): Prisma.Sql {
  const { plans, filters, after } = options;
  const desc = options.query.dir === "desc";
  const dir = Prisma.raw(desc ? "DESC" : "ASC");
  const columns = Prisma.sql`
    e."id", e."planId", p."title" AS "planTitle", p."kind"::text AS "planKind", p."owner",
    e."number", e."position", e."title", e."description", e."timingText",
    to_char(e."endsOn", 'YYYY-MM-DD') AS "endsOn", e."responsibleText", e."status"::text AS "status",
    to_char(e."heldOn", 'YYYY-MM-DD') AS "heldOn", COALESCE(${overdueCondition(options.today)}, false) AS "overdue",
    st."number" AS "stageNumber", st."title" AS "stageTitle", st."timingText" AS "stageTiming",
    s."number" AS "sectionNumber", s."title" AS "sectionTitle"`;
  const from = (planClauses: Prisma.Sql) => Prisma.sql`
    FROM (
      SELECT p."id", p."title", p."kind", ${OWNER} AS "owner"
      FROM "Plan" p
      LEFT JOIN "Organization" o ON o."id" = p."organizationId"
      LEFT JOIN "Municipality" m ON m."id" = p."municipalityId"
      LEFT JOIN "Region" r ON r."id" = p."regionId"
      ${planClauses}
    ) p
    JOIN "PlanEvent" e ON e."planId" = p."id"
    LEFT JOIN "PlanStage" st ON st."id" = e."stageId"
    LEFT JOIN "PlanSection" s ON s."id" = e."sectionId"`;
  const window = Prisma.sql`LIMIT ${options.take} OFFSET ${options.skip}`;

  switch (options.query.sort) {
    case "plan": {
      // The plans are ordered in a subquery of their own (OFFSET 0 keeps PostgreSQL from
      // merging it): a batch then walks the plans in order into the events' (planId,
      // position) index and stops at LIMIT, rather than joining and sorting every event.
      // Descending reverses the plans; a plan's events stay in the plan's own order.
      const fromPlan = after
        ? Prisma.sql`AND (${OWNER}, p."title", p."id") ${Prisma.raw(desc ? "<=" : ">=")} (${after.owner}, ${after.planTitle}, ${after.planId}::uuid)`
        : Prisma.empty;
      const inPlan = after
        ? [Prisma.sql`(e."planId" <> ${after.planId}::uuid OR (e."position", e."id") > (${after.position}::int, ${after.id}::uuid))`]
        : [];
      return Prisma.sql`
        SELECT ${columns}
        ${from(Prisma.sql`WHERE ${plans} ${fromPlan} ORDER BY "owner" ${dir}, p."title" ${dir}, p."id" ${dir} OFFSET 0`)}
        WHERE ${all([...filters, ...inPlan])}
        ORDER BY p."owner" ${dir}, p."title" ${dir}, p."id" ${dir}, e."position", e."id"
        ${window}`;
    }
    // Ordered by the event's own columns: a batch walks one of its indexes from the last
    // row read, and each event's plan is looked up by its key. The plans are narrowed through
    // the events (a hashed semi-join on the visible plans), not again at that lookup.
    case "status": {
      const next = after
        ? [Prisma.sql`(e."status", e."id") ${Prisma.raw(desc ? "<" : ">")} (${after.status}::"PlanEventStatus", ${after.id}::uuid)`]
        : [];
      return Prisma.sql`
        SELECT ${columns} ${from(Prisma.empty)}
        WHERE ${all([inPlans(plans), ...filters, ...next])}
        ORDER BY e."status" ${dir}, e."id" ${dir}
        ${window}`;
    }
    case "dueDate": {
      // PostgreSQL puts NULL last ascending and first descending: either way the exact
      // reverse of the other, both a walk along the ("endsOn", id) index.
      const order = Prisma.sql`ORDER BY e."endsOn" ${dir}, e."id" ${dir}`;
      if (!after) return Prisma.sql`SELECT ${columns} ${from(Prisma.empty)} WHERE ${all([inPlans(plans), ...filters])} ${order} ${window}`;
      // A row comparison with a NULL is never true, so the undated events after a dated one
      // (or the dated after an undated one) are a second segment of the same statement.
      const cmp = Prisma.raw(desc ? "<" : ">");
      const dated = after.endsOn
        ? Prisma.sql`(e."endsOn", e."id") ${cmp} (${after.endsOn}::date, ${after.id}::uuid)`
        : Prisma.sql`e."endsOn" IS NOT NULL`;
      const undated = after.endsOn ? Prisma.sql`e."endsOn" IS NULL` : Prisma.sql`e."endsOn" IS NULL AND e."id" ${cmp} ${after.id}::uuid`;
      const segments = desc ? (after.endsOn ? [dated] : [undated, dated]) : after.endsOn ? [dated, undated] : [undated];
      const branches = segments.map(
        (segment, i) => Prisma.sql`(
          SELECT ${i}::int AS "segment", ${columns} ${from(Prisma.empty)}
          WHERE ${all([inPlans(plans), ...filters, segment])} ${order} LIMIT ${options.take})`,
      );
      return Prisma.sql`SELECT * FROM (${Prisma.join(branches, " UNION ALL ")}) "segments" ORDER BY "segment", "endsOn" ${dir}, "id" ${dir} LIMIT ${options.take}`;
    }
  }
}
