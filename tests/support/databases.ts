export { dropDatabase, recreateDatabase } from "@/lib/server/db/admin";

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
