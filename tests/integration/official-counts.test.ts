import { beforeAll, describe, expect, it } from "vitest";
import { schoolYearOf } from "@/lib/domain/records/official-measures";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { getBlank } from "@/lib/server/blanks/get-blank";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { db } from "@/lib/server/db/client";
import { countOfficialData } from "@/lib/server/students/count-official-data";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { useTestDatabase } from "../support/test-database";
import { saveBlankAnswers, submitBlank } from "../support/operations";

useTestDatabase();

let w: CampaignWorld;
const YEAR = "2022/2023";

beforeAll(async () => {
  w = await buildCampaignWorld("cnt");
  const school = { regionId: w.t.regionA.id, municipalityId: w.t.a1.id, organizationId: w.t.a1s1.id };
  const student = (fullName: string, extra: Record<string, unknown> = {}, schoolYear = YEAR) =>
    db().dotStudent.create({ data: { ...school, schoolYear, fullName, grade: "7", ...extra } });
  await student("Иванов И.", { iupPresent: true });
  await student("Петров П.", { iupPresent: true });
  await student("Сидорова С.");
  await student("Кузнецов К.", { status: "GRADUATED", furtherEducation: "VUZ" });
  await student("Смирнова А.", { status: "LEFT" });
  await student("Прошлогодний П.", {}, "2021/2022");
  for (const [fullName, needsCourse] of [
    ["Учитель 1", false],
    ["Учитель 2", true],
    ["Учитель 3", false],
    ["Учитель 4", false],
  ] as const) {
    await db().dotTeacher.create({ data: { ...school, schoolYear: YEAR, fullName, subject: "математика", needsCourse } });
  }
});

describe("official data", () => {
  it("is the campaign's school year: 1 September to 31 August", () => {
    expect(schoolYearOf("2022-12-06")).toBe("2022/2023");
    expect(schoolYearOf("2023-08-31")).toBe("2022/2023");
    expect(schoolYearOf("2023-09-01")).toBe("2023/2024");
  });

  it("counts what the blanks ask for, per school, municipality and region, for one school year", async () => {
    const expected = {
      DOT_STUDENTS: 3,
      DOT_STUDENTS_WITH_IUP: 2,
      DOT_TEACHERS: 4,
      DOT_TEACHERS_NEEDING_COURSES: 1,
      STUDENTS_AND_GRADUATES: 4,
      GRADUATES: 1,
      GRADUATES_IN_VUZ_SPO: 1,
    };
    expect(await countOfficialData({ organizationId: w.t.a1s1.id }, YEAR)).toEqual(expected);
    expect(await countOfficialData({ municipalityId: w.t.a1.id }, YEAR)).toEqual(expected);
    expect(await countOfficialData({ regionId: w.t.regionA.id }, YEAR)).toEqual(expected);
    expect((await countOfficialData({ organizationId: w.t.a1s1.id }, "2021/2022")).DOT_STUDENTS).toBe(1);
    // Where no records are kept there is nothing to compare with.
    expect(Object.values(await countOfficialData({ municipalityId: w.t.a2.id }, YEAR)).every((v) => v === null)).toBe(true);
  });

  it("turns a declared count that differs from the records into a mismatch, showing both numbers, and keeps them once accepted", async () => {
    const blank = await w.blankOf(w.t.a1s1.id);
    const item = (n: string) => w.item("school", n).key;
    const saved = await saveBlankAnswers({
      scope: w.schoolA1.scope,
      input: {
        blankId: blank.id,
        version: blank.version,
        answers: [
          { itemKey: item("5.1"), value: { kind: "COUNT", count: 5 } },
          { itemKey: item("4.1"), value: { kind: "COUNT", count: 4 } },
          { itemKey: item("4.2"), value: { kind: "COUNT", count: 1 } },
        ],
      },
    });
    const view = await getBlank({ scope: w.auditor.scope, id: blank.id });
    expect(view.officialCounts).toEqual({ [item("4.1")]: 4, [item("4.2")]: 1, [item("5.1")]: 3 });

    await submitBlank({ scope: w.schoolA1.scope, input: { blankId: blank.id, version: saved.version } });
    await markAllMatching({ scope: w.auditor.scope, blankId: blank.id });
    await acceptBlank({ scope: w.auditor.scope, blankId: blank.id });
    const statuses = async () =>
      Object.fromEntries((await db().answer.findMany({ where: { blankId: blank.id } })).map((a) => [a.itemKey, a.status]));
    expect((await statuses())[item("5.1")]).toBe("MISMATCH");
    expect((await statuses())[item("4.1")]).toBe("COMPLIANT");
    const finding = await db().finding.findUniqueOrThrow({ where: { blankId_itemKey: { blankId: blank.id, itemKey: item("5.1") } } });
    expect(finding).toMatchObject({ status: "MISMATCH", severity: "HIGH" });

    // A student erased on request leaves the closed blank as it was.
    await db().dotStudent.deleteMany({ where: { fullName: "Иванов И." } });
    const after = await getBlank({ scope: w.auditor.scope, id: blank.id });
    expect(after.officialCounts[item("5.1")]).toBe(3);
    expect((await statuses())[item("5.1")]).toBe("MISMATCH");
    expect((await countOfficialData({ organizationId: w.t.a1s1.id }, YEAR)).DOT_STUDENTS).toBe(2);
  });
});
