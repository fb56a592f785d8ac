import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="mb-3 text-2xl font-semibold">403 — доступ запрещён</h1>
      <p className="mb-6">У вашей учётной записи нет прав на эту страницу.</p>
      <Link href="/" className="text-primary underline">
        На главную страницу
      </Link>
    </main>
  );
}
