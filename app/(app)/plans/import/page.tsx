import type { Metadata } from "next";
import Link from "next/link";
import { ImportRoadmapForm } from "@/components/plans/import-roadmap-form";
import { PageTitle } from "@/components/shell/page-title";
import { Card, CardTitle } from "@/components/ui/card";
import { MAX_ROADMAP_FILE_BYTES } from "@/lib/domain/plans/roadmap-file";
import { ROADMAP_COLUMNS } from "@/lib/domain/plans/roadmap-table";
import { requireScope } from "@/lib/server/auth/with-scope";
import { ROADMAP_WRITERS } from "@/lib/roles";

export const metadata: Metadata = { title: "Импорт дорожной карты" };

const MAX_MB = MAX_ROADMAP_FILE_BYTES / 1024 / 1024;

/** Importing a municipal roadmap execution report (seed 002) into the municipalities' roadmaps. */
export default async function ImportRoadmapPage() {
  await requireScope({ role: ROADMAP_WRITERS });
  return (
    <>
      <p className="text-sm">
        <Link href="/plans" className="text-primary underline">
          ← К планам
        </Link>
      </p>
      <PageTitle
        crumbs={[{ label: "Планы", href: "/plans" }, { label: "Импорт дорожной карты" }]}
        title="Импорт дорожной карты"
        subtitle="Отчёт о выполнении мероприятий муниципальной дорожной карты: мероприятия попадают в дорожную карту муниципалитета на учебный год."
      />
      <Card aria-labelledby="roadmap-layout-title">
        <CardTitle id="roadmap-layout-title">Как должен выглядеть файл</CardTitle>
        <div className="space-y-3 text-sm">
          <p>Таблица со столбцами (порядок может быть любым, обязательны «Муниципалитет», мероприятие и дата проведения):</p>
          <ol className="list-decimal space-y-1 pl-6">
            {ROADMAP_COLUMNS.map((c) => (
              <li key={c.id}>{c.header}</li>
            ))}
          </ol>
          <ul className="list-disc space-y-1 pl-6">
            <li>
              Над таблицей может стоять заголовок отчёта: учебный год берётся из него (например, «… на 2020-2021 учебный год …»), если не
              указан в форме.
            </li>
            <li>
              Строка-пояснение под заголовками столбцов (курсивом или номера столбцов «1 2 3 …»), подписи и примечания под таблицей
              пропускаются; проверка перечисляет их.
            </li>
            <li>
              Форматы: Markdown (.md, .txt), CSV (UTF-8, UTF-16 или Windows-1251; разделитель «;», «,» или табуляция), XLSX (лист с таблицей
              находится сам, а если их несколько — проверка спросит какой); размер — до {MAX_MB} МБ.
            </li>
            <li>Импортируются все строки или ни одной: при любой ошибке ничего не меняется.</li>
            <li>
              Тот же файл, загруженный повторно, обновляет мероприятия, а не дублирует их: мероприятие узнаётся по названию в дорожной карте
              муниципалитета.
            </li>
            <li>
              Документы из последнего столбца связываются с реестром документов по реквизитам; документы, которых там нет, добавляются в
              реестр.
            </li>
          </ul>
        </div>
      </Card>
      <Card aria-labelledby="roadmap-upload-title">
        <CardTitle id="roadmap-upload-title">Загрузка файла</CardTitle>
        <ImportRoadmapForm maxBytes={MAX_ROADMAP_FILE_BYTES} />
      </Card>
    </>
  );
}
