import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentDisposition, displayFileName, MAX_FILE_NAME_LENGTH } from "@/lib/domain/files/file-names";

/** Any text a client could send, rich in path separators, dots and stray UTF-16 halves. */
const anyName = (maxLength: number) =>
  fc.string({
    maxLength,
    unit: fc.oneof(
      fc.constantFrom("/", "\\", ".", " ", "\u202E"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    ),
  });

describe("displayFileName", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\Иванова\\Desktop\\акт.pdf", "акт.pdf"],
    ["/home/user/docs/справка.docx", "справка.docx"],
    ["..\\..\\boot.ini", "boot.ini"],
  ])("keeps only the base name of %s", (raw, expected) => {
    expect(displayFileName(raw)).toBe(expected);
  });

  it("keeps Cyrillic, spaces and the № sign as the user wrote them", () => {
    expect(displayFileName("Приказ № 15 от 01.09.2025 (МБОУ СОШ № 1).pdf")).toBe("Приказ № 15 от 01.09.2025 (МБОУ СОШ № 1).pdf");
  });

  it("composes letters a Mac sends decomposed, so «й» stays one letter", () => {
    expect(displayFileName("Отчёт ДОУ Лесной.pdf".normalize("NFD"))).toBe("Отчёт ДОУ Лесной.pdf");
  });

  it("drops control characters and the right-to-left override that disguises an extension", () => {
    expect(displayFileName("акт\u0000\r\n.pdf")).toBe("акт.pdf");
    expect(displayFileName("счёт\u202Efdp.exe")).toBe("счётfdp.exe");
  });

  it("collapses runs of spaces and trims them", () => {
    expect(displayFileName("  план \t работы   .xlsx ")).toBe("план работы .xlsx");
  });

  it.each(["", "..", "/", "C:\\temp\\", " \u0007 "])("names a file %j that has no name left «файл»", (raw) => {
    expect(displayFileName(raw)).toBe("файл");
  });

  it("cuts a long name to the limit and keeps its extension", () => {
    const name = displayFileName(`${"Протокол заседания методического объединения ".repeat(10)}.docx`);
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.startsWith("Протокол заседания")).toBe(true);
    expect(name.endsWith(".docx")).toBe(true);
  });

  it("never returns a path, a control character or too long a name, whatever it is given", () => {
    fc.assert(
      fc.property(anyName(400), (raw) => {
        const name = displayFileName(raw);
        expect(name).not.toMatch(/[/\\\p{Cc}\p{Cs}\u202E]/u);
        expect(name).not.toMatch(/^\.*$/);
        expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
      }),
    );
  });
});

describe("contentDisposition", () => {
  it("gives the Cyrillic name in UTF-8 and a plain-ASCII fallback", () => {
    expect(contentDisposition("Акт (итог).pdf")).toBe(
      `attachment; filename="___ (____).pdf"; filename*=UTF-8''%D0%90%D0%BA%D1%82%20%28%D0%B8%D1%82%D0%BE%D0%B3%29.pdf`,
    );
  });

  it("cannot be broken out of by quotes, backslashes or percent signs in the name", () => {
    const header = contentDisposition('a"; filename="evil.html\\%41.pdf');
    expect(header).toBe(
      `attachment; filename="a_; filename=_evil.html__41.pdf"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.html%5C%2541.pdf`,
    );
  });

  it("is always a valid header value, whatever the name", () => {
    fc.assert(
      fc.property(anyName(100), (raw) => {
        expect(() => new Headers({ "Content-Disposition": contentDisposition(displayFileName(raw)) })).not.toThrow();
      }),
    );
  });
});
