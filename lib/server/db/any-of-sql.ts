import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  coordinatedMunicipalityIds,
  coordinatedOrganizationIds,
  ROW_TENANT,
  type Scope,
  staffRegionIds,
  type TenantColumns,
} from "@/lib/scope";

/** anyOf (lib/scope.ts) for raw SQL: the conditions joined by OR, or FALSE when there are none. */
export function anyOfSql(conditions: readonly Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.sql`(${Prisma.join(conditions, " OR ")})` : Prisma.sql`FALSE`;
}

/**
 * tenantConditions (lib/scope.ts) as SQL over the table aliased `alias`: the scope's
 * few ids as array parameters, so a reader of many regions sends no list of row ids.
 */
export function tenantSqlConditions(scope: Scope, alias: string, columns: TenantColumns = ROW_TENANT): Prisma.Sql[] {
  const levels: Array<[string | undefined, string[]]> = [
    [columns.region, staffRegionIds(scope)],
    [columns.municipality, coordinatedMunicipalityIds(scope)],
    [columns.organization, coordinatedOrganizationIds(scope)],
  ];
  return levels.flatMap(([column, ids]) =>
    column && ids.length ? [Prisma.sql`${Prisma.raw(`${alias}."${column}"`)} = ANY(${ids}::uuid[])`] : [],
  );
}

/** tenantWhere as SQL. */
export const tenantSql = (scope: Scope, alias: string, columns?: TenantColumns) => anyOfSql(tenantSqlConditions(scope, alias, columns));
