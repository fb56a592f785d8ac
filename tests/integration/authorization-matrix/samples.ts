import { readFileSync } from "node:fs";
import { MUNICIPAL_BLANK } from "@/lib/seed-data/blanks";
import { ROADMAP_002_PATH } from "@/lib/seed-data/roadmap-002";
import { pdfSample } from "../../support/file-samples";
import type { World } from "./world";

/**
 * Valid uploads for the import and upload routes: each is accepted when its
 * tenant's own user sends it (the control calls prove it), so a refusal in the
 * matrix is about the tenant, never about a broken file.
 */
export interface SampleFiles {
  pdf: Upload;
  /** Seed 000's municipal blank filled in Word (tests/fixtures/blank-docx). */
  municipalBlankDocx: Upload;
  /** Seed 001's columns, one new school. */
  schoolsCsv: Upload;
  /** The ДОТ teachers' table, one teacher. */
  teachersCsv: Upload;
  /** A template in the JSON export format, under a key no region has. */
  templateJson: Upload;
  /** Seed 002's first event, for the foreign tenant's municipality (region code and name). */
  foreignRoadmap: Upload;
  /** The same event for the callers' own municipality, citing the foreign tenant's order by its requisites. */
  ownRoadmapCitingForeign: Upload;
}

export interface Upload {
  name: string;
  bytes: Uint8Array;
  type: string;
}

const csvOf = (rows: string[][]) => Buffer.from(rows.map((row) => row.join(";")).join("\r\n"), "utf8");

export async function sampleFiles(worlds: { own: World; foreign: World }): Promise<SampleFiles> {
  const lines = readFileSync(ROADMAP_002_PATH, "utf8").split("\n");
  const firstEvent = lines.findIndex((line) => line.startsWith("| 23 | Краснодар |"));
  const header = lines.slice(0, firstEvent);
  const cells = lines[firstEvent]!.split("|");
  /** The first event's row with its region, municipality and (optionally) its confirming documents replaced. */
  const roadmapFor = (world: World, documents?: string) => {
    const row = [...cells];
    row[1] = ` ${world.region.code} `;
    row[2] = ` ${world.municipality.name} `;
    if (documents) row[row.length - 2] = ` ${documents} `;
    return Buffer.from([...header, row.join("|")].join("\n"), "utf8");
  };
  const order = worlds.foreign.document;
  const citation = `Приказ ${order.issuer} от ${order.date!.toISOString().slice(0, 10).split("-").reverse().join(".")} №${order.number} "${order.title}"`;
  return {
    pdf: { name: "акт.pdf", bytes: pdfSample("Акт проверки"), type: "application/pdf" },
    municipalBlankDocx: {
      name: "бланк.docx",
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      bytes: readFileSync("tests/fixtures/blank-docx/municipal-seed-typed.docx"),
    },
    schoolsCsv: {
      name: "школы.csv",
      type: "text/csv",
      bytes: csvOf([
        ["№", "Наименование общеобразовательной организации", "Юридический адрес", "ФИО руководителя", "Контактный телефон"],
        ["1", "МБОУ СОШ № 777", "652740, РФ, г. Новоград, ул. Новая, 1", "Новикова Нина Николаевна", "3-18-39"],
      ]),
    },
    teachersCsv: {
      name: "педагоги.csv",
      type: "text/csv",
      bytes: csvOf([
        ["ФИО", "Предмет", "Нужны курсы ПК", "Курсы ПК"],
        ["Новый Педагог Петрович", "физика", "да", ""],
      ]),
    },
    templateJson: {
      name: "шаблон.json",
      type: "application/json",
      bytes: Buffer.from(JSON.stringify({ ...MUNICIPAL_BLANK, key: "matrix-imported", name: "Импортированный шаблон" })),
    },
    foreignRoadmap: { name: "дорожная-карта.md", type: "text/markdown", bytes: roadmapFor(worlds.foreign) },
    ownRoadmapCitingForeign: { name: "дорожная-карта.md", type: "text/markdown", bytes: roadmapFor(worlds.own, citation) },
  };
}
