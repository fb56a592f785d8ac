import { redirect } from "next/navigation";
import { homePathFor } from "@/lib/scope";
import { getScope } from "@/lib/server/auth/get-scope";

export default async function Index() {
  const scope = await getScope();
  const first = scope?.memberships[0];
  redirect(first ? homePathFor(first.role) : "/login");
}
