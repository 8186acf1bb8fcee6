-- Erasing an account (decision 024): every *ById column becomes a relation to User that is
-- set to null when the account goes, and authors, reporters and voters become optional so
-- that nothing but the person's identity goes with them.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platformId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "place" TEXT,
    "onlineUrl" TEXT,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "cancelReason" TEXT,
    "createdById" TEXT,
    "minutes" TEXT NOT NULL DEFAULT '',
    "minutesPublishedAt" DATETIME,
    "minutesPublishedById" TEXT,
    "quorumPercent" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Meeting_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meeting_minutesPublishedById_fkey" FOREIGN KEY ("minutesPublishedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Meeting" ("cancelReason", "createdAt", "createdById", "description", "endsAt", "id", "minutes", "minutesPublishedAt", "minutesPublishedById", "onlineUrl", "place", "platformId", "quorumPercent", "startsAt", "status", "title", "updatedAt") SELECT "cancelReason", "createdAt", "createdById", "description", "endsAt", "id", "minutes", "minutesPublishedAt", "minutesPublishedById", "onlineUrl", "place", "platformId", "quorumPercent", "startsAt", "status", "title", "updatedAt" FROM "Meeting";
DROP TABLE "Meeting";
ALTER TABLE "new_Meeting" RENAME TO "Meeting";
CREATE INDEX "Meeting_platformId_startsAt_idx" ON "Meeting"("platformId", "startsAt");
CREATE TABLE "new_Attendance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT,
    "sessionId" TEXT,
    "participantId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "walkIn" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attendance_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Attendance_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Attendance" ("createdAt", "id", "meetingId", "participantId", "recordedById", "sessionId", "status", "updatedAt", "walkIn") SELECT "createdAt", "id", "meetingId", "participantId", "recordedById", "sessionId", "status", "updatedAt", "walkIn" FROM "Attendance";
DROP TABLE "Attendance";
ALTER TABLE "new_Attendance" RENAME TO "Attendance";
CREATE INDEX "Attendance_participantId_idx" ON "Attendance"("participantId");
CREATE UNIQUE INDEX "Attendance_meetingId_participantId_key" ON "Attendance"("meetingId", "participantId");
CREATE UNIQUE INDEX "Attendance_sessionId_participantId_key" ON "Attendance"("sessionId", "participantId");
CREATE TABLE "new_MinutesAmendment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MinutesAmendment_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MinutesAmendment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_MinutesAmendment" ("authorId", "createdAt", "id", "meetingId", "reason", "text") SELECT "authorId", "createdAt", "id", "meetingId", "reason", "text" FROM "MinutesAmendment";
DROP TABLE "MinutesAmendment";
ALTER TABLE "new_MinutesAmendment" RENAME TO "MinutesAmendment";
CREATE TABLE "new_AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "actorErased" BOOLEAN NOT NULL DEFAULT false,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "platformId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AuditEvent" ("action", "actorId", "createdAt", "details", "entityId", "entityType", "id", "platformId") SELECT "action", "actorId", "createdAt", "details", "entityId", "entityType", "id", "platformId" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");
CREATE INDEX "AuditEvent_platformId_createdAt_idx" ON "AuditEvent"("platformId", "createdAt");
CREATE TABLE "new_Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platformId" TEXT NOT NULL,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT 'draft',
    "meetingId" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "discussionId" TEXT,
    "raisedByGroupId" TEXT,
    CONSTRAINT "Proposal_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Proposal_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Proposal_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Proposal_raisedByGroupId_fkey" FOREIGN KEY ("raisedByGroupId") REFERENCES "Group" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Proposal" ("authorId", "body", "createdAt", "discussionId", "id", "meetingId", "platformId", "raisedByGroupId", "searchText", "state", "summary", "title", "updatedAt") SELECT "authorId", "body", "createdAt", "discussionId", "id", "meetingId", "platformId", "raisedByGroupId", "searchText", "state", "summary", "title", "updatedAt" FROM "Proposal";
