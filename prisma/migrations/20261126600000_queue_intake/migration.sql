-- CreateTable
CREATE TABLE "IntegrationToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "SlaTarget" (
    "triageClass" TEXT NOT NULL PRIMARY KEY,
    "firstResponseDays" INTEGER NOT NULL,
    "diagnosisDays" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT NOT NULL DEFAULT '',
    "caseId" INTEGER,
    "dedupeKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    "emailedAt" DATETIME
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,

    PRIMARY KEY ("userId", "kind")
);

-- Issue 16 columns on Case, added in place: redefining the table would drop the triggers that
-- keep its full-text indexes (case_search, public_search) in step.
ALTER TABLE "Case" ADD COLUMN "triageClass" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Case" ADD COLUMN "resolutionNote" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Case" ADD COLUMN "firstResponseAt" DATETIME;
-- No index on triageClass: the pattern figures filter on it while scanning every case anyway,
-- and an index there would tempt SQLite into 100,000 lookups instead of one scan.

-- CreateIndex
CREATE UNIQUE INDEX "IntegrationToken_tokenHash_key" ON "IntegrationToken"("tokenHash");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

