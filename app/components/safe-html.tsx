/**
 * HTML that the server produced with renderMarkdown (sanitize-html) — the only place
 * where markup from people reaches the page. Never pass anything else.
 */
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  // eslint-disable-next-line react/no-danger -- sanitized on the server by renderMarkdown
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