DROP TABLE "Proposal";
ALTER TABLE "new_Proposal" RENAME TO "Proposal";
CREATE UNIQUE INDEX "Proposal_discussionId_key" ON "Proposal"("discussionId");
CREATE INDEX "Proposal_platformId_state_idx" ON "Proposal"("platformId", "state");
CREATE TABLE "new_ProposalStateChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "actorId" TEXT,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProposalStateChange_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProposalStateChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProposalStateChange" ("actorId", "createdAt", "fromState", "id", "proposalId", "reason", "toState") SELECT "actorId", "createdAt", "fromState", "id", "proposalId", "reason", "toState" FROM "ProposalStateChange";
DROP TABLE "ProposalStateChange";
ALTER TABLE "new_ProposalStateChange" RENAME TO "ProposalStateChange";
CREATE INDEX "ProposalStateChange_proposalId_createdAt_idx" ON "ProposalStateChange"("proposalId", "createdAt");
CREATE TABLE "new_Post" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "discussionId" TEXT NOT NULL,
    "authorId" TEXT,
    "parentId" TEXT,
    "body" TEXT NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "editedAt" DATETIME,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "hiddenById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Post_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Post_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Post" ("authorId", "body", "createdAt", "discussionId", "editedAt", "hiddenAt", "hiddenById", "hiddenReason", "id", "parentId", "searchText") SELECT "authorId", "body", "createdAt", "discussionId", "editedAt", "hiddenAt", "hiddenById", "hiddenReason", "id", "parentId", "searchText" FROM "Post";
DROP TABLE "Post";
ALTER TABLE "new_Post" RENAME TO "Post";
CREATE INDEX "Post_discussionId_createdAt_idx" ON "Post"("discussionId", "createdAt");
CREATE TABLE "new_PostReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "reporterId" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    CONSTRAINT "PostReport_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PostReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PostReport_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PostReport" ("createdAt", "id", "postId", "reason", "reporterId", "resolvedAt", "resolvedById") SELECT "createdAt", "id", "postId", "reason", "reporterId", "resolvedAt", "resolvedById" FROM "PostReport";
DROP TABLE "PostReport";
ALTER TABLE "new_PostReport" RENAME TO "PostReport";
CREATE INDEX "PostReport_postId_resolvedAt_idx" ON "PostReport"("postId", "resolvedAt");
CREATE UNIQUE INDEX "PostReport_postId_reporterId_key" ON "PostReport"("postId", "reporterId");
CREATE TABLE "new_Vote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "proposalId" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "secret" BOOLEAN NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "quorumPercent" INTEGER NOT NULL,
    "approvalRule" TEXT NOT NULL,
    "createdById" TEXT,
    "closedAt" DATETIME,
    "closedById" TEXT,
    "closeReason" TEXT,
    "result" TEXT,
    "outcome" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Vote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Vote_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Vote_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Vote" ("approvalRule", "closeReason", "closedAt", "closedById", "closesAt", "createdAt", "createdById", "id", "kind", "opensAt", "outcome", "platformId", "proposalId", "quorumPercent", "result", "secret") SELECT "approvalRule", "closeReason", "closedAt", "closedById", "closesAt", "createdAt", "createdById", "id", "kind", "opensAt", "outcome", "platformId", "proposalId", "quorumPercent", "result", "secret" FROM "Vote";
DROP TABLE "Vote";
ALTER TABLE "new_Vote" RENAME TO "Vote";
CREATE UNIQUE INDEX "Vote_proposalId_key" ON "Vote"("proposalId");
CREATE INDEX "Vote_platformId_closedAt_closesAt_idx" ON "Vote"("platformId", "closedAt", "closesAt");
CREATE TABLE "new_Ballot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "voteId" TEXT NOT NULL,
    "userId" TEXT,
    "optionId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ballot_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ballot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ballot_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "VoteOption" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Ballot" ("createdAt", "id", "optionId", "updatedAt", "userId", "voteId") SELECT "createdAt", "id", "optionId", "updatedAt", "userId", "voteId" FROM "Ballot";
DROP TABLE "Ballot";
ALTER TABLE "new_Ballot" RENAME TO "Ballot";
CREATE UNIQUE INDEX "Ballot_voteId_userId_key" ON "Ballot"("voteId", "userId");
CREATE TABLE "new_InPersonTally" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "voteId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "recordedById" TEXT,
    "nonMemberHands" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "InPersonTally_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InPersonTally_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InPersonTally_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_InPersonTally" ("id", "meetingId", "nonMemberHands", "recordedById", "updatedAt", "voteId") SELECT "id", "meetingId", "nonMemberHands", "recordedById", "updatedAt", "voteId" FROM "InPersonTally";
