import { NotFoundMessage } from "@/components/shell/not-found-message";

/** notFound() of a page inside the shell, and every address no page answers ([...missing]/page.tsx). */
export default function AppNotFound() {
  return <NotFoundMessage />;
}
