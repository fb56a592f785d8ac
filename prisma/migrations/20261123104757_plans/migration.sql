-- CreateEnum
CREATE TYPE "PlanKind" AS ENUM ('ROADMAP', 'PROGRAMME', 'METHODICAL_PLAN');

-- CreateEnum
CREATE TYPE "PlanEventStatus" AS ENUM ('PLANNED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TimingKind" AS ENUM ('EXACT', 'RANGE', 'MONTH', 'DEADLINE', 'PERIOD', 'RECURRING', 'UNKNOWN');

-- CreateTable
CREATE TABLE "Plan" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "municipalityId" UUID,
    "organizationId" UUID,
    "kind" "PlanKind" NOT NULL,
    "title" TEXT NOT NULL,
    "schoolYear" TEXT,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "approvedById" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanStage" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "timingText" TEXT NOT NULL,
    "startsOn" DATE,
    "endsOn" DATE,

    CONSTRAINT "PlanStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanSection" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PlanSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanEvent" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "stageId" UUID,
    "sectionId" UUID,
    "number" TEXT,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "timingText" TEXT NOT NULL,
    "timingKind" "TimingKind" NOT NULL,
    "startsOn" DATE,
    "endsOn" DATE,
    "dueDates" DATE[],
    "heldDates" DATE[],
    "responsibleText" TEXT NOT NULL DEFAULT '',
    "responsiblePeople" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "responsibleUserId" UUID,
    "audience" TEXT NOT NULL DEFAULT '',
    "expectedResult" TEXT NOT NULL DEFAULT '',
    "evidenceText" TEXT NOT NULL DEFAULT '',
    "status" "PlanEventStatus" NOT NULL DEFAULT 'PLANNED',
    "heldOn" DATE,
    "importKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanEventDocument" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "documentId" UUID,
    "url" TEXT,
    "label" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PlanEventDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TargetIndicator" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "targetText" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "method" TEXT NOT NULL DEFAULT '',
    "monitoring" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,

    CONSTRAINT "TargetIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "organizationId" UUID,
    "organizationKey" TEXT NOT NULL,
    "value" DECIMAL(12,2) NOT NULL,
    "base" DECIMAL(12,2),
    "note" TEXT NOT NULL DEFAULT '',
    "enteredById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Plan_regionId_municipalityId_idx" ON "Plan"("regionId", "municipalityId");

-- CreateIndex
CREATE INDEX "Plan_organizationId_idx" ON "Plan"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanStage_planId_number_key" ON "PlanStage"("planId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "PlanSection_planId_number_key" ON "PlanSection"("planId", "number");

-- CreateIndex
CREATE INDEX "PlanEvent_planId_position_idx" ON "PlanEvent"("planId", "position");

-- CreateIndex
CREATE INDEX "PlanEvent_status_endsOn_idx" ON "PlanEvent"("status", "endsOn");

-- CreateIndex
CREATE UNIQUE INDEX "PlanEvent_planId_importKey_key" ON "PlanEvent"("planId", "importKey");

-- CreateIndex
CREATE INDEX "PlanEventDocument_eventId_position_idx" ON "PlanEventDocument"("eventId", "position");

-- CreateIndex
CREATE INDEX "PlanEventDocument_documentId_idx" ON "PlanEventDocument"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "TargetIndicator_planId_number_key" ON "TargetIndicator"("planId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorValue_indicatorId_period_organizationKey_key" ON "IndicatorValue"("indicatorId", "period", "organizationKey");

-- AddForeignKey
ALTER TABLE "PlanStage" ADD CONSTRAINT "PlanStage_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSection" ADD CONSTRAINT "PlanSection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEvent" ADD CONSTRAINT "PlanEvent_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEvent" ADD CONSTRAINT "PlanEvent_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "PlanStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEvent" ADD CONSTRAINT "PlanEvent_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "PlanSection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanEventDocument" ADD CONSTRAINT "PlanEventDocument_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "PlanEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetIndicator" ADD CONSTRAINT "TargetIndicator_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "TargetIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;
