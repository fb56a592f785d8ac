import { AppError, type FieldErrors } from "@/lib/errors";

/**
 * One thing wrong with an imported template file: `field` is the key for forms
 * ("content.items.0.kind", "Бланк!F5"), `where` says the same to a person.
 */
export interface TemplateProblem {
  field: string;
  where: string;
  message: string;
}

/** The message names the first few problems; fieldErrors carries them all. */
const NAMED_IN_MESSAGE = 5;

export function refuseTemplate(problems: readonly TemplateProblem[]): AppError {
  const named = problems.slice(0, NAMED_IN_MESSAGE).map((p) => `${p.where}: ${p.message}`);
  const rest = problems.length - named.length;
  const fieldErrors: FieldErrors = {};
  for (const problem of problems) (fieldErrors[problem.field] ??= []).push(problem.message);
  const more = rest > 0 ? `; и ещё ${rest}` : "";
  return new AppError("VALIDATION", `Шаблон не принят: ${named.join("; ")}${more}`, fieldErrors);
}
