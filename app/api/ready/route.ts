import { checkReadiness } from "@/lib/server/observability/check-readiness";

/** The balancer's readiness probe: 200 when this instance should get requests, else 503 (lib/server/observability/check-readiness.ts). */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.status === "ready" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

// Asked anew each time, never answered from a build-time render.
export const dynamic = "force-dynamic";
