import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { getOrganization } from "@/lib/server/directory/get-organization";
import { ORGANIZATION_KIND_LABELS } from "./organization-list";

type Organization = Awaited<ReturnType<typeof getOrganization>>;

export function OrganizationCard({ organization: o, linkMunicipality }: { organization: Organization; linkMunicipality: boolean }) {
  return (
    <Card>
      <div className="mb-4 flex flex-wrap gap-2">
        <Badge>{ORGANIZATION_KIND_LABELS[o.kind]}</Badge>
        {o.isBaseSchool && <Badge>Базовая школа (БШ)</Badge>}
        {o.isLowResults && <Badge>ШНОР</Badge>}
        {o.isDifficultConditions && <Badge>ШССУ</Badge>}
      </div>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium">Регион</dt>
        <dd>
          {o.region.code} — {o.region.name}
        </dd>
        <dt className="font-medium">Муниципальное образование</dt>
        <dd>
          {o.municipality ? (
            linkMunicipality ? (
              <Link href={`/municipalities/${o.municipality.id}`} className="text-primary hover:underline">
                {o.municipality.name}
              </Link>
            ) : (
              o.municipality.name
            )
          ) : (
            "—"
          )}
        </dd>
        <dt className="font-medium">Юридический адрес</dt>
        <dd>
          {o.addresses.length === 0
            ? "—"
            : o.addresses.map((a, i) => (
                <p key={i}>
                  {a.label && <span className="font-medium">{a.label}: </span>}
                  {a.address}
                </p>
              ))}
        </dd>
        <dt className="font-medium">Руководитель</dt>
        <dd>{o.headName ?? "—"}</dd>
        <dt className="font-medium">Телефон</dt>
        <dd>{o.phone ?? "—"}</dd>
      </dl>
    </Card>
  );
}
