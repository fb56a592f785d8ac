import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Alert({ className, tone = "error", ...props }: ComponentProps<"div"> & { tone?: "error" | "info" }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md border px-4 py-3 text-sm",
        tone === "error" ? "border-destructive/40 bg-destructive/10 text-destructive" : "border-border bg-muted",
        className,
      )}
      {...props}
    />
  );
}
