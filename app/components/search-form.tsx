import { Form } from "@remix-run/react";

/**
 * A list's search: one field and its button in a GET form, so it works without JavaScript and
 * the address can be shared. Submitting starts the list again from its first page (a GET form
 * sends only its own fields).
 */
export function SearchForm({
  id,
  label,
  button,
  defaultValue,
  name = "q",
  landmark,
  status,
}: {
  id: string;
  label: string;
  button: string;
  defaultValue: string;
  name?: string;
  /** The search landmark's name, where a page has more than one. */
  landmark?: string;
  /** What the search found ("12 people"), announced after the form; none when omitted. */
  status?: string;
}) {
  return (
    <>
      <Form method="get" className="filter-row" role="search" aria-label={landmark}>
        <label htmlFor={id}>{label}</label>
        <input id={id} name={name} type="search" defaultValue={defaultValue} maxLength={100} />
        <button type="submit" className="button">
          {button}
        </button>
      </Form>
      {status === undefined ? null : (
        <p className="muted" role="status">
          {status}
        </p>
      )}
    </>
  );
}
