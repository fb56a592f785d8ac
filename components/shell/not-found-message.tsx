import Link from "next/link";

/** The 404's words, in the app's shell ((app)/not-found.tsx) and outside it (app/not-found.tsx). */
export function NotFoundMessage() {
  return (
    <section aria-labelledby="not-found-title" className="max-w-xl space-y-3">
      <h1 id="not-found-title" className="text-2xl font-semibold">
        404 — страница не найдена
      </h1>
      <p>Такой страницы нет или она вам недоступна: ссылка могла устареть, а запись — быть удалена.</p>
      <p>Проверьте адрес или начните с главной страницы: с неё открываются все разделы, доступные вашей роли.</p>
      <p>
        <Link href="/" className="text-primary underline">
          На главную страницу
        </Link>
      </p>
    </section>
  );
}
