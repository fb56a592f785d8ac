-- CreateEnum
CREATE TYPE "StudentStatus" AS ENUM ('STUDYING', 'GRADUATED', 'LEFT');

-- CreateEnum
CREATE TYPE "FurtherEducation" AS ENUM ('NONE', 'SPO', 'VUZ');

-- AlterTable
ALTER TABLE "Blank" ADD COLUMN     "officialCounts" JSONB;

-- CreateTable
CREATE TABLE "DotStudent" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "birthDate" DATE,
    "grade" TEXT NOT NULL,
    "enrolmentOrderId" UUID,
    "disabilityConfirmedUntil" DATE,
    "networkAgreementId" UUID,
    "iupPresent" BOOLEAN NOT NULL DEFAULT false,
    "iupFileId" UUID,
    "timetable" TEXT,
    "status" "StudentStatus" NOT NULL DEFAULT 'STUDYING',
    "furtherEducation" "FurtherEducation",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DotStudent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DotTeacher" (
    "id" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "needsCourse" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DotTeacher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DotTeacherCourse" (
    "id" UUID NOT NULL,
    "teacherId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "dateFrom" DATE NOT NULL,
    "dateTo" DATE,
    "hours" INTEGER NOT NULL,

    CONSTRAINT "DotTeacherCourse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DotStudentTeacher" (
    "studentId" UUID NOT NULL,
    "teacherId" UUID NOT NULL,

    CONSTRAINT "DotStudentTeacher_pkey" PRIMARY KEY ("studentId","teacherId")
);

-- CreateTable
CREATE TABLE "StudentCardRead" (
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "regionId" UUID NOT NULL,
    "userId" UUID,
    "userName" TEXT NOT NULL,
    "readAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudentCardRead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DotStudent_organizationId_schoolYear_idx" ON "DotStudent"("organizationId", "schoolYear");

-- CreateIndex
CREATE INDEX "DotStudent_municipalityId_schoolYear_idx" ON "DotStudent"("municipalityId", "schoolYear");

-- CreateIndex
CREATE INDEX "DotStudent_regionId_schoolYear_idx" ON "DotStudent"("regionId", "schoolYear");

-- CreateIndex
CREATE INDEX "DotTeacher_organizationId_schoolYear_idx" ON "DotTeacher"("organizationId", "schoolYear");

-- CreateIndex
CREATE INDEX "DotTeacher_municipalityId_schoolYear_idx" ON "DotTeacher"("municipalityId", "schoolYear");

-- CreateIndex
CREATE INDEX "StudentCardRead_studentId_readAt_idx" ON "StudentCardRead"("studentId", "readAt");

-- CreateIndex
CREATE INDEX "StudentCardRead_regionId_readAt_idx" ON "StudentCardRead"("regionId", "readAt");

-- AddForeignKey
ALTER TABLE "DotTeacherCourse" ADD CONSTRAINT "DotTeacherCourse_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "DotTeacher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DotStudentTeacher" ADD CONSTRAINT "DotStudentTeacher_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "DotStudent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DotStudentTeacher" ADD CONSTRAINT "DotStudentTeacher_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "DotTeacher"("id") ON DELETE CASCADE ON UPDATE CASCADE;
