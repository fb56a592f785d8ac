import { NotFoundMessage } from "@/components/shell/not-found-message";

/** notFound() outside the app's shell (the sign-in page's segment); inside it, (app)/not-found.tsx. */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <NotFoundMessage />
    </main>
  );
}
