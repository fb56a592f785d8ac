import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readFileSync } from "node:fs";
import {
  ALL_FILE_KINDS,
  checkFile,
  detectFileType,
  detectWordArchive,
  MAX_FILE_BYTES,
  type FileKind,
} from "@/lib/domain/files/detect-file-type";
import {
  docmSample,
  docxSample,
  exeSample,
  htmlSample,
  jpegSample,
  pdfSample,
  plainZipSample,
  pngSample,
  svgSample,
  xlsxSample,
} from "../support/file-samples";

/** What the user is told about a file, or the kind it was accepted as. */
async function verdict(bytes: Uint8Array, allowed: readonly FileKind[] = ALL_FILE_KINDS) {
  try {
    return checkFile({ size: bytes.byteLength, kind: await detectFileType(bytes), allowed });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors.file).toEqual([error.message]);
    return error.message;
  }
}

const NOT_ONE_OF_THEM = "Допустимы файлы PDF, DOCX, XLSX, JPG, PNG; содержимое этого файла — не один из них.";

describe("accepted files, judged by their content", () => {
  it.each([
    ["PDF", () => pdfSample()],
    ["PNG", () => pngSample()],
    ["JPG", () => jpegSample()],
    ["DOCX", () => docxSample()],
    ["XLSX", () => xlsxSample()],
  ] as const)("a real %s is accepted as one", async (kind, sample) => {
    expect(await verdict(await sample())).toBe(kind);
  });

  it("names only the kinds allowed in the refusal", async () => {
    expect(await verdict(await xlsxSample(), ["PDF", "DOCX", "JPG", "PNG"])).toBe(
      "Допустимы файлы PDF, DOCX, JPG, PNG; содержимое этого файла — не один из них.",
    );
    expect(await verdict(pdfSample(), ["PDF"])).toBe("PDF");
  });
});

describe("Word's other files", () => {
  it("a .docm is a Word archive but no DOCX (the Word reader refuses it for its macros); a .doc is neither", async () => {
    const docm = readFileSync("tests/fixtures/docx/macros.docm");
    expect(await detectFileType(docm)).toBeNull();
    expect(await detectWordArchive(docm)).toBe(true);
    expect(await detectWordArchive(docxSample())).toBe(true);
    expect(await detectWordArchive(await xlsxSample())).toBe(false);
    const doc = readFileSync("tests/fixtures/docx/legacy.doc");
    expect(await detectFileType(doc)).toBeNull();
    expect(await detectWordArchive(doc)).toBe(false);
  });
});

describe("files that only pretend", () => {
  it.each([
    ["a renamed Windows executable", exeSample],
    ["a plain ZIP holding Word's parts but no content types", plainZipSample],
    ["a macro-enabled Word document (DOCM)", docmSample],
    ["an HTML page", htmlSample],
    ["an SVG image with a script", svgSample],
  ])("%s is refused", async (_, sample) => {
    expect(await verdict(sample())).toBe(NOT_ONE_OF_THEM);
  });

  it("an empty file is refused as empty", async () => {
    expect(await verdict(new Uint8Array())).toBe("Файл пустой.");
  });

  it("a PDF one byte over 20 MB is refused as too large", async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1);
    pdfSample().copy(big);
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
    expect(await verdict(big)).toBe("Файл больше 20 МБ.");
    expect(await verdict(big.subarray(0, MAX_FILE_BYTES))).toBe("PDF");
  });
});

const SIGNATURES: Record<FileKind, number[]> = {
  PDF: [...Buffer.from("%PDF")],
  PNG: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  JPG: [0xff, 0xd8, 0xff],
  DOCX: [0x50, 0x4b, 0x03, 0x04],
  XLSX: [0x50, 0x4b, 0x03, 0x04],
};

describe("arbitrary bytes", () => {
  it("are never accepted unless they start with the signature of the kind they are accepted as", async () => {
    const anyPrefix = fc.constantFrom<number[]>([], ...Object.values(SIGNATURES));
    const bytes = fc.tuple(anyPrefix, fc.uint8Array({ maxLength: 512 })).map(([prefix, rest]) => Uint8Array.from([...prefix, ...rest]));
    await fc.assert(
      fc.asyncProperty(bytes, async (sample) => {
        const kind = await detectFileType(sample);
        if (kind) expect([...sample.subarray(0, SIGNATURES[kind].length)]).toEqual(SIGNATURES[kind]);
      }),
      { numRuns: 500 },
    );
  });

  it("after a ZIP signature are never taken for a DOCX or an XLSX", async () => {
    const zipLike = fc.uint8Array({ maxLength: 512 }).map((rest) => Uint8Array.from([...SIGNATURES.DOCX, ...rest]));
    await fc.assert(
      fc.asyncProperty(zipLike, async (sample) => {
        expect(await detectFileType(sample)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
