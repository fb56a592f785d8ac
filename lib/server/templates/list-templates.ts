import "server-only";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { templateWhere } from "./template-access";

/** The region's templates with their versions, newest version first. */
export async function listTemplates(options: { scope: Scope }) {
  return db().template.findMany({
    where: templateWhere(options.scope),
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: {
      id: true,
      key: true,
      name: true,
      level: true,
      regionId: true,
      versions: {
        orderBy: { version: "desc" },
        select: { id: true, version: true, status: true, publishedAt: true, createdAt: true },
      },
    },
  });
}
