import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { z } from "zod";
import { FormErrors, TextField } from "./form-fields";
import { RepeatedForm } from "./repeated-form";

type OptionalReason = z.ZodObject<{ reason: z.ZodOptional<z.ZodString> }>;

/**
 * Approving or rejecting (with an optional reason) a request to join, one pair of forms per
 * request on a platform's or a group's members page, in that page's words.
 */
export function RequestAnswerForms({
  ns,
  membershipId,
  name,
}: {
  ns: "platforms" | "groups";
  membershipId: string;
  name: string;
}) {
  const { t } = useTranslation();
  // Literal keys, so the locale test checks each page's strings.
  const label =
    ns === "platforms"
      ? {
          approve: t("platforms:members.approve", { name }),
          reject: t("platforms:members.reject", { name }),
          reason: t("platforms:members.rejectReason"),
        }
      : {
          approve: t("groups:members.approve", { name }),
          reject: t("groups:members.reject", { name }),
          reason: t("groups:members.rejectReason"),
        };
  return (
    <>
      <RepeatedForm<OptionalReason> id={`approve-${membershipId}`}>
        {(form) => (
          <Form method="post" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="_form" value={form.id} />
            <input type="hidden" name="membershipId" value={membershipId} />
            <button type="submit" name="intent" value="approve" className="button primary">
              {label.approve}
            </button>
          </Form>
        )}
      </RepeatedForm>
      <RepeatedForm<OptionalReason> id={`reject-${membershipId}`}>
        {(form, fields) => (
          <Form method="post" {...getFormProps(form)} noValidate className="stack">
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="_form" value={form.id} />
            <input type="hidden" name="membershipId" value={membershipId} />
            <TextField meta={fields.reason} label={label.reason} optionalLabel />
            <button type="submit" name="intent" value="reject" className="button danger">
              {label.reject}
            </button>
          </Form>
        )}
      </RepeatedForm>
    </>
  );
}
