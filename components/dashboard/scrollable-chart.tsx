import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A chart as one image for assistive technology (the table next to it holds the same numbers).
 * A phone scrolls the picture sideways rather than squeezing its labels: the image takes focus to be scrolled.
 */
export function ScrollableChart(props: { labelledBy: string; describedBy: string; minWidth: string; children: ReactNode }) {
  return (
    <div
      role="img"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled box must take focus to be scrolled from the keyboard
      tabIndex={0}
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      className="relative overflow-x-auto"
    >
      <div className={cn(props.minWidth)}>{props.children}</div>
    </div>
  );
}
