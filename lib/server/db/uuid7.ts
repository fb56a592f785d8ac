import "server-only";
import { randomUUID } from "node:crypto";

/**
 * A time-ordered id (UUID version 7, as Prisma's uuid(7) default makes them), for rows
 * inserted in raw SQL: the current millisecond, then the random bits of a v4. Ids made one
 * after the other land next to each other in the primary key's index, which keeps bulk
 * inserts of a million rows from touching the whole index.
 */
export function uuid7(): string {
  const time = Date.now().toString(16).padStart(12, "0");
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
