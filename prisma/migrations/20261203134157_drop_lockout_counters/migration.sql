-- DropForeignKey
ALTER TABLE "SignInAttempt" DROP CONSTRAINT "SignInAttempt_userId_fkey";

-- AlterTable
ALTER TABLE "User" DROP COLUMN "lockedUntil",
DROP COLUMN "sessionsValidFrom";

-- DropTable
DROP TABLE "SignInAttempt";

-- DropTable
DROP TABLE "RateLimit";
