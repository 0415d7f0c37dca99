-- AlterTable
ALTER TABLE "Provision" ADD COLUMN "termsEn" TEXT;
ALTER TABLE "Provision" ADD COLUMN "termsEs" TEXT;

-- CreateTable
CREATE TABLE "LinkSuggestionJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "rulesVersion" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "error" TEXT,
    "startedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "LinkSuggestionJob_status_createdAt_idx" ON "LinkSuggestionJob"("status", "createdAt");
