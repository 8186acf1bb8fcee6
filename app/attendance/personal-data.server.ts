import type { PersonalDataDeclaration } from "~/privacy/declaration";

export const attendancePersonalData: PersonalDataDeclaration[] = [
  {
    model: "Attendance",
    fields: ["participantId", "recordedById"],
    purpose: "Who was at each assembly and training session (a governance record); who took it.",
    erasure: "keep",
    export: {
      key: "attendance",
      collect: async (client, { participantId }) => {
        if (!participantId) return [];
        const rows = await client.attendance.findMany({
          where: { participantId },
          select: {
            status: true,
            walkIn: true,
            meeting: {
              select: { title: true, startsAt: true, platform: { select: { name: true } } },
            },
            session: {
              select: {
                topic: true,
                startsAt: true,
                course: { select: { titleEs: true, titleEn: true } },
              },
            },
          },
          orderBy: { createdAt: "asc" },
        });
        return rows.map((r) => ({
          status: r.status,
          walkIn: r.walkIn,
          assembly: r.meeting
            ? {
                title: r.meeting.title,
                startsAt: r.meeting.startsAt,
                platform: r.meeting.platform.name,
              }
            : undefined,
          trainingSession: r.session
            ? {
                topic: r.session.topic,
                startsAt: r.session.startsAt,
                course: r.session.course.titleEs,
              }
            : undefined,
        }));
      },
    },
  },
];
