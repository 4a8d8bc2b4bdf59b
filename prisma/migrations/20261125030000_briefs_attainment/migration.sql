-- CreateTable
CREATE TABLE "Brief" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "patternId" INTEGER,
    "caseId" INTEGER,
    "draftJson" TEXT NOT NULL,
    "draftVersion" INTEGER NOT NULL DEFAULT 1,
    "publishedCount" INTEGER NOT NULL DEFAULT 0,
    "hasUnpublishedChanges" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Brief_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "Pattern" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Brief_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Brief_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BriefVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "briefId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "contentJson" TEXT NOT NULL,
    "publishedById" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BriefVersion_briefId_fkey" FOREIGN KEY ("briefId") REFERENCES "Brief" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BriefVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BriefAck" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "briefId" INTEGER NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BriefAck_briefId_fkey" FOREIGN KEY ("briefId") REFERENCES "Brief" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BriefAck_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttainmentRow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "period" TEXT NOT NULL,
    "repPseudonym" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "segment" TEXT NOT NULL,
    "region" TEXT NOT NULL DEFAULT '',
    "attainmentPct" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ImportMapping" (
    "kind" TEXT NOT NULL PRIMARY KEY,
    "mappingJson" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "BriefVersion_briefId_number_key" ON "BriefVersion"("briefId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "BriefAck_briefId_versionNumber_userId_key" ON "BriefAck"("briefId", "versionNumber", "userId");

-- CreateIndex
CREATE INDEX "AttainmentRow_segment_role_idx" ON "AttainmentRow"("segment", "role");

-- CreateIndex
CREATE UNIQUE INDEX "AttainmentRow_period_repPseudonym_key" ON "AttainmentRow"("period", "repPseudonym");

