/** One page of a server-side list, as the DataTable wrapper consumes it. */
export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageCount(page: Pick<Page<unknown>, "total" | "pageSize">): number {
  return Math.max(1, Math.ceil(page.total / page.pageSize));
}

/** Which rows of an ordered list to read: a page on screen, or the next batch of an export. */
export interface RowWindow {
  skip: number;
  take: number;
}

/**
 * A filtered, ordered list: how many rows it has, and a window of them. Its page
 * on screen and its export read through the same source, so they cannot disagree.
 */
export interface ListSource<T> {
  count(): Promise<number>;
  read(window: RowWindow): Promise<T[]>;
}

/**
 * `countWhenFull`: on the first page, count only when the page is full; one with room to spare
 * is the whole list, so its length is the total (a home's card of ten: one query, not two).
 */
export async function pageOf<T>(
  source: ListSource<T>,
  query: { page: number; pageSize: number },
  options: { countWhenFull?: boolean } = {},
): Promise<Page<T>> {
  if (options.countWhenFull && query.page === 1) {
    const rows = await source.read({ skip: 0, take: query.pageSize });
    const total = rows.length < query.pageSize ? rows.length : await source.count();
    return { total, page: 1, pageSize: query.pageSize, rows };
  }
  const [total, rows] = await Promise.all([source.count(), source.read({ skip: (query.page - 1) * query.pageSize, take: query.pageSize })]);
  return { total, page: query.page, pageSize: query.pageSize, rows };
}

export const EXPORT_BATCH_SIZE = 1000;

/**
 * Every row of the list, a batch at a time, so that no export holds the whole list.
 * Offset batches rather than a Prisma cursor: the cursor drops rows when the list is
 * ordered by a relation that may be absent (a municipal blank has no school).
 */
export async function* batchesOf<T>(source: Pick<ListSource<T>, "read">, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<T[]> {
  for (let skip = 0; ; skip += batchSize) {
    const rows = await source.read({ skip, take: batchSize });
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
  }
}

/** Which rows of a list to read next: the `take` rows after the last one already read. */
export interface KeysetWindow<T> {
  /** The last row of the previous batch; null for the first batch. */
  after: T | null;
  take: number;
}

/** A list that can also be read on from a row (keyset pagination), for exports too long for offsets. */
export interface KeysetSource<T> extends ListSource<T> {
  /**
   * The `take` rows that follow `after` in the list's order (WHERE (key) > (key of after)
   * ORDER BY key LIMIT take), in the same order as `read`. The order must end in a unique
   * column, so that no two rows share a key.
   */
  readAfter(window: KeysetWindow<T>): Promise<T[]>;
}

/**
 * Every row of the list, a batch at a time, each batch read after the last row of the one
 * before. An offset makes the database find and drop every earlier row again, so batchesOf
 * reads a long list in quadratic time; here a batch costs the same wherever it starts, and
 * the whole list is read in linear time (given an index on the key).
 */
export async function* keysetBatchesOf<T>(source: Pick<KeysetSource<T>, "readAfter">, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<T[]> {
  for (let after: T | null = null; ; ) {
    const rows = await source.readAfter({ after, take: batchSize });
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    after = rows.at(-1)!;
  }
}
