-- CreateEnum
CREATE TYPE "FindingSeverity" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "RemediationStatus" AS ENUM ('OPEN', 'FIXED', 'VERIFIED', 'REOPENED');

-- AlterTable
ALTER TABLE "Blank" ADD COLUMN     "grade" TEXT,
ADD COLUMN     "score" DOUBLE PRECISION,
ADD COLUMN     "scoredAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "status" TEXT;

-- CreateTable
CREATE TABLE "Finding" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "blankId" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "organizationId" UUID,
    "itemKey" UUID NOT NULL,
    "itemNumber" TEXT NOT NULL,
    "itemTitle" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "severity" "FindingSeverity" NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "recommendation" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "responsible" TEXT,
    "remediationStatus" "RemediationStatus" NOT NULL DEFAULT 'OPEN',
    "evidenceComment" TEXT,
    "evidenceFileId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingEvent" (
    "id" UUID NOT NULL,
    "findingId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" "RemediationStatus",
    "toStatus" "RemediationStatus",
    "comment" TEXT,
    "fileId" UUID,
    "userId" UUID,
    "userName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationDefault" (
    "regionId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "RecommendationDefault_pkey" PRIMARY KEY ("regionId","status")
);

-- CreateIndex
CREATE INDEX "Finding_regionId_remediationStatus_idx" ON "Finding"("regionId", "remediationStatus");

-- CreateIndex
CREATE INDEX "Finding_municipalityId_remediationStatus_idx" ON "Finding"("municipalityId", "remediationStatus");

-- CreateIndex
CREATE INDEX "Finding_campaignId_idx" ON "Finding"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_blankId_itemKey_key" ON "Finding"("blankId", "itemKey");

-- CreateIndex
CREATE INDEX "FindingEvent_findingId_createdAt_idx" ON "FindingEvent"("findingId", "createdAt");

-- CreateIndex
CREATE INDEX "Answer_itemKey_status_idx" ON "Answer"("itemKey", "status");

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_blankId_fkey" FOREIGN KEY ("blankId") REFERENCES "Blank"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingEvent" ADD CONSTRAINT "FindingEvent_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;
