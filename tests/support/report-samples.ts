/**
 * Report data as the seeds give it, for the tests of the report layouts and of
 * their DOCX twins: an audit of a school blank, the seed campaign, seed 002's
 * roadmap and a municipality's records.
 */
import { readFileSync } from "node:fs";
import type { ContentTable } from "pdfmake/interfaces";
import { parseRoadmapRows, type RoadmapFields } from "@/lib/domain/plans/roadmap-table";
import { readRoadmapFile } from "@/lib/domain/plans/roadmap-file";
import { MEASURES } from "@/lib/domain/records/official-measures";
import type { AuditReportData } from "@/lib/domain/reports/pdf/audit-report";
import type { CampaignReportData } from "@/lib/domain/reports/pdf/campaign-report";
import type { ReportBase } from "@/lib/domain/reports/pdf/frame";
import type { RecordsReportData } from "@/lib/domain/reports/pdf/records-report";
import { SCHOOL_BLANK, SEED_CAMPAIGN } from "@/lib/seed-data/blanks";
import { demoAnswers } from "@/lib/seed-data/demo-answers";
import { ROADMAP_002_PATH } from "@/lib/seed-data/roadmap-002";

/** Every node of a definition's content that holds a table, in order. */
export function tablesOf(node: unknown, found: ContentTable[] = []): ContentTable[] {
  if (Array.isArray(node)) for (const n of node) tablesOf(n, found);
  else if (node && typeof node === "object") {
    if ("table" in node) found.push(node as ContentTable);
    for (const v of Object.values(node)) tablesOf(v, found);
  }
  return found;
}

export const BASE: ReportBase = {
  issuer: {
    organizationName: "ГБОУ «Институт развития образования» Краснодарского края",
    details: "350080, г. Краснодар, ул. Сормовская, 167\nтел. (861) 232-85-78",
    logoDataUrl: null,
  },
  date: "2022-12-06",
  signature: { date: "2022-12-06", number: null, executor: { position: null, name: null } },
};

export function audit(): AuditReportData {
  const content = SCHOOL_BLANK.content;
  return {
    ...BASE,
    campaign: { name: SEED_CAMPAIGN.name, date: SEED_CAMPAIGN.date },
    templateName: SCHOOL_BLANK.name,
    participant: "Славянский район, МБОУ СОШ № 1",
    status: "ACCEPTED",
    content,
    answers: Object.fromEntries(demoAnswers(content, "МБОУ СОШ № 1", 7).map((a) => [a.itemKey, a])),
    officialCounts: {},
    score: { total: 87.5, grade: "частично соответствует", sections: [{ number: "1.", title: "Соглашения", score: 50 }] },
    findings: [
      {
        itemNumber: "1.2",
        itemTitle: "- между МЦДО и ГБОУ ИРО КК",
        status: "ABSENT",
        severity: "HIGH",
        recommendation: "Разработать и утвердить документ.",
        deadline: "2023-01-01",
        responsible: null,
        remediationStatus: "OPEN",
      },
    ],
  };
}

export function campaign(): CampaignReportData {
  return {
    ...BASE,
    campaign: {
      name: SEED_CAMPAIGN.name,
      date: SEED_CAMPAIGN.date,
      deadline: SEED_CAMPAIGN.deadline,
      goal: SEED_CAMPAIGN.goal,
      tasks: [...SEED_CAMPAIGN.tasks],
      overdue: true,
    },
    audited: [...SEED_CAMPAIGN.audited],
    notSubmitted: [...SEED_CAMPAIGN.notSubmitted],
    typicalErrors: {
      MUNICIPAL: { counted: 10, rows: [{ itemNumber: "1.2.1", itemTitle: "План работы", count: 6, share: 60 }] },
      SCHOOL: { counted: 10, rows: [{ itemNumber: "1.1", itemTitle: "между БШ и школами по месту жительства", count: 6, share: 60 }] },
    },
    scores: [
      { name: "Павловский район", score: 88.9, grade: "частично соответствует", schoolAverage: 83.3 },
      { name: "Славянский район", score: 50, grade: "не соответствует", schoolAverage: 87.5 },
      { name: "Белоглинский район", score: null, grade: null, schoolAverage: null },
    ],
    gradeBands: { compliant: 90, partial: 70 },
  };
}

export async function seedRecords(): Promise<RoadmapFields[]> {
  const { records } = parseRoadmapRows(await readRoadmapFile(readFileSync(ROADMAP_002_PATH), "002.md"));
  return records.map(({ row: _row, ...fields }) => fields);
}

export const counts = (n: number | null) => Object.fromEntries(MEASURES.map((m) => [m, n])) as RecordsReportData["totals"];

export function records(): RecordsReportData {
  return {
    ...BASE,
    area: { level: "municipality", name: "Славянский район", parent: "Краснодарский край" },
    schoolYear: "2022/2023",
    totals: counts(4),
    parts: [{ name: "МБОУ СОШ № 1", counts: counts(4) }],
    years: [{ schoolYear: "2021/2022", counts: counts(1) }],
  };
}
