-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "importedValues" TEXT,
ADD COLUMN     "importedVersion" INTEGER,
ADD COLUMN     "unmappedText" TEXT;

-- CreateTable
CREATE TABLE "GwImportJob" (
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'previewed',
    "origin" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "csv" TEXT,
    "preview" TEXT NOT NULL,
    "resolutions" TEXT,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "invalid" INTEGER NOT NULL DEFAULT 0,
    "conflicts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "GwImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GwImportJob_status_createdAt_idx" ON "GwImportJob"("status", "createdAt");
