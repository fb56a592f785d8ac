import "server-only";
import { notFound } from "@/lib/errors";
import { municipalityWhere, type Scope } from "@/lib/scope";
import { orderRequisites } from "@/lib/schemas/assignment";
import { db } from "@/lib/server/db/client";

export interface OrderOption {
  id: string;
  /** «приказ от 18.09.2020 № 1006 «О реализации…»». */
  label: string;
  /** An order (приказ): offered first. */
  isOrder: boolean;
}

/** The registry documents of a municipality and its schools that may appoint its coordinators, orders first. */
export async function listOrderOptions(options: { scope: Scope; municipalityId: string }): Promise<OrderOption[]> {
  const municipality = await db().municipality.findFirst({
    where: { AND: [{ id: options.municipalityId }, municipalityWhere(options.scope)] },
    select: { id: true, regionId: true },
  });
  if (!municipality) throw notFound("Муниципальное образование не найдено.");
  const docs = await db().registryDocument.findMany({
    // A document naming a child is part of the child's records, never an appointment's order.
    where: { regionId: municipality.regionId, municipalityId: municipality.id, childData: false },
    orderBy: [{ date: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: 500,
    select: { id: true, type: true, date: true, number: true, title: true, status: true },
  });
  const options_ = docs.map((d) => {
    const title = d.title && d.title.length > 80 ? `${d.title.slice(0, 79)}…` : d.title;
    const label = [orderRequisites(d), title && `«${title}»`, d.status === "SUPERSEDED" && "(утратил силу)"].filter(Boolean).join(" ");
    return { id: d.id, label, isOrder: d.type.trim().toLowerCase() === "приказ" };
  });
  return [...options_.filter((o) => o.isOrder), ...options_.filter((o) => !o.isOrder)];
}
