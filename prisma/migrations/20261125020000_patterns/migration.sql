-- CreateTable
CREATE TABLE "Pattern" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "cause" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Pattern_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PatternCase" (
    "patternId" INTEGER NOT NULL,
    "caseId" INTEGER NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("patternId", "caseId"),
    CONSTRAINT "PatternCase_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "Pattern" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PatternCase_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PatternRecurrence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "patternId" INTEGER NOT NULL,
    "caseId" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PatternRecurrence_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "Pattern" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PatternRecurrence_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Case" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "externalId" TEXT,
    "title" TEXT NOT NULL,
    "complaint" TEXT NOT NULL,
    "raisedOn" DATETIME NOT NULL,
    "channel" TEXT NOT NULL,
    "reporterRole" TEXT NOT NULL,
    "reporterFunction" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "region" TEXT NOT NULL DEFAULT '',
    "tenureMonths" INTEGER,
    "reporterName" TEXT NOT NULL DEFAULT '',
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "behaviour" TEXT NOT NULL,
    "behaviourDetail" TEXT NOT NULL DEFAULT '',
    "suspectedCause" TEXT NOT NULL DEFAULT '',
    "causeDetail" TEXT NOT NULL DEFAULT '',
    "severity" TEXT NOT NULL DEFAULT 'medium',
    "severityRank" INTEGER NOT NULL DEFAULT 2,
    "peopleAffected" INTEGER,
    "revenueAtRisk" INTEGER,
    "tags" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'new',
    "ownerId" TEXT,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "rootCause" TEXT NOT NULL DEFAULT '',
    "rootCauseStatement" TEXT NOT NULL DEFAULT '',
    "rootCauseJustification" TEXT NOT NULL DEFAULT '',
    "upstreamFix" TEXT NOT NULL DEFAULT '',
    "fixOwner" TEXT NOT NULL DEFAULT '',
    "payFix" TEXT NOT NULL DEFAULT '',
    "payFixWhy" TEXT NOT NULL DEFAULT '',
    "diagnosisConfirmedAt" DATETIME,
    "whysVersion" INTEGER NOT NULL DEFAULT 0,
    "duplicateOfId" INTEGER,
    CONSTRAINT "Case_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Case" ("behaviour", "behaviourDetail", "causeDetail", "channel", "complaint", "confidential", "createdAt", "createdById", "diagnosisConfirmedAt", "externalId", "fixOwner", "id", "ownerId", "payFix", "payFixWhy", "peopleAffected", "raisedOn", "region", "reporterFunction", "reporterName", "reporterRole", "revenueAtRisk", "rootCause", "rootCauseJustification", "rootCauseStatement", "segment", "severity", "severityRank", "status", "suspectedCause", "tags", "tenureMonths", "title", "updatedAt", "upstreamFix", "version", "whysVersion") SELECT "behaviour", "behaviourDetail", "causeDetail", "channel", "complaint", "confidential", "createdAt", "createdById", "diagnosisConfirmedAt", "externalId", "fixOwner", "id", "ownerId", "payFix", "payFixWhy", "peopleAffected", "raisedOn", "region", "reporterFunction", "reporterName", "reporterRole", "revenueAtRisk", "rootCause", "rootCauseJustification", "rootCauseStatement", "segment", "severity", "severityRank", "status", "suspectedCause", "tags", "tenureMonths", "title", "updatedAt", "upstreamFix", "version", "whysVersion" FROM "Case";
DROP TABLE "Case";
ALTER TABLE "new_Case" RENAME TO "Case";
CREATE UNIQUE INDEX "Case_externalId_key" ON "Case"("externalId");
CREATE INDEX "Case_status_raisedOn_idx" ON "Case"("status", "raisedOn");
CREATE INDEX "Case_raisedOn_idx" ON "Case"("raisedOn");
CREATE INDEX "Case_reporterFunction_idx" ON "Case"("reporterFunction");
CREATE INDEX "Case_segment_idx" ON "Case"("segment");
CREATE INDEX "Case_behaviour_idx" ON "Case"("behaviour");
CREATE INDEX "Case_suspectedCause_idx" ON "Case"("suspectedCause");
CREATE INDEX "Case_ownerId_idx" ON "Case"("ownerId");
CREATE INDEX "Case_rootCause_idx" ON "Case"("rootCause");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Pattern_status_idx" ON "Pattern"("status");

-- CreateIndex
CREATE INDEX "PatternCase_caseId_idx" ON "PatternCase"("caseId");

-- CreateIndex
CREATE INDEX "PatternRecurrence_caseId_idx" ON "PatternRecurrence"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "PatternRecurrence_patternId_caseId_key" ON "PatternRecurrence"("patternId", "caseId");

