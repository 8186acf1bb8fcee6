-- AlterTable
ALTER TABLE "TrainingSession" ADD COLUMN "cancelReason" TEXT;

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN "walkInSessionId" TEXT;

