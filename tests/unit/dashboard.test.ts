import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { diffFindings, pickCampaigns } from "@/lib/dashboard/dynamics";
import { formatChange, formatPercent } from "@/lib/dashboard/format";
import { averageScore, byScoreDescending, scoreChange } from "@/lib/dashboard/scores";
import { displayItemTitle, percentOf, typicalErrorRows, type ItemInfo } from "@/lib/dashboard/typical-error-rows";

const items = (...list: [string, string, string][]) =>
  new Map<string, ItemInfo>(list.map(([key, number, title], order) => [key, { key, number, title, order }]));

describe("typical error rows", () => {
  const catalogue = items(
    ["a", "1.1.1", "-об организации работы БШ"],
    ["b", "1.1.1", "- о назначении муниципального координатора"],
    ["c", "1.2.1", "План работы"],
    ["d", "1.10", "Пункт десять"],
    ["e", "1.2", "- между МЦДО и ГБОУ ИРО КК¹"],
  );
  const tenEach = new Map(["a", "b", "c", "d", "e"].map((k) => [k, 10]));

  it("orders by share, then by printed number part by part, then by printed order", () => {
    const rows = typicalErrorRows({
      counts: [
        { itemKey: "d", count: 3 },
        { itemKey: "b", count: 3 },
        { itemKey: "c", count: 6 },
        { itemKey: "a", count: 3 },
        { itemKey: "e", count: 3 },
      ],
      items: catalogue,
      denominators: tenEach,
    });
    expect(rows.map((r) => [r.itemNumber, r.share])).toEqual([
      ["1.2.1", 60],
      ["1.1.1", 30],
      ["1.1.1", 30],
      ["1.2", 30],
      ["1.10", 30],
    ]);
    // The two rows numbered 1.1.1 keep the blank's order.
    expect(rows[1]!.itemKey).toBe("a");
    expect(rows[2]!.itemKey).toBe("b");
  });

  it("takes each item's share of the blanks whose template has it, and leaves out what cannot be shown", () => {
    const rows = typicalErrorRows({
      counts: [
        { itemKey: "c", count: 1 },
        { itemKey: "a", count: 2 },
        { itemKey: "gone", count: 5 },
        { itemKey: "b", count: 0 },
      ],
      items: catalogue,
      denominators: new Map([
        ["a", 3],
        ["b", 3],
        ["c", 6],
      ]),
    });
    expect(rows.map((r) => [r.itemKey, r.count, r.of, r.share])).toEqual([
      ["a", 2, 3, 66.7],
      ["c", 1, 6, 16.7],
    ]);
  });

  it("prints titles without the seed's leading dash and footnote mark", () => {
    expect(displayItemTitle("-об организации работы БШ")).toBe("об организации работы БШ");
    expect(displayItemTitle("- между МЦДО и ГБОУ ИРО КК¹")).toBe("между МЦДО и ГБОУ ИРО КК");
    expect(displayItemTitle("План работы")).toBe("План работы");
  });

  it("rounds shares to one decimal and counts nothing as 0", () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe("scores", () => {
  it("averages the known scores to one decimal", () => {
    expect(averageScore([77.8, 83.3, null])).toBe(80.6);
    expect(averageScore([null])).toBeNull();
    expect(averageScore([])).toBeNull();
  });

  it("gives the change in points, without floating-point dust", () => {
    expect(scoreChange(77.8, 83.3)).toBe(5.5);
    expect(scoreChange(66.7, 55.6)).toBe(-11.1);
    expect(scoreChange(null, 80)).toBeNull();
  });

  it("sorts by score, highest first, unscored last, ties by name", () => {
    const rows = [
      { name: "Тихорецкий район", score: 77.8 },
      { name: "Белоглинский район", score: null },
      { name: "Павловский район", score: 88.9 },
      { name: "Выселковский район", score: 77.8 },
      { name: "Абинский район", score: null },
    ];
    expect(rows.sort(byScoreDescending((r) => r.score)).map((r) => r.name)).toEqual([
      "Павловский район",
      "Выселковский район",
      "Тихорецкий район",
      "Абинский район",
      "Белоглинский район",
    ]);
  });

  it("prints percents and changes the Russian way", () => {
    expect(formatPercent(66.7)).toBe("66,7 %");
    expect(formatPercent(100)).toBe("100 %");
    expect(formatPercent(null)).toBe("—");
    expect(formatChange(5.5)).toBe("+5,5");
    expect(formatChange(-11.1)).toBe("−11,1");
    expect(formatChange(0)).toBe("0");
  });
});

describe("choosing the campaigns to compare", () => {
  const campaign = (id: string, date: string, createdAt = `${date}T10:00:00Z`) => ({ id, name: id, date, createdAt: new Date(createdAt) });
  const c2021 = campaign("c2021", "2021-12-01");
  const c2022 = campaign("c2022", "2022-12-06");
  const c2023 = campaign("c2023", "2023-12-05");
  const all = [c2023, c2022, c2021];

  it("takes the latest two by default, earlier first", () => {
    expect(pickCampaigns(all, {})).toMatchObject({ earlier: c2022, later: c2023, reason: null });
  });

  it("takes chosen ones in either order, and fills a single choice with the latest other", () => {
    expect(pickCampaigns(all, { from: c2023.id, to: c2021.id })).toMatchObject({ earlier: c2021, later: c2023 });
    expect(pickCampaigns(all, { from: c2021.id })).toMatchObject({ earlier: c2021, later: c2023 });
    expect(pickCampaigns(all, { to: c2023.id })).toMatchObject({ earlier: c2022, later: c2023 });
  });

  it("orders campaigns of one day by creation", () => {
    const morning = campaign("morning", "2023-12-05", "2023-01-01T08:00:00Z");
    const evening = campaign("evening", "2023-12-05", "2023-01-01T20:00:00Z");
    expect(pickCampaigns([evening, morning], {})).toMatchObject({ earlier: morning, later: evening });
  });

  it("says why there is nothing to compare", () => {
    expect(pickCampaigns([c2022], {})).toMatchObject({ reason: "FEWER_THAN_TWO", earlier: null });
    expect(pickCampaigns([], {})).toMatchObject({ reason: "FEWER_THAN_TWO" });
    expect(pickCampaigns(all, { from: c2022.id, to: c2022.id })).toMatchObject({ reason: "SAME_CAMPAIGN" });
  });

  it("treats a campaign the municipality did not take part in as not found", () => {
    const error = (() => {
      try {
        pickCampaigns(all, { from: "elsewhere" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  });
});

describe("findings then and now", () => {
  const f = (subjectId: string, itemKey: string) => ({ subjectId, itemKey });

  it("matches by participant and item: closed, new and kept", () => {
    const earlier = [f("mo", "plan"), f("mo", "files"), f("school-1", "agreement")];
    const later = [f("mo", "files"), f("mo", "report"), f("school-2", "agreement")];
    const diff = diffFindings(earlier, later);
    expect(diff.closed).toEqual([f("mo", "plan"), f("school-1", "agreement")]);
    expect(diff.new).toEqual([f("mo", "report"), f("school-2", "agreement")]);
    expect(diff.kept).toEqual([f("mo", "files")]);
  });
});
