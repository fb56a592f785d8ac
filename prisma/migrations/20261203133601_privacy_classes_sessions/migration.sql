-- CreateEnum
CREATE TYPE "FileOwnerKind" AS ENUM ('BLANK', 'DOCUMENT', 'DOT_STUDENT', 'FINDING', 'REPORT_JOB', 'REPORT_LOGO');

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'ERASE';

-- DropIndex
DROP INDEX "RegistryDocument_regionId_issuerKey_type_number_date_key";

-- AlterTable
ALTER TABLE "Blank" ADD COLUMN     "submittedById" UUID;

-- AlterTable
ALTER TABLE "StudentCardRead" ADD COLUMN     "fileId" UUID;

-- AlterTable
ALTER TABLE "StoredFile" ADD COLUMN     "childData" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "ownerId" UUID,
ADD COLUMN     "ownerKind" "FileOwnerKind";

-- AlterTable
ALTER TABLE "RegistryDocument" ADD COLUMN     "childData" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "scopeId" UUID;
-- Each owner keeps its own registry: existing documents belong to their narrowest owner.
UPDATE "RegistryDocument" SET "scopeId" = COALESCE("organizationId", "municipalityId", "regionId");
ALTER TABLE "RegistryDocument" ALTER COLUMN "scopeId" SET NOT NULL;

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "AuthSession_userId_revokedAt_idx" ON "AuthSession"("userId", "revokedAt");

-- CreateIndex
CREATE INDEX "AuthSession_expiresAt_idx" ON "AuthSession"("expiresAt");

-- CreateIndex
CREATE INDEX "StoredFile_ownerKind_ownerId_idx" ON "StoredFile"("ownerKind", "ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistryDocument_scopeId_issuerKey_type_number_date_key" ON "RegistryDocument"("scopeId", "issuerKey", "type", "number", "date");

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit trail stays append-only, with one exception that 152-FZ requires: erasing a child's record on
-- request scrubs the child's data from earlier entries. Only a transaction that says so
-- (SET LOCAL metodaudit.audit_scrub = 'on', lib/server/privacy/internal/scrub-child-data.ts) may update an entry,
-- and only its before/after images: who, when, what and which row stay as they were written.
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('metodaudit.audit_scrub', true) = 'on'
     AND NEW."id" = OLD."id" AND NEW."at" = OLD."at" AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
     AND NEW."actorName" = OLD."actorName" AND NEW."regionId" IS NOT DISTINCT FROM OLD."regionId"
     AND NEW."action" = OLD."action" AND NEW."entity" = OLD."entity" AND NEW."entityId" = OLD."entityId" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only';
END;
$$;

-- Files that already belong to something: the strictest owner first (a child's record), each file claimed once.
UPDATE "StoredFile" f SET "ownerKind" = 'DOT_STUDENT', "ownerId" = s."id", "childData" = true
  FROM "DotStudent" s WHERE s."iupFileId" = f."id" AND f."ownerKind" IS NULL;
UPDATE "StoredFile" f SET "ownerKind" = 'REPORT_JOB', "ownerId" = j."id"
  FROM "ReportJob" j WHERE j."fileId" = f."id" AND f."ownerKind" IS NULL;
UPDATE "StoredFile" f SET "ownerKind" = 'DOCUMENT', "ownerId" = d."id"
  FROM "RegistryDocument" d WHERE d."fileId" = f."id" AND f."ownerKind" IS NULL;
UPDATE "StoredFile" f SET "ownerKind" = 'FINDING', "ownerId" = x."id"
  FROM "Finding" x WHERE x."evidenceFileId" = f."id" AND f."ownerKind" IS NULL;
UPDATE "StoredFile" f SET "ownerKind" = 'FINDING', "ownerId" = e."findingId"
  FROM "FindingEvent" e WHERE e."fileId" = f."id" AND f."ownerKind" IS NULL;
UPDATE "StoredFile" f SET "ownerKind" = 'BLANK', "ownerId" = a."blankId"
  FROM (SELECT DISTINCT ON ((value->>'fileId')) (value->>'fileId') AS "fileId", "blankId" FROM "Answer"
        WHERE value->>'fileId' ~ '^[0-9a-f-]{36}$' ORDER BY (value->>'fileId'), "updatedAt") a
  WHERE a."fileId"::uuid = f."id" AND f."ownerKind" IS NULL;
UPDATE "StoredFile" f SET "ownerKind" = 'REPORT_LOGO', "ownerId" = r."regionId"
  FROM "ReportSettings" r WHERE r."logoFileId" = f."id" AND f."ownerKind" IS NULL;

-- Entries written before the trail redacted by class: the child's data in them is scrubbed once, as an
-- erasure would (keys and ids stay; every other value becomes the marker).
SET LOCAL metodaudit.audit_scrub = 'on';
CREATE FUNCTION "pg_temp"."hide_child_values"(image jsonb, keep text[]) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN image IS NULL OR jsonb_typeof(image) <> 'object' THEN image ELSE COALESCE(
    (SELECT jsonb_object_agg(k, CASE WHEN k = ANY(keep) THEN v ELSE '"[данные ребёнка скрыты]"'::jsonb END) FROM jsonb_each(image) AS e(k, v)),
    '{}'::jsonb) END
$$;
UPDATE "AuditEvent" SET "before" = pg_temp.hide_child_values("before", ARRAY['id', 'regionId']),
                        "after" = pg_temp.hide_child_values("after", ARRAY['id', 'regionId'])
  WHERE "entity" = 'DotStudent' AND "action" <> 'READ';
UPDATE "AuditEvent" SET "before" = pg_temp.hide_child_values("before", ARRAY['studentId', 'teacherId']),
                        "after" = pg_temp.hide_child_values("after", ARRAY['studentId', 'teacherId'])
  WHERE "entity" = 'DotStudentTeacher';
UPDATE "AuditEvent" e SET "before" = pg_temp.hide_child_values(e."before", ARRAY['id', 'regionId', 'ownerKind', 'ownerId', 'uploadedById', 'childData']),
                          "after" = pg_temp.hide_child_values(e."after", ARRAY['id', 'regionId', 'ownerKind', 'ownerId', 'uploadedById', 'childData'])
  FROM "StoredFile" f WHERE e."entity" = 'StoredFile' AND e."entityId" = f."id"::text AND f."childData";
