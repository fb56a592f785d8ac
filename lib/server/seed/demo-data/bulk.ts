import "server-only";

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 bind parameters for every table we fill. */
export const CHUNK = 1_000;

/**
 * Inserts rows in chunks through a model's createMany (one multi-row INSERT per
 * chunk), reporting progress for large tables.
 */
export async function insertChunked<T>(
  label: string,
  rows: readonly T[],
  createMany: (args: { data: T[] }) => Promise<{ count: number }>,
  log: (line: string) => void,
): Promise<number> {
  let done = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    done += (await createMany({ data: rows.slice(i, i + CHUNK) })).count;
    if (rows.length > CHUNK) log(`  ${label}: ${done}/${rows.length}`);
  }
  if (rows.length <= CHUNK) log(`  ${label}: ${done}`);
  return done;
}
