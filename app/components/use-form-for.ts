import { useForm } from "@conform-to/react";
import type { DefaultValue, SubmissionResult } from "@conform-to/react";
import { useActionData } from "@remix-run/react";
import type { z, ZodTypeAny } from "zod";

/**
 * A Conform form typed by its Zod schema, showing only the errors the server returned for
 * this form (pages can hold several). The schema validates on the server only: the page
 * ships no validation library (issue 11: 14 KB of gzip on every page with a form, and on
 * pages that only might show one), and a phone without JavaScript gets the same messages
 * beside the same fields. Pass the schema's type: `useFormFor<typeof schema>("id")`.
 */
export function useFormFor<Schema extends ZodTypeAny>(
  id: string,
  defaultValue?: Record<string, unknown>,
) {
  const data = useActionData<{ formId?: string; result?: SubmissionResult<string[]> }>();
  return useForm<z.input<Schema>, string[]>({
    id,
    lastResult: data?.formId === id ? data.result : undefined,
    defaultValue: defaultValue as DefaultValue<z.input<Schema>>,
  });
}
