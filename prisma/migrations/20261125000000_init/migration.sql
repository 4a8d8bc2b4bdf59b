-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Case" (
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
    CONSTRAINT "Case_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "actorId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "field" TEXT NOT NULL DEFAULT '',
    "fromValue" TEXT NOT NULL DEFAULT '',
    "toValue" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_externalId_key" ON "Case"("externalId");

-- CreateIndex
CREATE INDEX "Case_status_raisedOn_idx" ON "Case"("status", "raisedOn");

-- CreateIndex
CREATE INDEX "Case_raisedOn_idx" ON "Case"("raisedOn");

-- CreateIndex
CREATE INDEX "Case_reporterFunction_idx" ON "Case"("reporterFunction");

-- CreateIndex
CREATE INDEX "Case_segment_idx" ON "Case"("segment");

-- CreateIndex
CREATE INDEX "Case_behaviour_idx" ON "Case"("behaviour");

-- CreateIndex
CREATE INDEX "Case_suspectedCause_idx" ON "Case"("suspectedCause");

-- CreateIndex
CREATE INDEX "Case_ownerId_idx" ON "Case"("ownerId");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_at_idx" ON "CaseEvent"("caseId", "at");

