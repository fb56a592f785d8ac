"use client";

import { useId, useState } from "react";
import { ImportScreen } from "@/components/imports/import-screen";
import { buttonVariants } from "@/components/ui/button";
import { changesAnything } from "@/lib/domain/imports/import-flow";
import { type TStudentRecordImportRow, ZStudentRecordImportResult } from "@/lib/schemas/import";
import { RECORD_COLUMNS, RECORD_KIND_LABELS, RECORD_KINDS, type RecordKind } from "@/lib/domain/students/student-table";

const ENDPOINT = "/api/school/students/records";

const WHAT: Record<RecordKind, { of: string; hint: string }> = {
  students: {
    of: "обучающихся",
    hint: "Обучающийся с теми же ФИО и датой рождения обновится, новый — добавится; записи, которых нет в файле, останутся как есть. Даты — ДД.ММ.ГГГГ (или ячейки дат Excel).",
  },
  teachers: {
    of: "педагогов",
    hint: "Педагог с теми же ФИО и предметом обновится, новый — добавится. Курсы ПК — по одному в строке ячейки: «название; ДД.ММ.ГГГГ–ДД.ММ.ГГГГ; N ч.».",
  },
};

/**
 * Imports the school's students or teachers of a school year from a table (XLSX or
 * CSV): the preview says which records are new and which change. Also the links
 * that download the current records in the same columns.
 */
export function StudentRecordsImport({ schoolYear, organizationId }: { schoolYear: string; organizationId?: string }) {
  const kindName = useId();
  const [kind, setKind] = useState<RecordKind>("students");
  const { of, hint } = WHAT[kind];
  const columns = RECORD_COLUMNS[kind].map((c) => `«${c.header}»`).join(", ");
  const download = (format: string) =>
    `${ENDPOINT}?${new URLSearchParams({ kind, schoolYear, ...(organizationId ? { organizationId } : {}), format }).toString()}`;

  return (
    <ImportScreen
      endpoint={ENDPOINT}
      schema={ZStudentRecordImportResult}
      label={`Импорт ${of}`}
      file={{
        label: `Таблица ${of} (XLSX или CSV)`,
        hint: `Столбцы: ${columns}. ${hint} CSV — в UTF-8, UTF-16 или Windows-1251; заголовок, номера столбцов и подписи вокруг таблицы пропускаются.`,
        accept: ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        missing: "Выберите файл: XLSX или CSV.",
      }}
      data={{ kind, schoolYear, organizationId }}
      before={(controls) => (
        <>
          <fieldset className="flex flex-wrap items-center gap-4 text-sm">
            <legend className="sr-only">Что импортировать и выгружать</legend>
            {RECORD_KINDS.map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input
                  type="radio"
                  name={kindName}
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                    controls.reset();
                  }}
                />
                {RECORD_KIND_LABELS[k]}
              </label>
            ))}
          </fieldset>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span>
              Скачать список {of} за {schoolYear}:
            </span>
            {(["xlsx", "csv"] as const).map((format) => (
              <a
                key={format}
                href={download(format)}
                className={buttonVariants({ variant: "outline", size: "sm" })}
                aria-label={`Скачать список ${of} в ${format.toUpperCase()}`}
              >
                {format.toUpperCase()}
              </a>
            ))}
          </div>
        </>
      )}
      columns={[
        { header: "ФИО", cell: (row) => row.name },
        { header: "Что будет", cell: (row) => actionText(kind, row) },
      ]}
      summary={(result) =>
        changesAnything(result)
          ? `Будет добавлено записей: ${result.created}, обновлено: ${result.updated}, без изменений: ${result.unchanged}.`
          : `Файл совпадает с учётом, менять нечего (строк без изменений: ${result.unchanged}).`
      }
      done={(result) =>
        `Импорт выполнен: новых записей — ${result.created}, обновлено — ${result.updated}, без изменений — ${result.unchanged}.`
      }
    />
  );
}

function actionText(kind: RecordKind, row: TStudentRecordImportRow): string {
  if (row.action === "create") return "Новая запись";
  if (row.action === "unchanged") return "Без изменений";
  const header = (id: string) => RECORD_COLUMNS[kind].find((c) => c.id === id)?.header ?? id;
  return `Обновится (${row.changes.map(header).join(", ")})`;
}
