import { describe, expect, it } from "vitest";
import { checkFile } from "@/lib/domain/files/detect-file-type";
import { acceptOf, BLANK_ATTACHMENT_UPLOAD, FILE_UPLOAD, rulesText, uploadProblem } from "@/lib/domain/files/upload-rules";

const MB = 1024 * 1024;

describe("upload rules", () => {
  it("list the kinds in the label as the server's error does", () => {
    expect(rulesText(FILE_UPLOAD)).toBe("PDF, DOCX, XLSX, JPG, PNG до 20 МБ");
    expect(rulesText(BLANK_ATTACHMENT_UPLOAD)).toBe("PDF, DOCX, JPG, PNG до 20 МБ");
    expect(acceptOf(BLANK_ATTACHMENT_UPLOAD)).toBe(".pdf,.docx,.jpg,.jpeg,.png");
    expect(() => checkFile({ size: 10, kind: null, allowed: FILE_UPLOAD.kinds })).toThrow(
      "Допустимы файлы PDF, DOCX, XLSX, JPG, PNG; содержимое этого файла — не один из них.",
    );
  });

  it("refuse an empty or oversized file before it is sent; its kind is the server's to judge", () => {
    expect(uploadProblem({ name: "скан.pdf", size: 25 * MB }, FILE_UPLOAD)).toBe(
      "Файл «скан.pdf» весит 25 МБ, а можно не больше 20 МБ. Допустимы файлы PDF, DOCX, XLSX, JPG, PNG до 20 МБ.",
    );
    expect(uploadProblem({ name: "пусто.pdf", size: 0 }, FILE_UPLOAD)).toBe("Файл «пусто.pdf» пустой.");
    expect(uploadProblem({ name: "ровно.pdf", size: 20 * MB }, FILE_UPLOAD)).toBeNull();
    expect(uploadProblem({ name: "без расширения", size: 100 }, FILE_UPLOAD)).toBeNull();
  });
});
