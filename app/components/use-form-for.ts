import { useForm } from "@conform-to/react";
import type { DefaultValue, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { useActionData } from "@remix-run/react";
import type { z, ZodTypeAny } from "zod";

/**
 * A Conform form bound to one Zod schema, showing only the errors the server returned
 * for this form (pages can hold several). The same schema validates on the server.
 */
export function useFormFor<Schema extends ZodTypeAny>(
  id: string,
  schema: Schema,
  defaultValue?: Record<string, unknown>,
) {
  const data = useActionData<{ formId?: string; result?: SubmissionResult<string[]> }>();
  return useForm<z.input<Schema>, string[]>({
    id,
    lastResult: data?.formId === id ? data.result : undefined,
    defaultValue: defaultValue as DefaultValue<z.input<Schema>>,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}
