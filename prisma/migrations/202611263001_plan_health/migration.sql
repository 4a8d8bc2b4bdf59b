-- AlterTable
ALTER TABLE "AttainmentRow" ADD COLUMN "payout" REAL;
ALTER TABLE "AttainmentRow" ADD COLUMN "targetIncentive" REAL;
ALTER TABLE "AttainmentRow" ADD COLUMN "tenureMonths" INTEGER;

-- AlterTable
ALTER TABLE "AttainmentStage" ADD COLUMN "payout" REAL;
ALTER TABLE "AttainmentStage" ADD COLUMN "targetIncentive" REAL;
ALTER TABLE "AttainmentStage" ADD COLUMN "tenureMonths" INTEGER;

-- CreateTable
CREATE TABLE "PlanHealthSetting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "bandLow" INTEGER NOT NULL DEFAULT 60,
    "bandHigh" INTEGER NOT NULL DEFAULT 70,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

