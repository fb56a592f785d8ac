-- AlterTable
ALTER TABLE "ReportJob" ADD COLUMN     "format" TEXT NOT NULL DEFAULT 'pdf';
