import { describe, expect, it } from "vitest";
import { describeAnswer } from "@/lib/schemas/blank";
import { MUNICIPAL_BLANK, SCHOOL_BLANK } from "@/lib/seed-data/blanks";
import { authorityOf, demoAnswers, demoRequisites } from "@/lib/seed-data/demo-answers";

const SLAVYANSKY = authorityOf("Славянский район");
const texts = (answers: ReturnType<typeof demoAnswers>) =>
  answers.map((a) => describeAnswer(a.value).text).filter((t) => t.includes(" от "));

describe("the demo's document requisites", () => {
  it("name an order's issuer in the genitive, as seed 004 does, and its subject capitalised", () => {
    expect(SLAVYANSKY).toBe("Управления образования администрации муниципального образования Славянский район");
    const order = { kind: "DOCUMENT" as const, present: true, date: "2021-11-17", number: "149-од", fileId: null };
    expect(describeAnswer({ ...order, ...demoRequisites("-об организации работы БШ", SLAVYANSKY, "2021-11-17") }).text).toBe(
      "Приказ Управления образования администрации муниципального образования Славянский район от 17.11.2021 №149-од «Об организации работы БШ»",
    );
  });

  it("name an agreement or a regulation by its subject, approve a plan by an order and date it by the school year", () => {
    expect(demoRequisites("- между БШ и школами по месту жительства ¹", "МБОУ СОШ № 1", "2021-08-10")).toEqual({
      docType: "Соглашение",
      issuer: "",
      title: "О сетевом взаимодействии между БШ и школами по месту жительства",
    });
    expect(
      demoRequisites("- о центре дистанционного образования базовой общеобразовательной организации", "МБОУ СОШ № 1", "2021-08-10"),
    ).toMatchObject({
      docType: "Положение",
      issuer: "",
      title: "О центре дистанционного образования базовой общеобразовательной организации",
    });
    expect(demoRequisites("План работы", SLAVYANSKY, "2021-09-01").title).toBe("Об утверждении плана работы МЦДО на 2021/2022 учебный год");
    expect(demoRequisites("Отчет о выполнении", SLAVYANSKY, "2021-08-15")).toMatchObject({
      docType: "Отчет",
      title: "О выполнении плана работы МЦДО за 2020/2021 учебный год",
    });
    expect(demoRequisites("Отчет о выполнении", SLAVYANSKY, "2022-03-01").title).toBe(
      "О выполнении плана работы МЦДО за 2020/2021 учебный год",
    );
  });

  it("never leave an issuer in the nominative after the kind, nor a title in lower case", () => {
    const all = [
      ...texts(demoAnswers(MUNICIPAL_BLANK.content, SLAVYANSKY, 3)),
      ...texts(demoAnswers(SCHOOL_BLANK.content, "МБОУ СОШ № 1", 3)),
    ];
    expect(all.length).toBeGreaterThan(6);
    for (const text of all) {
      expect(text).not.toMatch(/Управление образования/);
      expect(text).not.toMatch(/«\p{Ll}/u);
    }
  });
});
