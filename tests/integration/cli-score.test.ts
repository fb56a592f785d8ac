import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MUNICIPAL_BLANK } from "@/lib/seed-data/blanks";
import { runCli } from "../support/cli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "score-"));
const write = (name: string, content: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
};
const template = write("template.json", MUNICIPAL_BLANK);

const score = (...args: string[]) => runCli(["score", ...args]);

describe("cli score", () => {
  it("scores a blank from the template export and an answers file", () => {
    const answers = write("answers.json", {
      campaignDate: "2022-12-06",
      answers: [
        {
          item: MUNICIPAL_BLANK.content.items[0]!.children[0]!.children[0]!.key,
          value: { kind: "DOCUMENT", present: true, date: "2022-08-30", number: "512-од" },
          mark: "MATCHES",
        },
        {
          item: MUNICIPAL_BLANK.content.items[0]!.children[0]!.children[1]!.key,
          value: { kind: "DOCUMENT", present: true, date: "2022-08-30", number: "513-од" },
          mark: "MATCHES",
        },
        { item: "1.2.1", value: { kind: "DOCUMENT", present: false }, mark: "MATCHES" },
        { item: "1.2.2", value: { kind: "DOCUMENT", present: true, date: "2022-06-01", number: "15" }, mark: "MATCHES" },
        { item: "2.1", value: { kind: "COUNT", count: 2 }, mark: "PARTIAL" },
        { item: "2.2", value: { kind: "DOCUMENT", present: true, date: "2021-01-10", number: "1" }, mark: "MATCHES" },
        { item: "2.3", value: { kind: "COUNT", count: 14 }, mark: "MATCHES" },
        { item: "2.3.1", value: { kind: "PRESENCE", present: true }, mark: "NOT_APPLICABLE" },
      ],
    });
    const result = score("--template", template, "--answers", answers);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    // 9 items, 2.3.1 not applicable: (4 compliant + 2.1 half) of 8, with 2.3.2 unanswered.
    expect(json.score).toBe(56.3);
    expect(json.grade).toBe("не соответствует");
    expect(json.sections).toEqual([
      { number: "1.", score: 75 },
      { number: "1.1", score: 100 },
      { number: "1.2", score: 50 },
      { number: "2.", score: 37.5 },
    ]);
    expect(
      json.findings.map((f: { itemNumber: string; status: string; severity: string }) => [f.itemNumber, f.status, f.severity]),
    ).toEqual([
      ["1.2.1", "ABSENT", "HIGH"],
      ["2.1", "PARTIAL", "MEDIUM"],
      ["2.2", "OUTDATED", "MEDIUM"],
      ["2.3.2", "NOT_ANSWERED", "LOW"],
    ]);
    expect(Object.keys(json.findings[0]).sort()).toEqual(["itemNumber", "legalBasis", "recommendation", "severity", "status"]);
    // The campaign date on the command line wins over the file's.
    const later = JSON.parse(score("--template", template, "--answers", answers, "--campaign-date", "2021-06-01").stdout);
    expect(later.findings.map((f: { itemNumber: string }) => f.itemNumber)).not.toContain("2.2");
  });

  it.each([
    [
      "an ambiguous number",
      { answers: [{ item: "1.1.1", value: null }] },
      /answers\.json: answers\.0\.item: номер «1\.1\.1» встречается в шаблоне 2 раза/,
    ],
    ["an unknown item", { answers: [{ item: "9.9", value: null }] }, /answers\.json: answers\.0\.item: в шаблоне нет пункта «9\.9»/],
    [
      "a wrong kind",
      { answers: [{ item: "2.1", value: { kind: "PRESENCE", present: true } }] },
      /answers\.0\.value\.kind: пункт 2\.1 ждёт ответ вида «COUNT»/,
    ],
    [
      "a fractional count",
      { answers: [{ item: "2.1", value: { kind: "COUNT", count: 1.5 } }] },
      /answers\.0\.value\.count: Численность — целое число\./,
    ],
    ["broken JSON", '{ "answers": [ ', /answers\.json: Файл не читается как JSON: ошибка синтаксиса/],
  ])("refuses %s, naming the file, the path and the problem, and prints nothing", (_, content, message) => {
    const result = score("--template", template, "--answers", write("answers.json", content));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
  });

  it("refuses a date in the answers file naming the file's format, ГГГГ-ММ-ДД, not the screen's, once per date", () => {
    const result = score(
      "--template",
      template,
      "--answers",
      write("answers.json", {
        campaignDate: "06.12.2022",
        answers: [{ item: "1.2.2", value: { kind: "DOCUMENT", present: true, date: "01.06.2022", number: "15" } }],
      }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const format = "Дата должна быть в формате ГГГГ-ММ-ДД (например, 2022-06-01).";
    expect(result.stderr).toContain(`answers.json: campaignDate: ${format}; answers.0.value.date: ${format}\n`);
    expect(result.stderr).not.toContain("ДД.ММ.ГГГГ");
    // A date that does not exist is named, on the command line as in the file.
    const file = score("--template", template, "--answers", write("answers.json", { campaignDate: "2022-02-30", answers: [] }));
    expect(file.stderr).toContain("answers.json: campaignDate: Такой даты не бывает: «2022-02-30».");
    const option = score("--template", template, "--answers", write("answers.json", { answers: [] }), "--campaign-date", "2022-02-30");
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("--campaign-date: Такой даты не бывает: «2022-02-30».");
  });

  it("refuses a file of the wrong shape in Russian, naming the marks it takes", () => {
    const result = score(
      "--template",
      template,
      "--answers",
      write("answers.json", { answers: [{ item: "2.2", value: [] }, { item: "2.3", mark: "OK" }, { value: null }] }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      [
        "answers.0.value: Значение должно быть объектом, а не массивом.",
        "answers.1.mark: Отметка — одна из: «MATCHES» (соответствует), «MISMATCH» (не соответствует), «PARTIAL» (частично), «NOT_APPLICABLE» (не применимо).",
        "answers.2.item: Обязательное поле.",
      ].join("; "),
    );
  });

  it("refuses a broken template file by name and path", () => {
    const broken = structuredClone(MUNICIPAL_BLANK) as unknown as { content: { items: { kind: string }[] } };
    broken.content.items[0]!.kind = "QUIZ";
    const result = score("--template", write("broken.json", broken), "--answers", write("answers.json", { answers: [] }));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/broken\.json: .*content\.items\.0\.kind/);
  });
});
