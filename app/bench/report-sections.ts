/**
 * docs/benchmarks.md holds one section per configuration measured, each between markers
 * (`<!-- bench:KEY -->` … `<!-- /bench:KEY -->`). A run of `npm run bench` replaces only its
 * own section and keeps the others, so the figures of SQLite and PostgreSQL stand side by
 * side though each comes from its own run. Pure: text in, text out.
 */
export const CONFIGURATIONS = [
  { key: "sqlite", title: "SQLite, one instance" },
  { key: "postgresql", title: "PostgreSQL, one instance" },
  { key: "postgresql-2", title: "PostgreSQL, two instances" },
] as const;

/** The section of a configuration: `sqlite`, `postgresql`, `postgresql-2`, … */
export function sectionKey(database: "sqlite" | "postgresql", instances: number): string {
  return instances > 1 ? `${database}-${instances}` : database;
}

/** The heading of a configuration's section. */
export function sectionTitle(key: string): string {
  const known = CONFIGURATIONS.find((c) => c.key === key);
  if (known) return known.title;
  const [database, instances] = key.split("-");
  const name = database === "sqlite" ? "SQLite" : "PostgreSQL";
  return `${name}, ${instances ?? 1} instances`;
}

const SECTION = /<!-- bench:([\w-]+) -->\n([\s\S]*?)\n?<!-- \/bench:\1 -->/g;

/** The sections of a document, by key, in the order they appear (bodies trimmed). */
export function readSections(doc: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const m of doc.matchAll(SECTION)) sections.set(m[1], m[2].trim());
  if (sections.size || !doc.trim()) return sections;
  // A document from before the sections: all of it was SQLite's single run. Its body starts
  // at its first second-level heading (the title and introduction are rewritten anyway),
  // one level down under the configuration's own heading.
  const start = doc.search(/^## /m);
  if (start < 0) return sections;
  const body = doc
    .slice(start)
    .trim()
    .replace(/^(#{2,5}) /gm, "#$1 ");
  sections.set("sqlite", `## ${sectionTitle("sqlite")}\n\n${body}`);
  return sections;
}

/**
 * The document with `key`'s section set to `body` (which starts with its own heading) and
 * every other section kept as it was, under `header` (the title and introduction). Sections
 * follow CONFIGURATIONS' order, any other after them in the order found.
 */
export function replaceSection(doc: string, key: string, body: string, header: string): string {
  const sections = readSections(doc);
  sections.set(key, body.trim());
  const order = [
    ...CONFIGURATIONS.map((c) => c.key as string).filter((k) => sections.has(k)),
    ...[...sections.keys()].filter((k) => !CONFIGURATIONS.some((c) => c.key === k)),
  ];
  const parts = [header.trim()];
  for (const k of order)
    parts.push(`<!-- bench:${k} -->\n\n${sections.get(k)}\n\n<!-- /bench:${k} -->`);
  return `${parts.join("\n\n")}\n`;
}
