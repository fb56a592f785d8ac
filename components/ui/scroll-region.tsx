import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * The box of a table wider or longer than the screen: a region named by the table's
 * caption, which keyboard users can focus to scroll (axe: scrollable-region-focusable).
 * It is the containing block of what is absolutely placed inside (the sr-only texts of the
 * cells), which would otherwise stretch the page sideways. On paper it prints whole.
 */
export function ScrollRegion(props: { labelledBy: string; className?: string; children: ReactNode }) {
  return (
    <section
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled box must take focus to be scrolled from the keyboard
      tabIndex={0}
      aria-labelledby={props.labelledBy}
      className={cn(
        "relative rounded-md border border-border bg-background",
        props.className,
        "print:max-h-none print:overflow-visible print:border-0",
      )}
    >
      {props.children}
    </section>
  );
}
