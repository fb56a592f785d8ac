"use client";

import { ImportScreen } from "@/components/imports/import-screen";
import { buttonVariants } from "@/components/ui/button";
import { SCHOOL_FIELD_LABELS } from "@/lib/domain/directory/school-import-plan";
import { changesAnything } from "@/lib/domain/imports/import-flow";
import { type TSchoolImportRow, ZSchoolImportResult } from "@/lib/schemas/import";

const SCHOOL_FILE = {
  label: "Таблица школ (XLSX или CSV)",
  hint: "Столбцы: «№», «Наименование общеобразовательной организации», «Юридический адрес», «ФИО руководителя», «Контактный телефон». Школа с тем же наименованием обновится, новая — добавится; школы, которых нет в файле, останутся как есть. CSV — в UTF-8, UTF-16 или Windows-1251; заголовок, номера столбцов и подписи вокруг таблицы пропускаются.",
  accept: ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  missing: "Выберите файл: XLSX или CSV.",
};

/**
 * Imports the municipality's schools from a table in seed 001's columns (XLSX or
 * CSV): the preview says which schools are new and which change. Also the links
 * that download the current list in the same columns.
 */
export function SchoolImport({ municipalityId }: { municipalityId: string }) {
  const endpoint = `/api/municipalities/${municipalityId}/schools`;
  return (
    <ImportScreen
      endpoint={endpoint}
      schema={ZSchoolImportResult}
      label="Импорт школ"
      file={SCHOOL_FILE}
      before={() => (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span>Скачать список школ:</span>
          {(["xlsx", "csv"] as const).map((format) => (
            <a
              key={format}
              href={`${endpoint}?format=${format}`}
              className={buttonVariants({ variant: "outline", size: "sm" })}
              aria-label={`Скачать список школ в ${format.toUpperCase()}`}
            >
              {format.toUpperCase()}
            </a>
          ))}
        </div>
      )}
      columns={[
        { header: "Наименование", cell: (row) => row.name },
        { header: "Что будет", cell: actionText },
      ]}
      summary={(result) =>
        changesAnything(result)
          ? `Будет добавлено школ: ${result.created}, обновлено: ${result.updated}, без изменений: ${result.unchanged}.`
          : `Файл совпадает со справочником, менять нечего (строк без изменений: ${result.unchanged}).`
      }
      done={(result) =>
        `Импорт выполнен: новых школ — ${result.created}, обновлено — ${result.updated}, без изменений — ${result.unchanged}.`
      }
    />
  );
}

function actionText(row: TSchoolImportRow): string {
  if (row.action === "create") return "Новая школа";
  if (row.action === "unchanged") return "Без изменений";
  const changes = row.changes.map((c) => SCHOOL_FIELD_LABELS[c]).join(", ");
  return row.changes.includes("name") ? `Обновится (${changes}; было «${row.previousName}»)` : `Обновится (${changes})`;
}
