import type { PersonalDataDeclaration } from "~/privacy/declaration";

export const participantsPersonalData: PersonalDataDeclaration[] = [
  {
    model: "Participant",
    fields: ["userId"],
    purpose:
      "The person the portal counts, with the profile given for reports (gender, birth year, age group, people, community).",
    erasure: "detach",
    export: {
      key: "profile",
      collect: (client, { userId }) =>
        client.participant.findUnique({
          where: { userId },
          select: {
            name: true,
            community: true,
            people: true,
            gender: true,
            birthYear: true,
            ageGroup: true,
          },
        }),
    },
  },
];
