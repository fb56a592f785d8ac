"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { membershipLine, USER_COLUMNS as C, USERS_CAPTION } from "@/lib/domain/exports/lists/users";
import type { Page } from "@/lib/paging";
import type { TUserListQuery } from "@/lib/schemas/user";
import { ALL_ROLES, ROLE_LABELS } from "@/lib/roles";
import type { UserRow } from "@/lib/server/users/list-users";

const columns: DataTableColumn<UserRow>[] = [
  {
    id: "name",
    header: C.name.header,
    accessorKey: "name",
    cell: ({ row }) => (
      <Link href={`/region/users/${row.original.id}`} className="text-primary hover:underline">
        {row.original.name}
      </Link>
    ),
  },
  { id: "email", header: C.email.header, accessorKey: "email" },
  {
    id: "memberships",
    header: C.memberships.header,
    enableSorting: false,
    cell: ({ row }) => (
      <ul className="space-y-0.5">
        {row.original.memberships.map((m) => (
          <li key={m.id}>{membershipLine(m)}</li>
        ))}
      </ul>
    ),
  },
  {
    id: "createdAt",
    header: C.createdAt.header,
    accessorKey: "createdAt",
    cell: ({ row }) => new Date(row.original.createdAt).toLocaleDateString("ru-RU"),
  },
];

export function UsersTable(props: { page: Page<UserRow>; query: TUserListQuery }) {
  return (
    <DataTable
      caption={USERS_CAPTION}
      exportList="users"
      columns={columns}
      page={props.page}
      sort={props.query.sort}
      dir={props.query.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.query.q} label="ФИО или электронная почта">
          <FilterSelect
            name="role"
            label="Роль"
            value={props.query.role}
            allLabel="Все роли"
            className="w-60"
            options={ALL_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
        </SearchFilter>
      }
    />
  );
}
