-- CreateTable
CREATE TABLE "WhyStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL DEFAULT '',
    "evidence" TEXT NOT NULL DEFAULT '',
    "evidenceUrl" TEXT NOT NULL DEFAULT '',
    "ownerFunction" TEXT NOT NULL DEFAULT '',
    "confidence" TEXT NOT NULL DEFAULT 'possible',
    "askedLeaderId" TEXT,
    "answeredById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WhyStep_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WhyStep_askedLeaderId_fkey" FOREIGN KEY ("askedLeaderId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WhyStep_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseNote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "usedByStepId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CaseNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CaseNote_usedByStepId_fkey" FOREIGN KEY ("usedByStepId") REFERENCES "WhyStep" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    CONSTRAINT "Case_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Case" ("behaviour", "behaviourDetail", "causeDetail", "channel", "complaint", "confidential", "createdAt", "createdById", "externalId", "id", "ownerId", "peopleAffected", "raisedOn", "region", "reporterFunction", "reporterName", "reporterRole", "revenueAtRisk", "segment", "severity", "severityRank", "status", "suspectedCause", "tags", "tenureMonths", "title", "updatedAt", "version") SELECT "behaviour", "behaviourDetail", "causeDetail", "channel", "complaint", "confidential", "createdAt", "createdById", "externalId", "id", "ownerId", "peopleAffected", "raisedOn", "region", "reporterFunction", "reporterName", "reporterRole", "revenueAtRisk", "segment", "severity", "severityRank", "status", "suspectedCause", "tags", "tenureMonths", "title", "updatedAt", "version" FROM "Case";
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
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "WhyStep_caseId_position_idx" ON "WhyStep"("caseId", "position");

-- CreateIndex
CREATE INDEX "WhyStep_askedLeaderId_idx" ON "WhyStep"("askedLeaderId");

-- CreateIndex
CREATE INDEX "CaseNote_caseId_createdAt_idx" ON "CaseNote"("caseId", "createdAt");

