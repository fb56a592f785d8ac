-- AlterTable
ALTER TABLE "AnswerChange" ADD COLUMN     "note" TEXT;
