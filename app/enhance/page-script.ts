/**
 * The portal's only JavaScript in the browser (decision 040): every page works as plain HTML,
 * and this small script, inlined in each page, adds what the pages used React in the browser
 * for. It is serialised with `Function.prototype.toString`, so it must stay self-contained: no
 * imports, no names from outside, no helpers a compiler could add (a test runs it as the page
 * gets it).
 *
 * - A form that writes (method="post") is sent once: a second tap while the first is on its way
 *   over a weak signal is ignored, and the form shows it is busy. After a while a tap goes again
 *   (a request lost on the way must be retryable), and a page restored by "back" is ready again.
 * - A form marked `data-changes-only` (the attendance forms) sends only the rows changed on
 *   screen: each row carries `shown.<id>` (the status shown) beside `status.<id>`; a row whose
 *   status is the one shown is dropped, and the `shown.` fields always are. Without the script
 *   the whole page is sent and the server drops the unchanged rows itself (attendance changes.ts),
 *   so what is written is the same.
 */
export function enhancePage(doc: Document, win: Window): void {
  const retryAfterMs = 15_000;

  doc.addEventListener("submit", (event) => {
    const form = event.target as HTMLFormElement | null;
    if (!form || form.tagName !== "FORM" || event.defaultPrevented) return;
    // The attribute, not `form.method`: a field named "method" would shadow the property.
    if ((form.getAttribute("method") ?? "").toLowerCase() !== "post") return;
    const sentAt = Number(form.getAttribute("data-sent-at") ?? "0");
    const now = Date.now();
    if (now - sentAt < retryAfterMs) {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-sent-at", String(now));
    form.setAttribute("aria-busy", "true");
  });

  doc.addEventListener("formdata", (event) => {
    const form = event.target as HTMLFormElement | null;
    if (!form || !form.hasAttribute("data-changes-only")) return;
    const data = (event as FormDataEvent).formData;
    for (const [name, shown] of [...data.entries()]) {
      if (name.indexOf("shown.") !== 0) continue;
      const status = "status." + name.slice("shown.".length);
      if (data.get(status) === shown) data.delete(status);
      data.delete(name);
    }
  });

  win.addEventListener("pageshow", (event) => {
    if (!(event as PageTransitionEvent).persisted) return;
    doc.querySelectorAll("form[data-sent-at]").forEach((form) => {
      form.removeAttribute("data-sent-at");
      form.removeAttribute("aria-busy");
    });
  });
}

/** The script element's text: the function above, run at once on the page. */
export const pageScript = `(${enhancePage.toString()})(document, window);`;
