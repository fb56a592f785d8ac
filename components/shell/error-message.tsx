"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** The id Next.js gives a server error, the same as in the server's log; a client error has none. */
function digestOf(error: unknown): string | null {
  const digest = error instanceof Error ? (error as Error & { digest?: unknown }).digest : undefined;
  return typeof digest === "string" ? digest : null;
}

/**
 * The words of an unexpected error ((app)/error.tsx in the shell, global-error.tsx instead of
 * the root layout). Never the error's message: it may hold someone's data. Only the digest,
 * which finds the error in the server's log, is shown and logged.
 */
export function ErrorMessage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = digestOf(error);
  useEffect(() => {
    console.error(`Страница не показана из-за ошибки${digest ? ` (код ${digest})` : ""}`);
  }, [digest]);
  return (
    <section aria-labelledby="error-title" className="max-w-xl space-y-3">
      <h1 id="error-title" className="text-2xl font-semibold">
        Что-то пошло не так
      </h1>
      <p>Страницу не удалось показать. Попробуйте ещё раз: часто этого достаточно.</p>
      <p>Если ошибка повторяется, сообщите администратору региона, что вы делали{digest ? ", и код ошибки" : ""}.</p>
      {digest && (
        <p>
          Код ошибки: <code className="rounded bg-muted px-1">{digest}</code>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4 pt-2">
        <Button type="button" onClick={retry}>
          Попробовать ещё раз
        </Button>
        {/* A full load, not the client router, which the error may have left broken. */}
        <a href="/" className="text-primary underline">
          На главную страницу
        </a>
      </div>
    </section>
  );
}
