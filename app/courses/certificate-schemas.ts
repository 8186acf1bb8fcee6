import { z } from "zod";
import { requiredText } from "~/forms/fields";
import { REQUIRED } from "~/forms/messages";

/** Revoking a certificate: which one, and why (required; kept in the record, not shown publicly). */
export const revokeSchema = z.object({
  certificateId: z.string({ required_error: REQUIRED }).trim().min(1, REQUIRED).max(40),
  reason: requiredText(500),
});
