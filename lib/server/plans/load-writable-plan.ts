import "server-only";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { planWhere, planWriteWhere } from "./plan-access";

type Tx = Pick<Prisma.TransactionClient, "plan">;

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A plan the caller may change. One they may only read is FORBIDDEN; one they
 * may not see at all is NOT_FOUND, like an id that does not exist.
 */
export async function loadWritablePlan(options: { scope: Scope; planId: string; tx?: Tx }) {
  const client = options.tx ?? db();
  const plan = await client.plan.findFirst({ where: { AND: [{ id: options.planId }, planWhere(options.scope)] } });
  if (!plan) throw notFound("План не найден.");
  const writable = await client.plan.count({ where: { AND: [{ id: plan.id }, planWriteWhere(options.scope)] } });
  if (!writable) throw new AppError("FORBIDDEN", "Этот план вы можете только просматривать.");
  return { ...plan, range: { schoolYear: plan.schoolYear, startsOn: day(plan.startsOn), endsOn: day(plan.endsOn) } };
}
