import { Transform } from "node:stream";
import type { i18n as I18n } from "i18next";
import { INLINE_TRANSLATIONS_ID } from "./config";
import { resourcesVersion } from "./resources.server";

/**
 * Notes every namespace the page's render reads, so the page can carry exactly the strings
 * the browser needs to hydrate it: no request for translations before the page is usable
 * (on a weak signal that round-trip was the slowest part of start-up).
 */
export function trackNamespaces(i18n: I18n): {
  used: () => string[];
  note: (ns: string) => void;
} {
  const used = new Set<string>([String(i18n.options.defaultNS ?? "common")]);
  // Every lookup (t, Trans, "ns:key") ends in the store's getResource, untyped in i18next's API.
  const store = i18n.services.resourceStore as unknown as {
    getResource(lng: string, ns: string, ...rest: unknown[]): unknown;
  };
  const getResource = store.getResource.bind(store);
  store.getResource = (lng, ns, ...rest) => {
    used.add(ns);
    return getResource(lng, ns, ...rest);
  };
  // A lookup answered without the store (memo-translations.server.ts) is noted here.
  return { used: () => [...used].sort(), note: (ns) => used.add(ns) };
}

/**
 * The JSON of those namespaces' strings, made once per language and set of namespaces: the
 * portal's translations do not change while it runs (resources.server.ts, versioned by
 * `resourcesVersion`), and pages read a handful of sets. Kept per store of translations, so an
 * instance with other strings (a test's) gets its own.
 */
const madeFor = new WeakMap<object, Map<string, string>>();
const MAX_SETS = 200;

function translationsJson(i18n: I18n, namespaces: string[]): string {
  const lng = i18n.language;
  const data = (i18n as unknown as { store: { data: object } }).store.data;
  let made = madeFor.get(data);
  if (!made) madeFor.set(data, (made = new Map()));
  const key = `${lng}|${namespaces.join(",")}`;
  let json = made.get(key);
  if (json === undefined) {
    const resources: Record<string, unknown> = {};
    for (const ns of namespaces) {
      const bundle = i18n.getResourceBundle(lng, ns) as unknown;
      if (bundle) resources[ns] = bundle;
    }
    json = JSON.stringify({ lng, version: resourcesVersion, resources })
      .replace(/</g, "\\u003c")
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029");
    if (made.size >= MAX_SETS) made.clear();
    made.set(key, json);
  }
  return json;
}

/** `<script type="application/json">` whose text cannot end the script early. */
export function translationsBlock(i18n: I18n, namespaces: string[], nonce?: string): string {
  const json = translationsJson(i18n, namespaces);
  const nonceAttr = nonce ? ` nonce="${nonce.replace(/[^A-Za-z0-9+/=_-]/g, "")}"` : "";
  return `<script type="application/json" id="${INLINE_TRANSLATIONS_ID}"${nonceAttr}>${json}</script>`;
}

const BODY_END = Buffer.from("</body>");
/** Bytes held back so that `</body>` is found even when it arrives split across chunks. */
const HELD = BODY_END.length + "</html>".length + 8;

/**
 * Passes the rendered HTML through and, once the render has finished (so every namespace it
 * read is known), writes the block just before `</body>`.
 *
 * React writes a page in chunks of about 2 KB, all in one go; each chunk passed on alone was
 * a write to the gzip stream (a job on libuv's threads) and to the socket: 28 % of the
 * server's CPU for a 65 KB page (issue 11). What arrives in one go leaves as one chunk (sent
 * when the writing stops, in a microtask), so a later part of a streamed page still leaves as
 * soon as it is written. Bytes, never decoded: `</body>` is ASCII, so a character split
 * across chunks is joined again untouched.
 */
export function appendBeforeBodyEnd(block: () => string): Transform {
  let held: Buffer[] = [];
  let scheduled = false;
  let ended = false;
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      held.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(() => {
          scheduled = false;
          if (ended) return;
          const bytes = Buffer.concat(held);
          held = [bytes.subarray(Math.max(0, bytes.length - HELD))];
          if (bytes.length > HELD) this.push(bytes.subarray(0, bytes.length - HELD));
        });
      }
      done();
    },
    flush(done) {
      ended = true;
      const bytes = Buffer.concat(held);
      held = [];
      const at = bytes.lastIndexOf(BODY_END);
      const script = Buffer.from(block());
      done(
        null,
        at < 0
          ? Buffer.concat([bytes, script])
          : Buffer.concat([bytes.subarray(0, at), script, bytes.subarray(at)]),
      );
    },
  });
}
