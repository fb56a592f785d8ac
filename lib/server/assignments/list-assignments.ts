import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { batchesOf, pageOf, type ListSource, type Page } from "@/lib/paging";
import type { Scope } from "@/lib/scope";
import { assignmentToday, isCurrent, isoDay, orderRequisites, type TAssignmentListQuery } from "@/lib/schemas/assignment";
import { db } from "@/lib/server/db/client";
import { likePattern } from "@/lib/like-pattern";
import { assignmentScopeSql, currentSql } from "./assignment-access";
import type { CoordinatorRole } from "@/lib/roles";

export interface AssignmentRow {
  id: string;
  /** The municipality's or the school's id: the key of its history page. */
  subjectId: string;
  /** «Славянский район» or «МБОУ СОШ № 1 (Славянский район)». */
  subject: string;
  role: CoordinatorRole;
  personName: string;
  phone: string | null;
  email: string | null;
  validFrom: string;
  validTo: string | null;
  /** «приказ от 18.09.2020 № 1006», or null without an order. */
  order: string | null;
  current: boolean;
  hasAccount: boolean;
}

interface RawRow {
  id: string;
  role: CoordinatorRole;
  municipalityId: string;
  organizationId: string | null;
  municipalityName: string;
  schoolName: string | null;
  personName: string;
  phone: string | null;
  email: string | null;
  validFrom: Date | string;
  validTo: Date | string | null;
  userId: string | null;
  orderType: string | null;
  orderDate: Date | string | null;
  orderNumber: string | null;
}

type ListOptions = { scope: Scope; query: TAssignmentListQuery; today?: string };

/**
 * The coordinators the caller may see, paged, sorted and filtered in the
 * database. SQL, because an assignment names its municipality and school by id
 * only and the list sorts and searches by their names.
 */
export async function listAssignments(options: ListOptions): Promise<Page<AssignmentRow>> {
  const { query } = options;
  return pageOf(assignmentsSource(options, query), query);
}

/** The same list, every row, in batches: what its export writes. */
export function iterateAssignments(options: ListOptions & { batchSize?: number }) {
  return batchesOf(assignmentsSource(options, options.query), options.batchSize);
}

function assignmentsSource(options: ListOptions, query: TAssignmentListQuery): ListSource<AssignmentRow> {
  const today = options.today ?? assignmentToday();
  const conditions: Prisma.Sql[] = [assignmentScopeSql(options.scope)];
  if (query.municipalityId) conditions.push(Prisma.sql`a."municipalityId" = ${query.municipalityId}::uuid`);
  if (query.role) conditions.push(Prisma.sql`a."role"::text = ${query.role}`);
  if (query.current) conditions.push(currentSql(today));
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      Prisma.sql`(a."personName" ILIKE ${pattern} OR a."email" ILIKE ${pattern} OR m."name" ILIKE ${pattern} OR o."name" ILIKE ${pattern})`,
    );
  }
  const where = Prisma.join(conditions, " AND ");
  const dir = Prisma.raw(query.dir === "desc" ? "DESC" : "ASC");
  const orderBy = {
    subject: Prisma.sql`m."name" ${dir}, o."name" ${dir} NULLS FIRST, a."validFrom" DESC`,
    role: Prisma.sql`a."role" ${dir}, m."name" ASC, o."name" ASC NULLS FIRST`,
    personName: Prisma.sql`a."personName" ${dir}`,
    validFrom: Prisma.sql`a."validFrom" ${dir}`,
    validTo: Prisma.sql`a."validTo" ${dir} NULLS ${Prisma.raw(query.dir === "desc" ? "FIRST" : "LAST")}`,
  }[query.sort];
  const from = Prisma.sql`
    FROM "CoordinatorAssignment" a
    JOIN "Municipality" m ON m."id" = a."municipalityId"
    LEFT JOIN "Organization" o ON o."id" = a."organizationId"
    LEFT JOIN "RegistryDocument" d ON d."id" = a."orderDocumentId"
    WHERE ${where}`;
  return {
    count: async () => (await db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" ${from}`)[0]?.total ?? 0,
    read: async (window) => {
      const rows = await db().$queryRaw<RawRow[]>`
        SELECT a."id", a."role"::text AS "role", a."municipalityId", a."organizationId",
               m."name" AS "municipalityName", o."name" AS "schoolName",
               a."personName", a."phone", a."email", a."validFrom", a."validTo", a."userId",
               d."type" AS "orderType", d."date" AS "orderDate", d."number" AS "orderNumber"
        ${from}
        ORDER BY ${orderBy}, a."id" ASC
        LIMIT ${window.take} OFFSET ${window.skip}`;
      return rows.map((r) => {
        const period = { validFrom: isoDay(r.validFrom), validTo: r.validTo ? isoDay(r.validTo) : null };
        return {
          id: r.id,
          subjectId: r.organizationId ?? r.municipalityId,
          subject: r.schoolName ? `${r.schoolName} (${r.municipalityName})` : r.municipalityName,
          role: r.role,
          personName: r.personName,
          phone: r.phone,
          email: r.email,
          ...period,
          order: r.orderType ? orderRequisites({ type: r.orderType, date: r.orderDate, number: r.orderNumber }) : null,
          current: isCurrent(period, today),
          hasAccount: r.userId !== null,
        };
      });
    },
  };
}
