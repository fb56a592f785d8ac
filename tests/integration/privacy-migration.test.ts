import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MIGRATIONS_DIR, migrate } from "@/lib/server/db/migrate";
import { dropDatabase, recreateDatabase, uniqueDatabaseName } from "../support/databases";

/**
 * The migration that gave files their owners and the trail its classes, run over data
 * of the version before it: every file referenced by a child's record, a document, an
 * answer, a finding, a report job or the report settings gets that owner; earlier
 * entries of the trail that held a child's data are scrubbed, the rest left as written.
 */

const PRIVACY_MIGRATION = fs.readdirSync(MIGRATIONS_DIR).find((name) => name.endsWith("_privacy_classes_sessions"))!;
const name = uniqueDatabaseName("privmig");
afterAll(() => dropDatabase(inject("testServerUrl"), name));

/** The migrations up to (not including) the privacy one, in a folder of their own. */
function migrationsBefore(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-before-"));
  for (const entry of fs.readdirSync(MIGRATIONS_DIR)) {
    if (entry >= PRIVACY_MIGRATION && /^\d/.test(entry)) continue;
    fs.cpSync(path.join(MIGRATIONS_DIR, entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}

describe("the privacy migration over existing data", () => {
  it("gives every referenced file its owner and scrubs the child's data from earlier entries of the trail", async () => {
    const url = await recreateDatabase(inject("testServerUrl"), name);
    await migrate({ databaseUrl: url, dir: migrationsBefore() });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const ids = Object.fromEntries(
      [
        "region",
        "mo",
        "school",
        "user",
        "iup",
        "scan",
        "attachment",
        "evidence",
        "report",
        "logo",
        "stray",
        "student",
        "doc",
        "template",
        "version",
        "campaign",
        "blank",
        "finding",
        "job",
      ].map((k) => [k, randomUUID()]),
    ) as Record<string, string>;
    try {
      const q = (sql: string, values: unknown[] = []) => client.query(sql, values);
      await q(`INSERT INTO "Region" (id, code, name) VALUES ($1, '77', 'Регион')`, [ids.region]);
      await q(`INSERT INTO "Municipality" (id, "regionId", name) VALUES ($1, $2, 'МО')`, [ids.mo, ids.region]);
      await q(`INSERT INTO "Organization" (id, "regionId", "municipalityId", kind, name) VALUES ($1, $2, $3, 'SCHOOL', 'Школа')`, [
        ids.school,
        ids.region,
        ids.mo,
      ]);
      await q(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES ($1, 'u@x.test', 'U', 'x')`, [ids.user]);
      for (const key of ["iup", "scan", "attachment", "evidence", "report", "logo", "stray"]) {
        const fileName = key === "iup" ? "ИУП Тайный Тимофей.pdf" : `${key}.pdf`;
        await q(
          `INSERT INTO "StoredFile" (id, "regionId", "organizationId", name, "mimeType", size, sha256, "storageKey", "uploadedById")
           VALUES ($1, $2, $3, $4, 'application/pdf', 1, $5, $6, $7)`,
          [ids[key], ids.region, ids.school, fileName, "0".repeat(64), `aa/bb/${ids[key]}`, ids.user],
        );
      }
      await q(
        `INSERT INTO "DotStudent" (id, "regionId", "municipalityId", "organizationId", "schoolYear", "fullName", grade, "iupFileId", timetable, "updatedAt")
         VALUES ($1, $2, $3, $4, '2025/2026', 'Тайный Тимофей', '5', $5, 'диагноз F84', now())`,
        [ids.student, ids.region, ids.mo, ids.school, ids.iup],
      );
      await q(
        `INSERT INTO "RegistryDocument" (id, "regionId", "municipalityId", "organizationId", type, number, title, "fileId", "updatedAt")
         VALUES ($1, $2, $3, $4, 'приказ', '1', 'О плане', $5, now())`,
        [ids.doc, ids.region, ids.mo, ids.school, ids.scan],
      );
      await q(`INSERT INTO "Template" (id, "regionId", key, name, level) VALUES ($1, $2, 'k', 'Бланк', 'SCHOOL')`, [
        ids.template,
        ids.region,
      ]);
      await q(`INSERT INTO "TemplateVersion" (id, "templateId", version, content) VALUES ($1, $2, 1, '{}')`, [ids.version, ids.template]);
      await q(`INSERT INTO "Campaign" (id, "regionId", name, date, deadline) VALUES ($1, $2, 'К', '2025-01-01', '2025-02-01')`, [
        ids.campaign,
        ids.region,
      ]);
      await q(
        `INSERT INTO "Blank" (id, "regionId", "campaignId", "templateVersionId", "municipalityId", "organizationId", "subjectId", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $6, now())`,
        [ids.blank, ids.region, ids.campaign, ids.version, ids.mo, ids.school],
      );
      await q(`INSERT INTO "Answer" (id, "blankId", "itemKey", value, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
        randomUUID(),
        ids.blank,
        randomUUID(),
        JSON.stringify({ kind: "DOCUMENT", present: true, fileId: ids.attachment }),
      ]);
      await q(
        `INSERT INTO "Finding" (id, "regionId", "campaignId", "blankId", "municipalityId", "organizationId", "itemKey", "itemNumber", "itemTitle", status, severity, "legalBasis", recommendation, deadline, "evidenceFileId", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, '1', 'П', 'ABSENT', 'HIGH', '', '', '2025-03-01', $8, now())`,
        [ids.finding, ids.region, ids.campaign, ids.blank, ids.mo, ids.school, randomUUID(), ids.evidence],
      );
      await q(
        `INSERT INTO "ReportJob" (id, "regionId", "requestedById", kind, "subjectId", "dedupeKey", title, "fileId") VALUES ($1, $2, $3, 'records', $2, 'x', 'Отчёт', $4)`,
        [ids.job, ids.region, ids.user, ids.report],
      );
      await q(`INSERT INTO "ReportSettings" ("regionId", "organizationName", "logoFileId", "updatedAt") VALUES ($1, 'ИРО', $2, now())`, [
        ids.region,
        ids.logo,
      ]);
      // The trail as the old redaction wrote it: name and birth date hidden by field name, the rest in the clear.
      const event = (entity: string, entityId: string, after: unknown) =>
        q(
          `INSERT INTO "AuditEvent" (id, "actorName", "regionId", action, entity, "entityId", after) VALUES ($1, 'Школа', $2, 'CREATE', $3, $4, $5)`,
          [randomUUID(), ids.region, entity, entityId, JSON.stringify(after)],
        );
      await event("DotStudent", ids.student!, {
        id: ids.student,
        regionId: ids.region,
        fullName: "[скрыто]",
        grade: "5",
        timetable: "диагноз F84",
        organizationId: ids.school,
      });
      await event("StoredFile", ids.iup!, { id: ids.iup, regionId: ids.region, name: "ИУП Тайный Тимофей.pdf", size: 1 });
      await event("StoredFile", ids.scan!, { id: ids.scan, regionId: ids.region, name: "scan.pdf", size: 1 });
      await event("DotStudentTeacher", `${ids.student}:${randomUUID()}`, { studentId: ids.student, teacherId: "t" });
      await event("RegistryDocument", ids.doc!, { id: ids.doc, title: "О плане" });
    } finally {
      await client.end();
    }

    const result = await migrate({ databaseUrl: url, dir: MIGRATIONS_DIR });
    expect(result.applied[0]).toBe(PRIVACY_MIGRATION);

    const after = new pg.Client({ connectionString: url });
    await after.connect();
    try {
      const owners = await after.query<{ id: string; ownerKind: string | null; ownerId: string | null; childData: boolean }>(
        `SELECT id::text, "ownerKind"::text, "ownerId"::text, "childData" FROM "StoredFile"`,
      );
      const ownerOf = Object.fromEntries(owners.rows.map((r) => [r.id, [r.ownerKind, r.ownerId, r.childData]]));
      expect(ownerOf[ids.iup!]).toEqual(["DOT_STUDENT", ids.student, true]);
      expect(ownerOf[ids.scan!]).toEqual(["DOCUMENT", ids.doc, false]);
      expect(ownerOf[ids.attachment!]).toEqual(["BLANK", ids.blank, false]);
      expect(ownerOf[ids.evidence!]).toEqual(["FINDING", ids.finding, false]);
      expect(ownerOf[ids.report!]).toEqual(["REPORT_JOB", ids.job, false]);
      expect(ownerOf[ids.logo!]).toEqual(["REPORT_LOGO", ids.region, false]);
      expect(ownerOf[ids.stray!]).toEqual([null, null, false]);

      const [doc] = (await after.query(`SELECT "scopeId"::text AS "scopeId" FROM "RegistryDocument"`)).rows;
      expect(doc).toEqual({ scopeId: ids.school });

      const trail = (
        await after.query<{ entity: string; after: Record<string, unknown> }>(`SELECT entity, after FROM "AuditEvent" ORDER BY entity`)
      ).rows;
      const text = JSON.stringify(trail);
      for (const secret of ["Тайный", "F84", '"grade":"5"', ids.school]) expect(text).not.toContain(secret);
      const byEntity = Object.fromEntries(trail.map((e) => [e.entity, e.after]));
      expect(byEntity.DotStudent).toMatchObject({ id: ids.student, regionId: ids.region, grade: "[данные ребёнка скрыты]" });
      expect(byEntity.DotStudentTeacher).toEqual({ studentId: ids.student, teacherId: "t" });
      expect(byEntity.RegistryDocument).toEqual({ id: ids.doc, title: "О плане" });
      expect(
        trail
          .filter((e) => e.entity === "StoredFile")
          .map((e) => e.after.name)
          .sort(),
      ).toEqual(["[данные ребёнка скрыты]", "scan.pdf"]);
    } finally {
      await after.end();
    }
  });
});
