"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { ImportScreen } from "@/components/imports/import-screen";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { parseSchoolYear } from "@/lib/domain/plans/school-year";
import { type TRoadmapImportResult, type TRoadmapImportRow, ZRoadmapImportResult } from "@/lib/schemas/import";

const ACCEPT = [
  ".md,.markdown,.txt,.csv,.xlsx,.docx,text/markdown,text/plain,text/csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
].join(",");
const ACTION_LABELS: Record<TRoadmapImportRow["action"], string> = { create: "добавится", update: "обновится" };

/**
 * Imports a roadmap execution report (seed 002): the preview says which events are
 * added and which are updated, how each date was read. The chosen file and school
 * year stay in the form on errors, so the user can fix and retry.
 */
export function ImportRoadmapForm({ maxBytes }: { maxBytes: number }) {
  const yearId = useId();
  const [schoolYear, setSchoolYear] = useState("");
  const [yearError, setYearError] = useState<string | undefined>();

  /** What the server would refuse anyway, said next to the field. */
  function checkYear(): boolean {
    const year = schoolYear.trim();
    const bad = year !== "" && parseSchoolYear(year) === null;
    setYearError(bad ? "Учебный год пишется как 2020/2021." : undefined);
    return !bad;
  }

  return (
    <ImportScreen
      endpoint="/api/plans/import"
      schema={ZRoadmapImportResult}
      label="Импорт дорожной карты"
      checkLabel="Проверить"
      file={{
        label: "Файл отчёта (Word, XLSX, CSV или Markdown)",
        hint: `До ${maxBytes / 1024 / 1024} МБ.`,
        accept: ACCEPT,
        missing: "Выберите файл: документ Word (.docx), XLSX, CSV или Markdown (.md, .txt).",
        maxBytes,
      }}
      data={{ schoolYear: schoolYear.trim() || undefined }}
      checkFields={checkYear}
      fieldsClassName="grid gap-4 sm:grid-cols-[12rem_1fr]"
      fields={(controls) => (
        <Field id={yearId} label="Учебный год (необязательно)" hint="Например, 2020/2021. Без него — из заголовка файла." error={yearError}>
          <Input
            inputMode="numeric"
            autoComplete="off"
            placeholder="2020/2021"
            value={schoolYear}
            {...fieldAria(yearId, yearError)}
            onChange={(event) => {
              setSchoolYear(event.target.value);
              setYearError(undefined);
              controls.edit();
            }}
          />
        </Field>
      )}
      columns={[
        { header: "Муниципалитет", cell: (row) => row.municipality },
        { header: "Мероприятие", cell: (row) => row.title },
        { header: "Сроки (как прочитаны)", cell: (row) => row.timing },
        { header: "Ответственные", cell: (row) => (row.people.length ? row.people.join(", ") : "—") },
        { header: "Документов", cell: (row) => row.documents, numeric: true },
        { header: "Действие", cell: (row) => ACTION_LABELS[row.action] },
      ]}
      summary={(result) =>
        `Добавится: ${result.imported}, обновится: ${result.updated}. Документов: будет связано ${result.documentsLinked}, из них будет добавлено в реестр ${result.documentsCreated}.`
      }
      done={(result) => <Done result={result} />}
      problems="list"
      noAnswer="Не удалось отправить файл: сервер не ответил. Попробуйте ещё раз — выбранный файл сохранён."
    />
  );
}

/**
 * The plans the import wrote to, named by municipality: the import creates one
 * roadmap per municipality in the order the rows first name them, so the rows'
 * municipalities, in that order, name planIds.
 */
function Done({ result }: { result: TRoadmapImportResult }) {
  const municipalities = [...new Set(result.rows.map((r) => r.municipality))];
  const named = municipalities.length === result.planIds.length;
  return (
    <>
      <p>
        Импорт выполнен: добавлено мероприятий — {result.imported}, обновлено — {result.updated}; документов связано —{" "}
        {result.documentsLinked}, из них добавлено в реестр — {result.documentsCreated}.
      </p>
      <ul className="list-disc space-y-1 pl-6">
        {result.planIds.map((id, i) => (
          <li key={id}>
            <Link href={`/plans/${id}`} className="text-primary underline">
              {named ? `Дорожная карта: ${municipalities[i]}` : `Дорожная карта ${i + 1}`}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
