-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "CaseStage" (
    "batchId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "targetId" INTEGER,
    "targetVersion" INTEGER,
    "externalId" TEXT,
    "title" TEXT NOT NULL,
    "complaint" TEXT NOT NULL,
    "raisedOn" DATETIME NOT NULL,
    "channel" TEXT NOT NULL,
    "reporterRole" TEXT NOT NULL,
    "reporterFunction" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "tenureMonths" INTEGER,
    "reporterName" TEXT NOT NULL,
    "confidential" BOOLEAN NOT NULL,
    "behaviour" TEXT NOT NULL,
    "behaviourDetail" TEXT NOT NULL,
    "suspectedCause" TEXT NOT NULL,
    "causeDetail" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "severityRank" INTEGER NOT NULL,
    "peopleAffected" INTEGER,
    "revenueAtRisk" INTEGER,
    "tags" TEXT NOT NULL,
    "publicTitle" TEXT NOT NULL,
    "publicComplaint" TEXT NOT NULL,

    PRIMARY KEY ("batchId", "seq")
);

-- CreateTable
CREATE TABLE "CaseStageEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "batchId" TEXT NOT NULL,
    "caseId" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "fromValue" TEXT NOT NULL,
    "toValue" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "AttainmentStage" (
    "batchId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "repPseudonym" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "attainmentPct" REAL NOT NULL,

    PRIMARY KEY ("batchId", "seq")
);

-- CreateIndex
CREATE INDEX "CaseStageEvent_batchId_idx" ON "CaseStageEvent"("batchId");

