import type { PersonalDataDeclaration } from "~/privacy/declaration";

export const meetingsPersonalData: PersonalDataDeclaration[] = [
  {
    model: "Rsvp",
    fields: ["userId"],
    purpose: "Whether a member said they would come to an assembly.",
    erasure: "delete",
    export: {
      key: "rsvps",
      collect: async (client, { userId }) => {
        const rows = await client.rsvp.findMany({
          where: { userId },
          select: { answer: true, meeting: { select: { title: true, startsAt: true } } },
        });
        return rows.map((r) => ({
          answer: r.answer,
          assembly: r.meeting.title,
          startsAt: r.meeting.startsAt,
        }));
      },
    },
  },
  {
    model: "Meeting",
    fields: ["createdById", "minutesPublishedById"],
    purpose:
      "Who scheduled an assembly and who published its minutes (the facilitator's work, not personal data about the attendees).",
    erasure: "detach",
  },
  {
    model: "MinutesAmendment",
    fields: ["authorId"],
    purpose: "Who corrected published minutes (a governance record).",
    erasure: "detach",
  },
];
