import type { DbClient } from "~/db.server";
import { createWalkIn } from "~/participants/participants.server";
import { searchable } from "~/text/searchable";
import { instantToZoned, zonedToInstant } from "~/time/time-zone";

const DAY = 24 * 3600_000;

interface DemoPeople {
  /** The Putumayo–Aguarico platform and the Palora–Pastaza one. */
  main: { id: string; timeZone: string };
  second: { id: string; timeZone: string };
  facilitatorId: string;
  coordinatorId: string;
  /** Participant ids of the community members, the demo member and the walk-in. */
  members: string[];
  demoMember: string;
  walkIn: string;
}

interface SessionPlan {
  days: number;
  topic: string;
  place: string;
  /** Status per enrolled person (by index), for sessions already held. */
  marks?: (string | null)[];
}

/**
 * Courses grounded in the programme's training lines (../shared/DESIGN.md): one finished
 * with its attendance, one running with an upcoming session, one about to start on the
 * second corridor and one draft. Returns the finished course, which the caller closes.
 */
export async function seedDemoCourses(tx: DbClient, people: DemoPeople) {
  const tz = people.main.timeZone;
  const localDate = (days: number) => instantToZoned(new Date(Date.now() + days * DAY), tz).date;
  const at = (days: number, time: string) => zonedToInstant(localDate(days), time, tz)!;

  async function course(
    data: {
      platformId: string;
      titleEs: string;
      titleEn: string;
      descriptionEs: string;
      descriptionEn: string;
      topic: string;
      capacity: number | null;
      enrolmentOpen: boolean;
      startDays: number;
      endDays: number;
      status: string;
    },
    lessons: { title: string; body: string; links?: { title: string; url: string }[] }[],
    sessions: SessionPlan[],
    enrolled: { participantId: string; walkIn?: boolean; enrolledDays?: number }[],
  ) {
    const { startDays, endDays, ...fields } = data;
    const created = await tx.course.create({
      data: {
        ...fields,
        startDate: localDate(startDays),
        endDate: localDate(endDays),
        timeZone: tz,
        searchText: searchable(`${data.titleEs} ${data.titleEn}`),
        createdById: people.facilitatorId,
        createdAt: at(Math.min(startDays - 20, -1), "10:00"),
        facilitators: { create: { userId: people.facilitatorId } },
      },
    });
    for (const [position, lesson] of lessons.entries()) {
      await tx.lesson.create({
        data: {
          courseId: created.id,
          position,
          title: lesson.title,
          body: lesson.body,
          materials: {
            create: (lesson.links ?? []).map((l, i) => ({
              position: i,
              title: l.title,
              kind: "link",
              url: l.url,
            })),
          },
        },
      });
    }
    for (const e of enrolled) {
      await tx.enrolment.create({
        data: {
          courseId: created.id,
          participantId: e.participantId,
          enrolledAt: at(e.enrolledDays ?? startDays - 5, "12:00"),
          enrolledById: people.facilitatorId,
        },
      });
    }
    for (const s of sessions) {
      const held = !!s.marks;
      const session = await tx.trainingSession.create({
        data: {
          courseId: created.id,
          topic: s.topic,
          place: s.place,
          startsAt: at(s.days, "09:00"),
          endsAt: at(s.days, "12:00"),
          facilitatorId: people.facilitatorId,
          status: held ? "held" : "scheduled",
        },
      });
      for (const [i, status] of (s.marks ?? []).entries()) {
        if (!status) continue;
        await tx.attendance.create({
          data: {
            sessionId: session.id,
            participantId: enrolled[i].participantId,
            status,
            walkIn: !!enrolled[i].walkIn,
            recordedById: people.facilitatorId,
            createdAt: at(s.days, "12:30"),
          },
        });
      }
    }
    return created;
  }

  const [tupak, alicia, rebeca, humberto, luz, jorge, fernanda] = people.members;
  const blanca = await createWalkIn(tx, {
    name: "Blanca Shiguango",
    community: "Limoncocha",
    gender: "woman",
    ageGroup: "youth",
  });

  const finished = await course(
    {
      platformId: people.main.id,
      titleEs: "Monitoreo comunitario de fauna",
      titleEn: "Community fauna monitoring",
      descriptionEs:
        "Cámaras trampa, registros de huellas y conteos en transectos para que las comunidades sigan a la fauna de su territorio y presenten sus datos en la plataforma.",
      descriptionEn:
        "Camera traps, track records and transect counts so communities can follow the wildlife of their territory and bring their data to the platform.",
      topic: "fauna",
      capacity: 20,
      enrolmentOpen: false,
      startDays: -62,
      endDays: -40,
      status: "published",
    },
    [
      {
        title: "Por qué monitorear",
        body: "El monitoreo comunitario muestra **qué especies siguen en el territorio** y dónde hay presión de caza o tala.\n\n- Elegir especies indicadoras (danta, pecarí, guacamayos).\n- Acordar rutas y turnos entre comunidades.",
      },
      {
        title: "Cámaras trampa y transectos",
        body: "Instalar una cámara a 40 cm del suelo, revisar cada 15 días y anotar fecha, lugar y especie en la planilla.",
        links: [
          {
            title: "Guía de cámaras trampa (WCS Ecuador)",
            url: "https://ecuador.wcs.org/",
          },
        ],
      },
    ],
    [
      {
        days: -60,
        topic: "Especies indicadoras",
        place: "Casa comunal de Sani Isla",
        marks: ["present", "present", "present", "present", "absent", "present", "present"],
      },
      {
        days: -53,
        topic: "Instalación de cámaras trampa",
        place: "Sendero de la laguna, Sani Isla",
        marks: ["present", "late", "excused", "present", "absent", "present", "present"],
      },
      {
        days: -47,
        topic: "Transectos y huellas",
        place: "Centro Kichwa de Pañacocha",
        marks: ["present", "present", "present", "absent", "present", "present", "absent"],
      },
      {
        days: -41,
        topic: "Lectura de datos y presentación a la asamblea",
        place: "Casa comunal de Sani Isla",
        marks: ["present", "absent", "present", "absent", "absent", "present", "present"],
      },
    ],
    [
      { participantId: tupak },
      { participantId: alicia },
      { participantId: rebeca },
      { participantId: humberto },
      { participantId: luz },
      { participantId: people.walkIn, walkIn: true },
      { participantId: blanca.id, walkIn: true },
    ],
  );

  await course(
    {
      platformId: people.main.id,
      titleEs: "Respuesta a delitos ambientales",
      titleEn: "Responding to environmental crimes",
      descriptionEs:
        "Para los comités de vigilancia: cómo documentar la tala y la caza ilegales, cadena de custodia de las pruebas y a qué autoridad acudir.",
      descriptionEn:
        "For surveillance committees: documenting illegal logging and hunting, the chain of custody of evidence, and which authority to turn to.",
      topic: "crimes",
      capacity: 25,
      enrolmentOpen: true,
      startDays: -20,
      endDays: 15,
      status: "published",
    },
    [
      {
        title: "Documentar sin ponerse en riesgo",
        body: "Fotografías con fecha y coordenadas, nunca enfrentar a los infractores; anotar lo visto en el cuaderno del comité.",
      },
      {
        title: "Denunciar",
        body: "La denuncia se presenta ante la autoridad ambiental y la Fiscalía, con las pruebas ordenadas.",
        links: [
          {
            title: "Ministerio del Ambiente, Agua y Transición Ecológica",
            url: "https://www.ambiente.gob.ec/",
          },
        ],
      },
    ],
    [
      {
        days: -18,
        topic: "El comité de vigilancia y sus turnos",
        place: "Centro Kichwa de Pañacocha",
        marks: ["present", "present", "late", "present", "present"],
      },
      {
        days: -11,
        topic: "Pruebas y cadena de custodia",
        place: "Centro Kichwa de Pañacocha",
        marks: ["present", "excused", "present", "absent", "present"],
      },
      {
        days: -4,
        topic: "Simulacro de patrullaje",
        place: "Orilla norte del río Aguarico",
        marks: ["present", "present", "absent", "absent", "present"],
      },
      { days: 5, topic: "Presentar una denuncia", place: "Casa comunal de Sani Isla" },
    ],
    [
      { participantId: people.demoMember },
      { participantId: alicia },
      { participantId: jorge },
      { participantId: fernanda },
      { participantId: people.walkIn, walkIn: true },
    ],
  );

  await course(
    {
      platformId: people.second.id,
      titleEs: "Cadenas de valor de la bioeconomía: guayusa y cacao",
      titleEn: "Bioeconomy value chains: guayusa and cacao",
      descriptionEs:
        "Cosecha, secado y venta asociativa de guayusa y cacao fino de aroma, con precios justos para las familias productoras.",
      descriptionEn:
        "Harvest, drying and joint sale of guayusa and fine-aroma cacao, with fair prices for producer families.",
      topic: "bioeconomy",
      capacity: 15,
      enrolmentOpen: true,
      startDays: 14,
      endDays: 45,
      status: "published",
    },
    [
      {
        title: "La cadena de la guayusa",
        body: "De la chacra al mercado: cosecha de hojas maduras, secado a la sombra y empaque.",
      },
    ],
    [
      { days: 14, topic: "La chacra y la cosecha", place: "Asociación de productores de Palora" },
      { days: 28, topic: "Secado y calidad", place: "Asociación de productores de Palora" },
      { days: 42, topic: "Venta asociativa", place: "Puyo" },
    ],
    [],
  );

  await course(
    {
      platformId: people.main.id,
      titleEs: "Turismo comunitario de naturaleza",
      titleEn: "Community nature-based tourism",
      descriptionEs: "Guianza, cupos de visitantes y reparto de beneficios. En preparación.",
      descriptionEn: "Guiding, visitor quotas and benefit sharing. In preparation.",
      topic: "tourism",
      capacity: 20,
      enrolmentOpen: false,
      startDays: 40,
      endDays: 70,
      status: "draft",
    },
    [],
    [],
    [],
  );

  return finished;
}
