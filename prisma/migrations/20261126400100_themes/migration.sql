-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "typicalCaseId" INTEGER,
    "dominantCause" TEXT NOT NULL DEFAULT '',
    "dominantSource" TEXT NOT NULL DEFAULT '',
    "causes" TEXT NOT NULL,
    "firstRaisedOn" DATETIME NOT NULL,
    "lastRaisedOn" DATETIME NOT NULL,
    "computedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ThemeCase" (
    "themeId" TEXT NOT NULL,
    "caseId" INTEGER NOT NULL,

    PRIMARY KEY ("themeId", "caseId"),
    CONSTRAINT "ThemeCase_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ThemeEdit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "otherId" TEXT NOT NULL DEFAULT '',
    "caseIds" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "ThemeCase_caseId_key" ON "ThemeCase"("caseId");

-- CreateIndex
CREATE INDEX "ThemeEdit_themeId_idx" ON "ThemeEdit"("themeId");

