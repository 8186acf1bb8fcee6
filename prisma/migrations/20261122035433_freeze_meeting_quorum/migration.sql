-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "quorumPercent" INTEGER;

