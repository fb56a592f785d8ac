import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { toResponse } from "@/lib/server/http/to-response";
import { runInRequest } from "@/lib/server/observability/request-context";

describe("a route handler's error as its answer", () => {
  it("is a 500 naming the request's id when the server failed, so that the user's report can be found in the log", async () => {
    const response = runInRequest({ requestId: "lb-42" }, () => toResponse(new Error("connection terminated unexpectedly")));
    expect(response.status).toBe(500);
    const body = (await response.json()) as { requestId: string; error: { code: string; message: string } };
    expect(body.requestId).toBe("lb-42");
    expect(body.error.code).toBe("INTERNAL");
    expect(body.error.message).toContain("lb-42");
    expect(JSON.stringify(body)).not.toContain("connection terminated");
  });

  it("stays the user's own error, in Russian, when it is one", async () => {
    const response = runInRequest({ requestId: "lb-43" }, () => toResponse(new AppError("NOT_FOUND", "Запись не найдена.")));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "Запись не найдена.", fieldErrors: {} } });
  });
});
