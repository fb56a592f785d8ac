"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * The acknowledgement after a decision (the page arrives with `?done=…`): shown at the top by the
 * status, scrolled to and focused so it is read; the address loses the parameter, so a reload or a
 * shared link does not repeat it.
 */
export function SuccessNotice({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    window.scrollTo({ top: 0 });
    ref.current?.focus({ preventScroll: true });
    window.history.replaceState(window.history.state, "", pathname);
  }, [pathname]);
  return (
    <div
      ref={ref}
      role="status"
      tabIndex={-1}
      className="rounded-md border border-emerald-700/40 bg-emerald-50 px-4 py-3 text-sm text-emerald-950 outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      {children}
    </div>
  );
}
