import { pageScript } from "./page-script";

type Listener = (event: object) => void;

/** Just enough of a page for the script: listeners, and forms with attributes. */
function fakePage() {
  const listeners: Record<string, Listener[]> = {};
  const on = (type: string, listener: Listener) => (listeners[type] ??= []).push(listener);
  const forms: FakeForm[] = [];
  const document = {
    addEventListener: on,
    querySelectorAll: (selector: string) => {
      expect(selector).toBe("form[data-sent-at]");
      return forms.filter((f) => f.hasAttribute("data-sent-at"));
    },
  };
  const window = { addEventListener: on };
  // Run exactly what the page gets, with nothing of this module in scope.
  new Function("document", "window", pageScript)(document, window);
  const fire = (type: string, event: object) => {
    for (const listener of listeners[type] ?? []) listener(event);
  };
  return { forms, fire };
}

class FakeForm {
  tagName = "FORM";
  attributes = new Map<string, string>();
  constructor(method: "get" | "POST" | "post", attrs: Record<string, string> = {}) {
    this.attributes.set("method", method);
    for (const [k, v] of Object.entries(attrs)) this.attributes.set(k, v);
  }
  getAttribute = (name: string) => this.attributes.get(name) ?? null;
  setAttribute = (name: string, value: string) => void this.attributes.set(name, value);
  hasAttribute = (name: string) => this.attributes.has(name);
  removeAttribute = (name: string) => void this.attributes.delete(name);
}

function submit(fire: (type: string, e: object) => void, form: FakeForm) {
  const event = {
    target: form,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
  fire("submit", event);
  return event.defaultPrevented ? "held back" : "sent";
}

describe("the page's script", () => {
  afterEach(() => vi.useRealTimers());

  it("is a script the page can carry: self-contained, no compiler helpers, no way out of its tag", () => {
    expect(pageScript).not.toMatch(/<\/script/i);
    expect(pageScript).not.toMatch(/\b__\w+\(/);
    expect(pageScript).not.toMatch(/\bimport\b|\brequire\(/);
    expect(pageScript.length).toBeLessThan(4_000);
  });

  it("sends a form that writes once: a second tap while it is on its way is held back", () => {
    vi.useFakeTimers();
    const { forms, fire } = fakePage();
    const vote = new FakeForm("post");
    forms.push(vote);
    expect(submit(fire, vote)).toBe("sent");
    expect(vote.getAttribute("aria-busy")).toBe("true");
    vi.advanceTimersByTime(2_000);
    expect(submit(fire, vote)).toBe("held back");
    // Another form on the page is not held back by this one, however its method is written.
    expect(submit(fire, new FakeForm("POST"))).toBe("sent");
    // A request lost on a weak signal can be sent again after a while.
    vi.advanceTimersByTime(14_000);
    expect(submit(fire, vote)).toBe("sent");
  });

  it("never holds back a search (a GET form), and leaves a form another handler stopped alone", () => {
    const { fire } = fakePage();
    const search = new FakeForm("get");
    expect(submit(fire, search)).toBe("sent");
    expect(submit(fire, search)).toBe("sent");
    expect(search.hasAttribute("aria-busy")).toBe(false);
    const stopped = new FakeForm("post");
    fire("submit", { target: stopped, defaultPrevented: true, preventDefault() {} });
    expect(stopped.hasAttribute("data-sent-at")).toBe(false);
  });

  it("makes a page restored by the back button ready to send again", () => {
    const { forms, fire } = fakePage();
    const form = new FakeForm("post");
    forms.push(form);
    submit(fire, form);
    fire("pageshow", { persisted: false });
    expect(submit(fire, form)).toBe("held back");
    fire("pageshow", { persisted: true });
    expect(form.hasAttribute("aria-busy")).toBe(false);
    expect(submit(fire, form)).toBe("sent");
  });

  it("sends only the attendance rows changed on screen, with the button pressed", () => {
    const { fire } = fakePage();
    const data = new FormData();
    data.append("_form", "attendance");
    for (const [id, shown, status] of [
      ["a", "present", "present"],
      ["b", "", "present"],
      ["c", "present", "absent"],
      ["d", "", ""],
    ]) {
      data.append(`shown.${id}`, shown);
      data.append(`status.${id}`, status);
    }
    data.append("intent", "attendance");
    fire("formdata", { target: new FakeForm("post", { "data-changes-only": "" }), formData: data });
    expect([...data.entries()]).toEqual([
      ["_form", "attendance"],
      ["status.b", "present"],
      ["status.c", "absent"],
      ["intent", "attendance"],
    ]);
    // Any other form goes as it is.
    const other = new FormData();
    other.append("shown.a", "present");
    other.append("status.a", "present");
    fire("formdata", { target: new FakeForm("post"), formData: other });
    expect([...other.keys()]).toEqual(["shown.a", "status.a"]);
  });
});
