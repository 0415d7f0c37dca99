-- AlterTable
ALTER TABLE "Instrument" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Provision" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
