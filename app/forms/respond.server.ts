import type { Submission } from "@conform-to/react";
import { json } from "@remix-run/node";
import type { Refusal } from "./outcome";

/** Which form on the page was sent, so only that form shows the errors. */
export function formIdOf(formData: FormData): string {
  const id = formData.get("_form");
  return typeof id === "string" && id.length <= 100 ? id : "";
}

/** A 400 with the errors (from the schema or the domain) for the form that was sent. */
export function rejectForm(
  formId: string,
  submission: Submission<unknown>,
  refusal?: Refusal,
  hideFields?: string[],
  status = 400,
) {
  return json(
    {
      formId,
      result: submission.reply({
        fieldErrors: refusal?.fieldErrors,
        formErrors: refusal?.formErrors,
        hideFields,
      }),
    },
    { status },
  );
}

/** Back to a page after a change, with a notice it shows in the reader's language. */
export function withNotice(path: string, notice: string): string {
  const url = new URL(path, "http://minga.invalid");
  url.searchParams.set("done", notice);
  return `${url.pathname}${url.search}`;
}
