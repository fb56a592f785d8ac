import { describe, expect, it } from "vitest";
import { acceptedRequestId, isOperatorPath, metricRoute, routeLabel } from "@/lib/domain/observability/request-labels";

describe("the route a request's duration is recorded under", () => {
  it("takes ids out of the path so that one route is one series", () => {
    expect(routeLabel("/api/blanks/3f2b8c1e-9a4d-4c3e-8f10-2b7c9d1e5a60/answers")).toBe("/api/blanks/[id]/answers");
    expect(routeLabel("/blanks/42?tab=files")).toBe("/blanks/[id]");
    expect(routeLabel("/api/files/cmf0x1y2z0000abcd1234")).toBe("/api/files/[id]");
  });

  it("keeps the words of a route, the query left out", () => {
    expect(routeLabel("/api/exports/events?q=x")).toBe("/api/exports/events");
    expect(routeLabel("/")).toBe("/");
    expect(routeLabel("/login#form")).toBe("/login");
  });

  it("puts every build file and every icon under one label", () => {
    expect(routeLabel("/_next/static/chunks/app/page-0a1b2c.js")).toBe("/_next/[asset]");
    expect(routeLabel("/icons/icon-192.png")).toBe("/icons/[asset]");
  });
});

describe("the series a finished request is counted in", () => {
  it("is its route, but one for every address that was not found, whatever a scanner makes up", () => {
    expect(metricRoute(routeLabel("/api/files/42"), 401)).toBe("/api/files/[id]");
    expect(metricRoute(routeLabel("/wp-admin/setup-config.php"), 404)).toBe("[not found]");
    expect(metricRoute(routeLabel("/.env"), 404)).toBe("[not found]");
  });
});

describe("the operator endpoints a worker instance still answers", () => {
  it("are health, ready and metrics, with or without a query", () => {
    expect(isOperatorPath("/api/health")).toBe(true);
    expect(isOperatorPath("/api/ready?verbose=1")).toBe(true);
    expect(isOperatorPath("/api/metrics")).toBe(true);
    expect(isOperatorPath("/login")).toBe(false);
    expect(isOperatorPath("/api/health/../blanks")).toBe(false);
  });
});

describe("the balancer's request id", () => {
  it("is carried when it is a plain token", () => {
    expect(acceptedRequestId("3f2b8c1e-9a4d-4c3e-8f10-2b7c9d1e5a60")).toBe("3f2b8c1e-9a4d-4c3e-8f10-2b7c9d1e5a60");
    expect(acceptedRequestId(["lb-1:0042", "other"])).toBe("lb-1:0042");
  });

  it("is replaced when missing, too long or able to break a log line", () => {
    expect(acceptedRequestId(undefined)).toBeUndefined();
    expect(acceptedRequestId("")).toBeUndefined();
    expect(acceptedRequestId("a".repeat(129))).toBeUndefined();
    expect(acceptedRequestId('x" injected\nline')).toBeUndefined();
  });
});
