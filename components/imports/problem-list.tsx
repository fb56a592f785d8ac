import { Alert } from "@/components/ui/alert";
import type { TImportProblem } from "@/lib/schemas/import";
import { type ImportColumn, ImportTable } from "./import-table";

/** So many problems are shown; the rest are counted. */
const SHOWN_PROBLEMS = 100;

const PROBLEM_COLUMNS: ImportColumn<TImportProblem>[] = [
  { header: "Строка", cell: (problem) => problem.row ?? "—", numeric: true },
  { header: "Столбец", cell: (problem) => problem.column ?? "—" },
  { header: "Ошибка", cell: (problem) => problem.message },
];

/**
 * Why a file was refused: an alert that says nothing changed, then each problem by
 * its row and column, as a table or as a list of sentences («Строка 5, «Муниципалитет»: …»).
 */
export function ProblemList({ errors, layout }: { errors: TImportProblem[]; layout: "table" | "list" }) {
  const shown = errors.slice(0, SHOWN_PROBLEMS);
  return (
    <div className="space-y-3">
      <Alert>Файл не импортирован: ошибок — {errors.length}. Исправьте их в файле и загрузите его снова; ничего не изменено.</Alert>
      {layout === "table" ? (
        <ImportTable caption="Ошибки в файле" columns={PROBLEM_COLUMNS} rows={shown} rowKey={(_, i) => i} />
      ) : (
        <ul aria-label="Ошибки в файле" className="list-disc space-y-1 pl-6 text-sm">
          {shown.map((error, i) => (
            <li key={i}>{problemText(error)}</li>
          ))}
        </ul>
      )}
      {errors.length > SHOWN_PROBLEMS && <p className="text-sm text-muted-foreground">…и ещё {errors.length - SHOWN_PROBLEMS}.</p>}
    </div>
  );
}

/** «Строка 5, «Муниципалитет»: …»; a problem of the whole file names no row. */
function problemText(problem: TImportProblem): string {
  const where = [problem.row !== null ? `Строка ${problem.row}` : null, problem.column ? `«${problem.column}»` : null]
    .filter(Boolean)
    .join(", ");
  return where ? `${where}: ${problem.message}` : problem.message;
}
