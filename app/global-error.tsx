"use client";

import "./globals.css";
import { ErrorMessage } from "@/components/shell/error-message";

/** An error of the root layout itself: this replaces it, so it brings its own document, language and styles. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="ru">
      <body className="min-h-screen font-sans">
        <title>Ошибка — Методаудит</title>
        <main className="mx-auto max-w-xl px-6 py-16">
          <ErrorMessage error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
