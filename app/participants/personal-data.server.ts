import type { PersonalDataDeclaration } from "~/privacy/declaration";

export const participantsPersonalData: PersonalDataDeclaration[] = [
  {
    model: "Participant",
    fields: ["userId", "phone"],
    purpose:
      "The person the portal counts, with the profile given for reports (gender, birth year, age group, people, community), and for a member without an account an optional phone number so coordinators can reach them.",
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
            phone: true,
          },
        }),
    },
  },
];
