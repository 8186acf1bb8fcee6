import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { useActionData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ZodTypeAny } from "zod";
import { useFormFor } from "./use-form-for";

type FormFor<Schema extends ZodTypeAny> = ReturnType<typeof useFormFor<Schema>>;

/** Whether the page's last action answered this form (or one of these): errors to show. */
export function useAnswered(...ids: string[]): boolean {
  const formId = useActionData<{ formId?: string }>()?.formId;
  return formId !== undefined && ids.includes(formId);
}

/**
 * What Conform's metadata holds for a form with no answer yet: the same ids, names and
 * values, no errors. Its field metadata is a proxy that rebuilds itself on every property
 * read (a text field reads about twenty), which is what made forms repeated down a page dear.
 */
export function quietForm<Schema extends ZodTypeAny>(
  id: string,
  defaultValue?: Record<string, unknown>,
): FormFor<Schema> {
  const form = {
    id,
    name: "",
    errorId: `${id}-error`,
    descriptionId: `${id}-description`,
    errors: undefined,
    valid: true,
    noValidate: true,
  };
  const fields = new Proxy({} as Record<string, unknown>, {
    get(made, name) {
      if (typeof name !== "string") return undefined;
      return (made[name] ??= quietField(id, name, defaultValue?.[name]));
    },
  });
  return [form as unknown as FormMetadata, fields] as unknown as FormFor<Schema>;
}

function quietField(formId: string, name: string, value: unknown) {
  const id = `${formId}-${name}`;
  const initialValue =
    value === undefined || value === null
      ? undefined
      : Array.isArray(value)
        ? value
        : String(value);
  return {
    id,
    name,
    formId,
    errorId: `${id}-error`,
    descriptionId: `${id}-description`,
    initialValue,
    defaultValue: typeof initialValue === "string" ? initialValue : undefined,
    errors: undefined,
    valid: true,
    key: undefined,
  } satisfies Partial<FieldMetadata<unknown>>;
}

/**
 * A form repeated down a page (reply to, report or hide each post): Conform's state is made
 * only for the one the last action answered, to show its errors beside the fields with what
 * was typed; the others get the same markup from `quietForm`. A thread of forty posts made
 * eighty such states on every view: 3 of its 10 ms above the 404 page (issue 11).
 */
export function RepeatedForm<Schema extends ZodTypeAny>({
  id,
  defaultValue,
  children,
}: {
  id: string;
  defaultValue?: Record<string, unknown>;
  children: (form: FormFor<Schema>[0], fields: FormFor<Schema>[1]) => ReactNode;
}) {
  if (!useAnswered(id)) return <>{children(...quietForm<Schema>(id, defaultValue))}</>;
  return <AnsweredForm<Schema> id={id} defaultValue={defaultValue} render={children} />;
}

function AnsweredForm<Schema extends ZodTypeAny>({
  id,
  defaultValue,
  render,
}: {
  id: string;
  defaultValue?: Record<string, unknown>;
  render: (form: FormFor<Schema>[0], fields: FormFor<Schema>[1]) => ReactNode;
}) {
  const [form, fields] = useFormFor<Schema>(id, defaultValue);
  return <>{render(form, fields)}</>;
}