DROP TABLE "InPersonTally";
ALTER TABLE "new_InPersonTally" RENAME TO "InPersonTally";
CREATE UNIQUE INDEX "InPersonTally_voteId_meetingId_key" ON "InPersonTally"("voteId", "meetingId");
CREATE TABLE "new_InPersonVoter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "voteId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InPersonVoter_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InPersonVoter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_InPersonVoter" ("createdAt", "id", "meetingId", "userId", "voteId") SELECT "createdAt", "id", "meetingId", "userId", "voteId" FROM "InPersonVoter";
DROP TABLE "InPersonVoter";
ALTER TABLE "new_InPersonVoter" RENAME TO "InPersonVoter";
CREATE UNIQUE INDEX "InPersonVoter_voteId_userId_key" ON "InPersonVoter"("voteId", "userId");
CREATE TABLE "new_Course" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platformId" TEXT,
    "titleEs" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "descriptionEs" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "topic" TEXT NOT NULL,
    "capacity" INTEGER,
    "enrolmentOpen" BOOLEAN NOT NULL DEFAULT true,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "completionPercent" INTEGER NOT NULL DEFAULT 75,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "closedAt" DATETIME,
    "closedById" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Course_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Course_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Course_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Course" ("capacity", "closedAt", "closedById", "completionPercent", "createdAt", "createdById", "descriptionEn", "descriptionEs", "endDate", "enrolmentOpen", "id", "platformId", "searchText", "startDate", "status", "timeZone", "titleEn", "titleEs", "topic", "updatedAt") SELECT "capacity", "closedAt", "closedById", "completionPercent", "createdAt", "createdById", "descriptionEn", "descriptionEs", "endDate", "enrolmentOpen", "id", "platformId", "searchText", "startDate", "status", "timeZone", "titleEn", "titleEs", "topic", "updatedAt" FROM "Course";
DROP TABLE "Course";
ALTER TABLE "new_Course" RENAME TO "Course";
CREATE INDEX "Course_status_startDate_idx" ON "Course"("status", "startDate");
CREATE INDEX "Course_platformId_status_idx" ON "Course"("platformId", "status");
CREATE TABLE "new_Enrolment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'enrolled',
    "enrolledAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enrolledById" TEXT,
    "endedAt" DATETIME,
    "reason" TEXT,
    "walkInSessionId" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Enrolment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrolment_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrolment_enrolledById_fkey" FOREIGN KEY ("enrolledById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Enrolment" ("courseId", "endedAt", "enrolledAt", "enrolledById", "id", "participantId", "reason", "status", "updatedAt", "walkInSessionId") SELECT "courseId", "endedAt", "enrolledAt", "enrolledById", "id", "participantId", "reason", "status", "updatedAt", "walkInSessionId" FROM "Enrolment";
DROP TABLE "Enrolment";
ALTER TABLE "new_Enrolment" RENAME TO "Enrolment";
CREATE INDEX "Enrolment_courseId_status_idx" ON "Enrolment"("courseId", "status");
CREATE INDEX "Enrolment_participantId_idx" ON "Enrolment"("participantId");
CREATE UNIQUE INDEX "Enrolment_courseId_participantId_key" ON "Enrolment"("courseId", "participantId");
CREATE TABLE "new_Certificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hours" REAL NOT NULL,
    "attended" INTEGER NOT NULL,
    "counted" INTEGER NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" TEXT,
    "revokedAt" DATETIME,
    "revokedById" TEXT,
    "revokeReason" TEXT,
    CONSTRAINT "Certificate_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Certificate_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Certificate_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Certificate_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Certificate" ("attended", "code", "counted", "courseId", "hours", "id", "issuedAt", "issuedById", "name", "participantId", "revokeReason", "revokedAt", "revokedById") SELECT "attended", "code", "counted", "courseId", "hours", "id", "issuedAt", "issuedById", "name", "participantId", "revokeReason", "revokedAt", "revokedById" FROM "Certificate";
DROP TABLE "Certificate";
ALTER TABLE "new_Certificate" RENAME TO "Certificate";
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");
CREATE INDEX "Certificate_participantId_idx" ON "Certificate"("participantId");
CREATE UNIQUE INDEX "Certificate_courseId_participantId_key" ON "Certificate"("courseId", "participantId");
CREATE TABLE "new_Group" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platformId" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionEs" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "joining" TEXT NOT NULL DEFAULT 'open',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Group_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Group_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Group" ("createdAt", "createdById", "descriptionEn", "descriptionEs", "id", "joining", "nameEn", "nameEs", "platformId", "updatedAt", "visibility") SELECT "createdAt", "createdById", "descriptionEn", "descriptionEs", "id", "joining", "nameEn", "nameEs", "platformId", "updatedAt", "visibility" FROM "Group";
DROP TABLE "Group";
ALTER TABLE "new_Group" RENAME TO "Group";
CREATE INDEX "Group_platformId_idx" ON "Group"("platformId");
CREATE TABLE "new_Thread" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "authorId" TEXT,
    "title" TEXT NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "discussionId" TEXT NOT NULL,
    "pinnedAt" DATETIME,
    "lockedAt" DATETIME,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "hiddenById" TEXT,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "proposalId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Thread_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Thread_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Thread_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Thread_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Thread_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Thread" ("authorId", "createdAt", "discussionId", "groupId", "hiddenAt", "hiddenById", "hiddenReason", "id", "lastActivityAt", "lockedAt", "pinnedAt", "proposalId", "searchText", "title") SELECT "authorId", "createdAt", "discussionId", "groupId", "hiddenAt", "hiddenById", "hiddenReason", "id", "lastActivityAt", "lockedAt", "pinnedAt", "proposalId", "searchText", "title" FROM "Thread";
