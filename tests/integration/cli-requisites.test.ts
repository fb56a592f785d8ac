import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli";

const cli = (...args: string[]) => runCli(["parse-requisites", ...args]);

describe("cli parse-requisites", () => {
  it("prints the requisites of a document as JSON", () => {
    const result = cli("Письмо департамента образования муниципального образования город Краснодар от 27.04.2021 №3121/30");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      type: "письмо",
      issuer: "департамента образования муниципального образования город Краснодар",
      date: "2021-04-27",
      number: "3121/30",
      title: null,
    });
  });

  it("prints every document of a list", () => {
    const result = cli(
      "--list",
      'Протокол совещания от 30.11.2020 года Приказ МКУ КНМЦ от 12.03.2021 №52-П "О проведении методического аудита"',
    );
    expect(JSON.parse(result.stdout).map((d: { number: string | null }) => d.number)).toEqual([null, "52-П"]);
  });

  it("takes the document's own number, not the one in an organisation's name", () => {
    const result = cli("Договор о сотрудничестве между МАДОУ детский сад № 15 и МБУ ДО ЦДТ от 02.02.2022 № 7-д");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      type: "договор",
      issuer: null,
      date: "2022-02-02",
      number: "7-д",
      title: "о сотрудничестве между МАДОУ детский сад № 15 и МБУ ДО ЦДТ",
    });
  });

  it("prints the approving order as a document of its own with --list, and keeps it apart without", () => {
    const text = "Положение о школьном координаторе, утв. приказом управления образования от 18.09.2020 № 1006";
    const regulation = { type: "положение", issuer: "управления образования", date: null, number: null, title: "о школьном координаторе" };
    expect(JSON.parse(cli(text).stdout)).toEqual(regulation);
    const list = cli("--list", text);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      regulation,
      { type: "приказ", issuer: "управления образования", date: "2020-09-18", number: "1006", title: null },
    ]);
  });

  it("refuses an impossible date or no document with exit code 1 and says why", () => {
    for (const [text, message] of [
      ["Приказ от 31.02.2021 № 5", "Дата «31.02.2021» не существует."],
      ["Совещание руководителей", "Не распознан вид документа"],
    ]) {
      const result = cli(text!);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(message);
    }
  });
});
