"use client";

import { ErrorMessage } from "@/components/shell/error-message";

/** An unexpected error of a page inside the shell: the header stays, the page's place says what to do. */
export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage error={error} retry={retry} />;
}
