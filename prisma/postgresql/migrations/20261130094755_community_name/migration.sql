-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "communityName" TEXT;