DROP TABLE "Thread";
ALTER TABLE "new_Thread" RENAME TO "Thread";
CREATE UNIQUE INDEX "Thread_discussionId_key" ON "Thread"("discussionId");
CREATE UNIQUE INDEX "Thread_proposalId_key" ON "Thread"("proposalId");
CREATE INDEX "Thread_groupId_lastActivityAt_idx" ON "Thread"("groupId", "lastActivityAt");
-- These columns were plain text until now: an id whose account no longer exists is cleared
-- (once every column may be null), so the new foreign keys hold for every existing row.
UPDATE "Meeting" SET "createdById" = NULL WHERE "createdById" IS NOT NULL AND "createdById" NOT IN (SELECT "id" FROM "User");
UPDATE "Meeting" SET "minutesPublishedById" = NULL WHERE "minutesPublishedById" IS NOT NULL AND "minutesPublishedById" NOT IN (SELECT "id" FROM "User");
UPDATE "Attendance" SET "recordedById" = NULL WHERE "recordedById" IS NOT NULL AND "recordedById" NOT IN (SELECT "id" FROM "User");
UPDATE "MinutesAmendment" SET "authorId" = NULL WHERE "authorId" IS NOT NULL AND "authorId" NOT IN (SELECT "id" FROM "User");
UPDATE "ProposalStateChange" SET "actorId" = NULL WHERE "actorId" IS NOT NULL AND "actorId" NOT IN (SELECT "id" FROM "User");
UPDATE "Post" SET "hiddenById" = NULL WHERE "hiddenById" IS NOT NULL AND "hiddenById" NOT IN (SELECT "id" FROM "User");
UPDATE "PostReport" SET "resolvedById" = NULL WHERE "resolvedById" IS NOT NULL AND "resolvedById" NOT IN (SELECT "id" FROM "User");
UPDATE "Vote" SET "createdById" = NULL WHERE "createdById" IS NOT NULL AND "createdById" NOT IN (SELECT "id" FROM "User");
UPDATE "Vote" SET "closedById" = NULL WHERE "closedById" IS NOT NULL AND "closedById" NOT IN (SELECT "id" FROM "User");
UPDATE "InPersonTally" SET "recordedById" = NULL WHERE "recordedById" IS NOT NULL AND "recordedById" NOT IN (SELECT "id" FROM "User");
UPDATE "InPersonVoter" SET "userId" = NULL WHERE "userId" IS NOT NULL AND "userId" NOT IN (SELECT "id" FROM "User");
UPDATE "Course" SET "closedById" = NULL WHERE "closedById" IS NOT NULL AND "closedById" NOT IN (SELECT "id" FROM "User");
UPDATE "Course" SET "createdById" = NULL WHERE "createdById" IS NOT NULL AND "createdById" NOT IN (SELECT "id" FROM "User");
UPDATE "Enrolment" SET "enrolledById" = NULL WHERE "enrolledById" IS NOT NULL AND "enrolledById" NOT IN (SELECT "id" FROM "User");
UPDATE "Certificate" SET "issuedById" = NULL WHERE "issuedById" IS NOT NULL AND "issuedById" NOT IN (SELECT "id" FROM "User");
UPDATE "Certificate" SET "revokedById" = NULL WHERE "revokedById" IS NOT NULL AND "revokedById" NOT IN (SELECT "id" FROM "User");
UPDATE "Group" SET "createdById" = NULL WHERE "createdById" IS NOT NULL AND "createdById" NOT IN (SELECT "id" FROM "User");
UPDATE "Thread" SET "hiddenById" = NULL WHERE "hiddenById" IS NOT NULL AND "hiddenById" NOT IN (SELECT "id" FROM "User");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
