-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "statsVersion" INTEGER NOT NULL DEFAULT 0;
