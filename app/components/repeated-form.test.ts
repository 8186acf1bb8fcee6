import { type DefaultValue, getFormProps, useForm } from "@conform-to/react";
import { createElement as h, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { SelectField, TextField, TextareaField } from "./form-fields";
import { quietForm } from "./repeated-form";

// The forms repeated down a page render without Conform's state until the server answers one
// (repeated-form.tsx): the page must read the same either way — same ids, names, values and
// links between labels, hints and fields — or a screen reader and the tests that find fields
// by label would see two forms.
type Form = ReturnType<typeof quietForm>[0];
type Fields = Record<string, Parameters<typeof TextField>[0]["meta"]> & {
  body: Parameters<typeof TextareaField>[0]["meta"];
};

function markup(form: Form, fields: Fields): ReactNode {
  return h(
    "form",
    { ...getFormProps(form), method: "post" },
    h(TextareaField, { meta: fields.body, label: "Texto", rows: 3 }),
    h(TextField, { meta: fields.reason, label: "Motivo", hint: "Una línea" }),
    h(TextField, { meta: fields.count, label: "Cuántos", type: "number" }),
    h(SelectField, {
      meta: fields.role as Parameters<typeof SelectField>[0]["meta"],
      label: "Rol",
      options: ["member", "facilitator"].map((value) => ({ value, label: value })),
    }),
  );
}

function WithConform({ id, defaultValue }: { id: string; defaultValue?: Record<string, unknown> }) {
  const [form, fields] = useForm({
    id,
    defaultValue: defaultValue as DefaultValue<Record<string, unknown>>,
  });
  return markup(form as unknown as Form, fields as unknown as Fields);
}

function Quiet({ id, defaultValue }: { id: string; defaultValue?: Record<string, unknown> }) {
  const [form, fields] = quietForm(id, defaultValue);
  return markup(form, fields as unknown as Fields);
}

describe("a repeated form before the server answers it", () => {
  it.each([
    ["empty", undefined],
    [
      "with values",
      { body: "Primera línea\nsegunda <b>", reason: "spam", count: 3, role: "facilitator" },
    ],
  ])("renders what Conform renders for the same form (%s)", (_, defaultValue) => {
    const conform = renderToStaticMarkup(h(WithConform, { id: "report-p1", defaultValue }));
    const quiet = renderToStaticMarkup(h(Quiet, { id: "report-p1", defaultValue }));
    expect(quiet).toBe(conform);
    expect(quiet).toContain('id="report-p1-reason"');
    if (defaultValue) {
      expect(quiet).toContain("Primera línea\nsegunda &lt;b&gt;</textarea>");
      expect(quiet).toContain('<option value="facilitator" selected="">');
    }
  });

  it("gives each form of the page its own ids", () => {
    const a = renderToStaticMarkup(h(Quiet, { id: "reply-p1" }));
    const b = renderToStaticMarkup(h(Quiet, { id: "reply-p2" }));
    expect(a).toContain('id="reply-p1-body"');
    expect(b).toContain('id="reply-p2-body"');
    expect(b).not.toContain("reply-p1");
  });
});
