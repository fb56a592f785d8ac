import { describe, expect, it } from "vitest";
import {
  columnOfRecordHeader,
  parseStudentTable,
  parseTeacherTable,
  readCourse,
  readDate,
  studentTableRows,
  teacherTableRows,
  type TableRow,
} from "@/lib/domain/students/student-table";
import { STUDENT_HEADER, TEACHER_HEADER } from "../support/student-headers";

const YEAR = "2025/2026";
const rowsOf = (rows: string[][]): TableRow[] => rows.map((cells, i) => ({ row: i + 1, cells }));

describe("dates", () => {
  it("reads ДД.ММ.ГГГГ, ISO and Excel serial numbers; refuses impossible dates without quoting them", () => {
    expect(readDate("01.04.2012")).toEqual({ ok: true, date: "2012-04-01" });
    expect(readDate("1.4.2012")).toEqual({ ok: true, date: "2012-04-01" });
    expect(readDate("2012-04-01")).toEqual({ ok: true, date: "2012-04-01" });
    expect(readDate("41000")).toEqual({ ok: true, date: "2012-04-01" });
    expect(readDate("")).toEqual({ ok: true, date: null });
    const bad = readDate("31.02.2012");
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).not.toContain("31.02");
    expect(readDate("2012").ok).toBe(false);
  });
});

describe("headers", () => {
  it("recognises the columns in any case and spacing, «ФИО» for students too", () => {
    expect(columnOfRecordHeader("students", "  фио (или  инициалы) ")).toBe("fullName");
    expect(columnOfRecordHeader("students", "ФИО")).toBe("fullName");
    expect(columnOfRecordHeader("teachers", "нужны курсы пк")).toBe("needsCourse");
    expect(columnOfRecordHeader("teachers", "Курсы ПК")).toBe("courses");
  });

  it("names a missing column", () => {
    const { problems } = parseStudentTable(
      rowsOf([
        ["ФИО", "Класс"],
        ["А. Б.", "5"],
      ]),
      YEAR,
    );
    expect(problems).toEqual([{ row: 1, column: "Дата рождения", message: "В строке заголовков нет столбца «Дата рождения»." }]);
  });
});

describe("students", () => {
  it("reads rows into ZStudentFields and refuses each problem by row and column, never quoting a cell", () => {
    const good = parseStudentTable(
      rowsOf([STUDENT_HEADER, ["Иванов И. И.", "01.04.2012", "7", "01.01.2027", "да", "Пн, ср", "выпускник", "СПО"]]),
      YEAR,
    );
    expect(good.problems).toEqual([]);
    expect(good.students[0]).toMatchObject({
      row: 2,
      fields: {
        fullName: "Иванов И. И.",
        birthDate: "2012-04-01",
        grade: "7",
        iupPresent: true,
        status: "GRADUATED",
        furtherEducation: "SPO",
      },
    });

    const bad = parseStudentTable(
      rowsOf([
        STUDENT_HEADER,
        ["Петров П. П.", "02.02.2013", "6", "", "нет", "", "обучается", ""],
        ["", "02.02.2013", "6", "", "нет", "", "обучается", ""],
        ["Сидоров С. С.", "31.02.2013", "6", "", "нет", "", "обучается", ""],
        ["Орлова О. О.", "03.03.2013", "6", "", "может быть", "", "обучается", "ВУЗ"],
      ]),
      YEAR,
    );
    expect(bad.students).toEqual([]);
    expect(bad.problems.map((p) => [p.row, p.column])).toEqual([
      [3, "ФИО (или инициалы)"],
      [4, "Дата рождения"],
      [5, "ИУП есть"],
      [5, "Продолжает обучение"],
    ]);
    const text = JSON.stringify(bad.problems);
    for (const name of ["Петров", "Сидоров", "Орлова", "31.02"]) expect(text).not.toContain(name);
  });

  it("refuses the same student twice in a file", () => {
    const row = ["Иванов И. И.", "01.04.2012", "7", "", "", "", "", ""];
    const { problems } = parseStudentTable(rowsOf([STUDENT_HEADER, row, [...row]]), YEAR);
    expect(problems).toEqual([{ row: 3, column: "ФИО (или инициалы)", message: expect.stringContaining("строке 2") }]);
    expect(JSON.stringify(problems)).not.toContain("Иванов");
  });

  it("writes rows that read back the same", () => {
    const fields = {
      fullName: "Иванов И. И.",
      birthDate: "2012-04-01",
      grade: "7",
      disabilityConfirmedUntil: null,
      iupPresent: false,
      timetable: "Пн\nСр",
      status: "GRADUATED" as const,
      furtherEducation: "NONE" as const,
    };
    const { students, problems } = parseStudentTable(rowsOf(studentTableRows([fields])), YEAR);
    expect(problems).toEqual([]);
    expect(students[0]!.fields).toMatchObject(fields);
  });
});

describe("teachers", () => {
  it("reads courses one per line", () => {
    expect(readCourse("Обучение детей с ОВЗ; 01.02.2024–15.02.2024; 72 ч.")).toEqual({
      ok: true,
      course: { title: "Обучение детей с ОВЗ", dateFrom: "2024-02-01", dateTo: "2024-02-15", hours: 72 },
    });
    expect(readCourse("Курс; 15.02.2024-01.02.2024; 72 ч.").ok).toBe(false);
    const { teachers, problems } = parseTeacherTable(
      rowsOf([TEACHER_HEADER, ["Учителева М. П.", "математика", "нет", "ДОТ; 01.02.2024–15.02.2024; 72 ч.\nОВЗ; 01.03.2024; 36"]]),
      YEAR,
    );
    expect(problems).toEqual([]);
    expect(teachers[0]!.fields.courses).toHaveLength(2);
    expect(parseTeacherTable(rowsOf(teacherTableRows([teachers[0]!.fields])), YEAR).teachers[0]!.fields).toEqual(teachers[0]!.fields);
  });

  it("names the course that is wrong", () => {
    const { problems } = parseTeacherTable(rowsOf([TEACHER_HEADER, ["Учителева М. П.", "", "да", "ДОТ; 32.01.2024; 72 ч."]]), YEAR);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, "Курсы ПК"],
      [2, "Предмет"],
    ]);
  });
});
