import type { PersonalDataDeclaration } from "~/privacy/declaration";

export const coursesPersonalData: PersonalDataDeclaration[] = [
  {
    model: "Enrolment",
    fields: ["participantId", "enrolledById"],
    purpose: "A person's place in a course; who enrolled them.",
    erasure: "keep",
    export: {
      key: "enrolments",
      collect: async (client, { participantId }) => {
        if (!participantId) return [];
        const rows = await client.enrolment.findMany({
          where: { participantId },
          select: {
            status: true,
            enrolledAt: true,
            endedAt: true,
            course: { select: { titleEs: true, titleEn: true } },
          },
          orderBy: { enrolledAt: "asc" },
        });
        return rows.map((e) => ({
          course: e.course.titleEs,
          status: e.status,
          enrolledAt: e.enrolledAt,
          endedAt: e.endedAt,
        }));
      },
    },
  },
  {
    model: "Certificate",
    fields: ["participantId", "issuedById", "revokedById"],
    purpose:
      "Certificates of completion: the name printed on them, hours, the verification code. Erasure keeps the certificate valid and clears the name.",
    erasure: "detach",
    export: {
      key: "certificates",
      collect: async (client, { participantId }) => {
        if (!participantId) return [];
        const rows = await client.certificate.findMany({
          where: { participantId },
          select: {
            code: true,
            name: true,
            hours: true,
            issuedAt: true,
            revokedAt: true,
            course: { select: { titleEs: true } },
          },
          orderBy: { issuedAt: "asc" },
        });
        return rows.map(({ course, ...c }) => ({ course: course.titleEs, ...c }));
      },
    },
  },
  {
    model: "CourseFacilitator",
    fields: ["userId"],
    purpose: "Who facilitates a course (the link goes with the account; the course stays).",
    erasure: "delete",
    export: {
      key: "coursesFacilitated",
      collect: async (client, { userId }) => {
        const rows = await client.courseFacilitator.findMany({
          where: { userId },
          select: { course: { select: { titleEs: true } } },
        });
        return rows.map((r) => r.course.titleEs);
      },
    },
  },
  {
    model: "Course",
    fields: ["closedById", "createdById"],
    purpose: "Who created and closed a course (the staff's work).",
    erasure: "detach",
  },
];
