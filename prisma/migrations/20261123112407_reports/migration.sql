-- CreateEnum
CREATE TYPE "ReportJobStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "ReportSettings" (
    "regionId" UUID NOT NULL,
    "organizationName" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "logoFileId" UUID,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportSettings_pkey" PRIMARY KEY ("regionId")
);

-- CreateTable
CREATE TABLE "ReportJob" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" "ReportJobStatus" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "stage" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL,
    "fileId" UUID,
    "fileName" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportJob_requestedById_createdAt_idx" ON "ReportJob"("requestedById", "createdAt");

-- CreateIndex
CREATE INDEX "ReportJob_dedupeKey_status_idx" ON "ReportJob"("dedupeKey", "status");

-- CreateIndex
CREATE INDEX "ReportJob_expiresAt_idx" ON "ReportJob"("expiresAt");
