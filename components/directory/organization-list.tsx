import Link from "next/link";
import { Badge } from "@/components/ui/badge";

export const ORGANIZATION_KIND_LABELS = {
  SCHOOL: "Школа",
  REGIONAL_CENTER: "Региональный центр",
  MUNICIPAL_CENTER: "Муниципальный центр",
  EDUCATION_AUTHORITY: "Орган управления образованием",
} as const;

export interface OrganizationListItem {
  id: string;
  name: string;
  kind: keyof typeof ORGANIZATION_KIND_LABELS;
  isBaseSchool: boolean;
  headName: string | null;
  phone: string | null;
}

export function OrganizationList({ items }: { items: OrganizationListItem[] }) {
  if (items.length === 0) return <p className="text-muted-foreground">Организаций нет.</p>;
  return (
    <ul className="divide-y divide-border">
      {items.map((o) => (
        <li key={o.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
          <Link href={`/organizations/${o.id}`} className="text-primary hover:underline">
            {o.name}
          </Link>
          <Badge>{ORGANIZATION_KIND_LABELS[o.kind]}</Badge>
          {o.isBaseSchool && <Badge>БШ</Badge>}
          {o.headName && <span className="text-sm text-muted-foreground">{o.headName}</span>}
        </li>
      ))}
    </ul>
  );
}
