import { describe, expect, it } from "vitest";
import { monthLabel, schoolYearLabel, schoolYearMonths, schoolYearOf } from "@/components/plans/months";

describe("the timeline's months", () => {
  it("show a plan that ends in July the whole school year, September to August", () => {
    const months = schoolYearMonths("2020-09-01", "2021-07-15").map(monthLabel);
    expect(months).toEqual([
      "сен 2020",
      "окт 2020",
      "ноя 2020",
      "дек 2020",
      "янв 2021",
      "фев 2021",
      "мар 2021",
      "апр 2021",
      "май 2021",
      "июн 2021",
      "июл 2021",
      "авг 2021",
    ]);
  });

  it("widen a plan that starts mid-year back to its September and run over years to the last August", () => {
    const months = schoolYearMonths("2021-01-10", "2022-10-01");
    expect(months[0]).toBe("2020-09");
    expect(months.at(-1)).toBe("2023-08");
    expect(months).toHaveLength(36);
  });

  it("put a month in the school year of its September", () => {
    expect(schoolYearOf("2021-08")).toBe(2020);
    expect(schoolYearOf("2021-09")).toBe(2021);
    expect(schoolYearLabel(2020)).toBe("2020/21");
    expect(schoolYearLabel(2099)).toBe("2099/00");
  });
});
