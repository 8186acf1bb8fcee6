import { z } from "zod";
import { dateField, optionalText, timeField } from "~/forms/fields";
import { REQUIRED, msg } from "~/forms/messages";
import { requiredText } from "~/forms/fields";
import { splitLines } from "~/meetings/schemas";
import { VOTE_KINDS, YES_NO_RULES, MIN_OPTIONS, MAX_OPTIONS } from "./choices";
export {
  VOTE_KINDS,
  YES_NO_RULES,
  STANDARD_OPTIONS,
  MIN_OPTIONS,
  MAX_OPTIONS,
  SECRECY,
} from "./choices";

const choice = () => ({ errorMap: () => ({ message: msg("validation.choice") }) });
const date = dateField;
const time = timeField;

function secrecyOf(v: unknown): boolean | undefined {
  if (v === "secret" || v === "on" || v === "true" || v === true) return true;
  if (v === "public" || v === "false" || v === false) return false;
  return undefined;
}

/** Opening a vote: standard yes/no/abstain or 2–10 custom options, when, how secret, which rule. */
export const openVoteSchema = z
  .object({
    kind: z.enum(VOTE_KINDS, choice()),
    options: optionalText(MAX_OPTIONS * 120),
    opens: z.enum(["now", "later"], choice()),
    openDate: date.optional(),
    openTime: time.optional(),
    closeDate: date,
    closeTime: time,
    // A deliberate choice, never a default: the form has two radios ("secret", "public") and
    // none is pre-checked; sending neither is refused beside the field.
    secret: z.preprocess(
      secrecyOf,
      z.boolean({
        required_error: msg("votes:errors.chooseSecrecy"),
        invalid_type_error: msg("votes:errors.chooseSecrecy"),
      }),
    ),
    quorumPercent: z
      .number({ required_error: REQUIRED, invalid_type_error: msg("validation.number") })
      .int(msg("validation.number"))
      .min(0, msg("validation.between", { min: 0, max: 100 }))
      .max(100, msg("validation.between", { min: 0, max: 100 })),
    approvalRule: z.enum(YES_NO_RULES, choice()).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "custom") {
      const options = splitLines(v.options);
      if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
        ctx.addIssue({
          code: "custom",
          path: ["options"],
          message: msg("votes:errors.optionCount", { min: MIN_OPTIONS, max: MAX_OPTIONS }),
        });
      }
      const seen = new Set(options.map((o) => o.toLocaleLowerCase()));
      if (seen.size !== options.length) {
        ctx.addIssue({
          code: "custom",
          path: ["options"],
          message: msg("votes:errors.duplicateOption"),
        });
      }
      if (options.some((o) => o.length > 100)) {
        ctx.addIssue({
          code: "custom",
          path: ["options"],
          message: msg("validation.tooLong", { max: 100 }),
        });
      }
    } else if (!v.approvalRule) {
      ctx.addIssue({ code: "custom", path: ["approvalRule"], message: msg("validation.choice") });
    }
    if (v.opens === "later" && (!v.openDate || !v.openTime)) {
      ctx.addIssue({ code: "custom", path: ["openDate"], message: REQUIRED });
    }
  });
export type OpenVoteInput = z.infer<typeof openVoteSchema>;

export const ballotSchema = z.object({
  optionId: z.string({ required_error: msg("votes:errors.chooseOption") }).max(40),
});

/** Show-of-hands counts per option ("count.<optionId>") and the members who voted by hand. */
export const tallySchema = z.object({
  meetingId: z.string({ required_error: msg("validation.choice") }).max(40),
  // Conform does not coerce record values, so the text of each field is read here; an
  // empty field means no hands.
  count: z
    .record(
      z.string(),
      z.preprocess(
        (v) => (v === undefined || v === "" ? 0 : typeof v === "string" ? Number(v) : v),
        z
          .number({ invalid_type_error: msg("validation.number") })
          .int(msg("validation.number"))
          .min(0, msg("validation.between", { min: 0, max: 100000 }))
          .max(100000, msg("validation.between", { min: 0, max: 100000 })),
      ),
    )
    // Every field left empty: Conform sends no "count" at all, which is no hands either.
    .default({}),
  inPerson: z.array(z.string().max(40)).default([]),
});

export const closeVoteSchema = z.object({
  reason: requiredText(500),
});
