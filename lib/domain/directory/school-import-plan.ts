import { SCHOOL_HEADER, schoolNameKey, type Building, type SchoolRecord, type SchoolRow, type TableProblem } from "./school-table";

/**
 * What importing a table into a municipality would do, row by row: a name not yet
 * there creates a school, a name already there (the same up to case, «ё», spaces and
 * quotes) updates that school, and a row that says what is stored changes nothing.
 * Pure: the caller reads the municipality's organisations and writes the plan.
 */

export const SCHOOL_FIELD_LABELS = {
  name: "наименование",
  addresses: "адрес",
  headName: "руководитель",
  phone: "телефон",
} as const;

export type SchoolField = keyof typeof SCHOOL_FIELD_LABELS;

const KIND_LABELS: Record<string, string> = {
  SCHOOL: "школа",
  REGIONAL_CENTER: "региональный центр",
  MUNICIPAL_CENTER: "муниципальный центр",
  EDUCATION_AUTHORITY: "орган управления образованием",
};

/** An organisation of the municipality as stored. */
export interface ExistingOrganization extends SchoolRecord {
  id: string;
  kind: string;
}

export type PlannedRow =
  | { row: number; name: string; action: "create"; school: SchoolRecord }
  | { row: number; name: string; action: "update"; id: string; previousName: string; changes: SchoolField[]; school: SchoolRecord }
  | { row: number; name: string; action: "unchanged"; id: string };

export function planSchoolImport(
  schools: readonly SchoolRow[],
  existing: readonly ExistingOrganization[],
): { rows: PlannedRow[]; problems: TableProblem[] } {
  const byKey = new Map<string, ExistingOrganization[]>();
  for (const organization of existing) {
    const key = schoolNameKey(organization.name);
    byKey.set(key, [...(byKey.get(key) ?? []), organization]);
  }
  const rows: PlannedRow[] = [];
  const problems: TableProblem[] = [];
  for (const { row, ...school } of schools) {
    const matches = byKey.get(schoolNameKey(school.name)) ?? [];
    const say = (message: string) => problems.push({ row, column: SCHOOL_HEADER.name, message });
    if (matches.length > 1) {
      say(
        `В муниципалитете несколько организаций с таким наименованием (${matches.map((m) => `«${m.name}»`).join(", ")}): исправьте справочник, затем повторите импорт.`,
      );
      continue;
    }
    const match = matches[0];
    if (!match) {
      rows.push({ row, name: school.name, action: "create", school });
      continue;
    }
    if (match.kind !== "SCHOOL") {
      say(
        `Так называется организация другого вида — ${KIND_LABELS[match.kind] ?? match.kind} «${match.name}»; импорт меняет только школы.`,
      );
      continue;
    }
    const changes = changedFields(match, school);
    rows.push(
      changes.length
        ? { row, name: school.name, action: "update", id: match.id, previousName: match.name, changes, school }
        : { row, name: school.name, action: "unchanged", id: match.id },
    );
  }
  return { rows: problems.length ? [] : rows, problems };
}

export function changedFields(stored: SchoolRecord, incoming: SchoolRecord): SchoolField[] {
  const changes: SchoolField[] = [];
  if (stored.name !== incoming.name) changes.push("name");
  if (!sameBuildings(stored.addresses, incoming.addresses)) changes.push("addresses");
  if ((stored.headName || null) !== incoming.headName) changes.push("headName");
  if ((stored.phone || null) !== incoming.phone) changes.push("phone");
  return changes;
}

function sameBuildings(a: readonly Building[], b: readonly Building[]): boolean {
  return a.length === b.length && a.every((x, i) => x.label === b[i]!.label && x.address === b[i]!.address);
}
