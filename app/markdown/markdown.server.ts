import { createHash } from "node:crypto";
import { Lexer, Parser, type MarkedOptions, type Token, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown written by people → HTML that is safe to put in a page, in bounded time.
 *
 * marked is fast on ordinary text but superlinear on some crafted inputs: thousands of
 * nested quotes or lists overflow its recursion, and long runs of unmatched emphasis
 * delimiters in one paragraph cost time quadratic in the paragraph's length. So:
 * - container nesting (`>`, list markers, indentation) is capped before parsing;
 * - long inline runs are tokenized in slices of at most INLINE_SLICE characters,
 *   which keeps the quadratic part small (an emphasis cannot span a slice boundary,
 *   which only matters for paragraphs longer than any person writes in one go);
 * - anything that still throws, or text above MAX_SOURCE, is shown escaped;
 * - each distinct text is rendered once (a bounded LRU keyed by a hash of the text
 *   and the options, so every app instance produces the same HTML for the same text).
 */

export type MarkdownOptions = {
  /** The HTML level of the text's top heading: one below the heading of the section it sits in. */
  topHeading?: 2 | 3 | 4;
};

/** Above the largest text any form accepts (minutes: 50,000). */
export const MAX_SOURCE = 60_000;
const MAX_DEPTH = 8;
const MAX_INDENT = 4 * MAX_DEPTH;
const INLINE_SLICE = 500;

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "del",
    "blockquote",
    "code",
    "pre",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  // Links open as ordinary links, never as script.
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener" }) },
};

const CONTAINER_PREFIX = /^(?:[ \t]{0,3}(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;
const CONTAINER_MARK = /(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/g;

/**
 * Caps how deep quotes and lists can nest: a line's run of container markers keeps its
 * first MAX_DEPTH markers, and indentation is capped at MAX_INDENT columns.
 */
export function limitNesting(source: string): string {
  return source
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)![0];
      let rest = line.slice(indent.length);
      const width = indent.replace(/\t/g, "    ").length;
      const head = width > MAX_INDENT ? " ".repeat(MAX_INDENT) : indent;
      const prefix = CONTAINER_PREFIX.exec(rest)?.[0];
      if (prefix && (prefix.match(CONTAINER_MARK)?.length ?? 0) > MAX_DEPTH) {
        let kept = 0;
        let cut = 0;
        for (const m of prefix.matchAll(CONTAINER_MARK)) {
          kept += 1;
          cut = m.index + m[0].length;
          if (kept === MAX_DEPTH) break;
        }
        rest = prefix.slice(0, cut) + " " + rest.slice(prefix.length).trimStart();
      }
      return head + rest;
    })
    .join("\n");
}

/** Splits inline text at line breaks (or spaces) into slices of at most `size` characters. */
function slices(src: string, size: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (src.length - start > size) {
    const window = src.slice(start, start + size);
    // Cut before a newline so it starts the next slice and still becomes a line break.
    let cut = window.lastIndexOf("\n");
    if (cut <= 0) cut = window.lastIndexOf(" ");
    if (cut <= 0) cut = size;
    out.push(src.slice(start, start + cut));
    start += cut;
  }
  out.push(src.slice(start));
  return out;
}

class BoundedLexer extends Lexer {
  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    if (src.length <= INLINE_SLICE) return super.inlineTokens(src, tokens);
    for (const part of slices(src, INLINE_SLICE)) super.inlineTokens(part, tokens);
    return tokens;
  }
}

const MARKED: MarkedOptions = { gfm: true, breaks: true, async: false };

function collectHeadings(tokens: Token[], found: Tokens.Heading[]): Tokens.Heading[] {
  for (const token of tokens) {
    if (token.type === "heading") found.push(token as Tokens.Heading);
    const children = (token as { tokens?: Token[] }).tokens;
    if (children) collectHeadings(children, found);
    if (token.type === "list") for (const item of token.items) collectHeadings(item.tokens, found);
  }
  return found;
}

/**
 * Heading levels used in the text become consecutive levels from `top` (capped at h6):
 * a text whose first heading is "##", or that jumps from "#" to "###", still never
 * skips a level below the page's own headings.
 */
function placeHeadings(tokens: Token[], top: number): void {
  const headings = collectHeadings(tokens, []);
  const levels = [...new Set(headings.map((h) => h.depth))].sort((a, b) => a - b);
  for (const h of headings) h.depth = Math.min(6, top + levels.indexOf(h.depth));
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The fail-safe rendering: the text as typed, escaped, paragraphs and line breaks kept. */
export function renderPlain(source: string): string {
  return source
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, "<br />")}</p>`)
    .join("\n");
}

function render(source: string, top: number): string {
  if (source.length > MAX_SOURCE) return renderPlain(source);
  try {
    const lexer = new BoundedLexer(MARKED);
    const tokens = lexer.lex(limitNesting(source));
    placeHeadings(tokens, top);
    const html = Parser.parse(tokens, MARKED);
    return sanitizeHtml(html, SANITIZE);
  } catch (error) {
    console.error("Markdown could not be rendered; showing it as plain text", error);
    return renderPlain(source);
  }
}

const CACHE_LIMIT_CHARS = 20_000_000;
const cache = new Map<string, string>();
let cachedChars = 0;

/** Markdown written by people → sanitized HTML; its top heading becomes `<h{topHeading}>` (default h3). */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  const top = options.topHeading ?? 3;
  const key = createHash("sha256").update(`${top}\0${source}`).digest("base64");
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Re-inserting moves the entry to the young end of the Map's order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = render(source, top);
  cache.set(key, html);
  cachedChars += html.length;
  for (const [oldKey, oldHtml] of cache) {
    if (cachedChars <= CACHE_LIMIT_CHARS) break;
    cache.delete(oldKey);
    cachedChars -= oldHtml.length;
  }
  return html;
}
