-- AlterTable
ALTER TABLE "PlanEvent" ALTER COLUMN "heldDates" SET DEFAULT ARRAY[]::DATE[];

-- Events stored before the default had NULL: the SQL overdue condition (lib/server/plans/overdue-sql.ts)
-- reads NULL as unknown and missed their passed due dates, while the plan page (lib/plans/overdue.ts) did not.
UPDATE "PlanEvent" SET "heldDates" = ARRAY[]::DATE[] WHERE "heldDates" IS NULL;
