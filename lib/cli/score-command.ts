import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { readAnswersFile, ZFileDate } from "@/lib/domain/scoring/answers-file";
import { scoreBlank } from "@/lib/domain/scoring/score-blank";
import { parseJson, templateFromJson } from "@/lib/domain/templates/template-json";

const refuse = (file: string, detail: string) => new AppError("VALIDATION", `${file}: ${detail}`);

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw refuse(file, "файл не найден или не читается");
  }
}

/**
 * `score --template <file.json> --answers <file.json> [--campaign-date YYYY-MM-DD]`:
 * scores one blank offline. Needs no database.
 */
export async function scoreCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { template: { type: "string" }, answers: { type: "string" }, "campaign-date": { type: "string" } },
    strict: true,
  });
  if (!values.template || !values.answers) throw new AppError("VALIDATION", "score needs --template <file.json> and --answers <file.json>");
  const campaignDate = values["campaign-date"];
  const date = campaignDate === undefined ? undefined : ZFileDate.safeParse(campaignDate);
  if (date?.success === false) throw new AppError("VALIDATION", `--campaign-date: ${date.error.issues[0]!.message}`);

  let template: ReturnType<typeof templateFromJson>;
  try {
    template = templateFromJson(await readBytes(values.template));
  } catch (error) {
    throw error instanceof AppError && !error.message.startsWith(values.template) ? refuse(values.template, error.message) : error;
  }
  let json: unknown;
  try {
    json = parseJson((await readBytes(values.answers)).toString("utf8"));
  } catch (error) {
    throw error instanceof AppError && !error.message.startsWith(values.answers) ? refuse(values.answers, error.message) : error;
  }
  const read = readAnswersFile(template.content, json);
  if (!read.ok) throw refuse(values.answers, read.problems.map((p) => `${p.path}: ${p.message}`).join("; "));

  const result = scoreBlank(template.content, read.answers, { campaignDate: campaignDate ?? read.campaignDate });
  return {
    score: result.score,
    grade: result.grade,
    sections: result.sections.map((s) => ({ number: s.number, score: s.score })),
    findings: result.findings.map((f) => ({
      itemNumber: f.itemNumber,
      status: f.status,
      severity: f.severity,
      legalBasis: f.legalBasis,
      recommendation: f.recommendation,
    })),
  };
}
