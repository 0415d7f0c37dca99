-- AlterTable
ALTER TABLE "Provision" ADD COLUMN     "termsEn" TEXT,
ADD COLUMN     "termsEs" TEXT;

-- CreateTable
CREATE TABLE "LinkSuggestionJob" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "LinkSuggestionJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LinkSuggestionJob_status_createdAt_idx" ON "LinkSuggestionJob"("status", "createdAt");
