import { describe, expect, it } from "vitest";
import { collectRemarks, itemNames, isRemark, remarkCount, rowsWithRemarks, unmarkedItems } from "@/lib/domain/blanks/remarks";
import { answerableItems, walkItems } from "@/lib/schemas/template";
import { MUNICIPAL_BLANK } from "@/lib/seed-data/blanks";

const content = MUNICIPAL_BLANK.content;
const keyOf = (number: string, title?: string) =>
  [...walkItems(content.items)].find(({ item }) => item.number === number && (!title || item.title === title))!.item.key;

describe("the auditor's remarks on a blank", () => {
  it("counts them in Russian: 1 замечание, 3 замечания, 5 and 11–14 замечаний, 21 замечание", () => {
    expect([1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(remarkCount)).toEqual([
      "1 замечание",
      "2 замечания",
      "3 замечания",
      "4 замечания",
      "5 замечаний",
      "11 замечаний",
      "12 замечаний",
      "14 замечаний",
      "21 замечание",
      "22 замечания",
      "25 замечаний",
      "101 замечание",
      "111 замечаний",
    ]);
  });

  it("names items by number, and by number and title where seed 000 prints «1.1.1» twice", () => {
    const names = itemNames(content);
    expect(names.get(keyOf("1.2.2"))).toBe("1.2.2");
    expect(names.get(keyOf("1.1.1", "-об организации работы БШ"))).toBe("1.1.1 «-об организации работы БШ»");
    expect(names.get(keyOf("1.1.1", "- о назначении муниципального координатора"))).toBe(
      "1.1.1 «- о назначении муниципального координатора»",
    );
    expect(new Set(names.values()).size).toBe(names.size);
  });

  it("takes mismatches, partial matches and comments on matching items as remarks, not reasons for «не применимо»", () => {
    expect(isRemark({ mark: "MISMATCH", comment: null })).toBe(true);
    expect(isRemark({ mark: "PARTIAL", comment: "" })).toBe(true);
    expect(isRemark({ mark: "MATCHES", comment: "Обновите дату" })).toBe(true);
    expect(isRemark({ mark: "MATCHES", comment: "  " })).toBe(false);
    expect(isRemark({ mark: "NOT_APPLICABLE", comment: "Нет ВУЗов в районе" })).toBe(false);
    expect(isRemark({ mark: null, comment: "черновик" })).toBe(false);
  });

  it("lists remarks in the blank's order, whatever the order they were made in", () => {
    const remarks = collectRemarks(content, {
      [keyOf("2.3.1")]: { mark: "PARTIAL", comment: "Не все личные дела" },
      [keyOf("1.2.2")]: { mark: "MISMATCH", comment: " Отчёт не за тот год " },
      [keyOf("2.1")]: { mark: "MATCHES", comment: null },
      [keyOf("2.2")]: { mark: "MISMATCH", comment: null },
    });
    expect(remarks.map((r) => [r.name, r.mark, r.comment])).toEqual([
      ["1.2.2", "MISMATCH", "Отчёт не за тот год"],
      ["2.2", "MISMATCH", null],
      ["2.3.1", "PARTIAL", "Не все личные дела"],
    ]);
  });

  it("filters the rows to the remarked items under their section headings", () => {
    const rows = [...walkItems(content.items)];
    const kept = rowsWithRemarks(rows, new Set([keyOf("1.2.2"), keyOf("2.3.1")]));
    expect(kept.map(({ item }) => `${item.number} ${item.kind}`)).toEqual([
      "1. SECTION",
      "1.2 SECTION",
      "1.2.2 DOCUMENT",
      "2. SECTION",
      "2.3.1 PRESENCE",
    ]);
  });

  it("finds the items still without a mark", () => {
    const keys = answerableItems(content).map((item) => item.key);
    const marks = Object.fromEntries(keys.slice(1).map((key) => [key, { mark: "MATCHES" as const }]));
    expect(unmarkedItems(keys, marks)).toEqual([keys[0]]);
    expect(unmarkedItems(keys, { ...marks, [keys[0]!]: { mark: "PARTIAL" } })).toEqual([]);
  });
});
