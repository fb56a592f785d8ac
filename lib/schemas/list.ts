import { z } from "./z";

/** Query of a server-side list: page, size, sort column, direction and a search text. */
export function listQuery<const S extends readonly [string, ...string[]]>(sortable: S) {
  return z.object({
    page: z.coerce.number().int().min(1).catch(1),
    pageSize: z.coerce.number().int().min(5).max(100).catch(20),
    sort: z.enum(sortable).catch(sortable[0]),
    dir: z.enum(["asc", "desc"]).catch("asc"),
    q: z.string().trim().max(200).catch(""),
  });
}

export const ZMunicipalityListQuery = listQuery(["name", "schools"] as const);
export type TMunicipalityListQuery = z.infer<typeof ZMunicipalityListQuery>;
