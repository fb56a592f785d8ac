import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorMessage } from "@/components/shell/error-message";

const shown = (error: unknown) => renderToStaticMarkup(createElement(ErrorMessage, { error, retry: () => {} }));

describe("the page of an unexpected error", () => {
  it("says in Russian what happened and what to do, with a retry and a way home", () => {
    const html = shown(new Error("boom"));
    expect(html).toContain("Что-то пошло не так");
    expect(html).toContain("Попробовать ещё раз");
    expect(html).toContain('href="/"');
  });

  it("never shows the error's message, which may hold someone's data; only the digest that finds it in the server's log", () => {
    const error = Object.assign(new Error("Иванова Мария Петровна, 12.03.2012: нарушено ограничение"), { digest: "2417893650" });
    const html = shown(error);
    expect(html).not.toContain("Иванова");
    expect(html).not.toContain("ограничение");
    expect(html).toContain("Код ошибки: <code");
    expect(html).toContain("2417893650");
    expect(shown(new Error("Иванова"))).not.toContain("Код ошибки");
    expect(shown("Иванова")).not.toContain("Иванова");
  });
});
