import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="mb-3 text-2xl font-semibold">404 — страница не найдена</h1>
      <p className="mb-6">Такой страницы нет или она вам недоступна.</p>
      <Link href="/" className="text-primary underline">
        На главную страницу
      </Link>
    </main>
  );
}
