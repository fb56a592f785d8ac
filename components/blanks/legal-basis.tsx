import type { TLegalBasis } from "@/lib/schemas/template";

export function LegalBasis({ bases }: { bases: TLegalBasis[] }) {
  if (bases.length === 0) return null;
  return (
    <p className="text-xs text-muted-foreground">
      <span className="font-medium">Основание: </span>
      {bases.map((b) => b.text).join("; ")}
    </p>
  );
}
