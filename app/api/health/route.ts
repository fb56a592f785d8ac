/** The balancer's liveness probe: 200 while the process answers at all, stopping or not (see /api/ready). */
export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}

// Asked anew each time, never answered from a build-time render.
export const dynamic = "force-dynamic";
