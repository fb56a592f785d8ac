import { describe, expect, it, vi } from "vitest";
import { SIGN_IN_MESSAGES } from "@/lib/domain/auth/sign-in-throttle";
import { authOptions } from "@/lib/server/auth/options";

vi.mock("@/lib/server/auth/attempt-sign-in", () => ({
  attemptSignIn: vi.fn().mockRejectedValue(new Error("connect ECONNREFUSED 10.0.0.7:5432")),
}));

describe("a sign-in the database cannot check", () => {
  it("tells the form to try again later, and nothing about why", async () => {
    const { authorize } = authOptions().providers[0]!.options as {
      authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;
    };
    const error = await authorize({ email: "someone@school.ru", password: "some-password" }, { headers: {} }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(SIGN_IN_MESSAGES.FAILED);
    expect(SIGN_IN_MESSAGES.FAILED).toBe("Не удалось войти. Повторите попытку позже.");
  });
});
