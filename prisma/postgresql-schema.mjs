#!/usr/bin/env node
// prisma/schema.prisma (SQLite) is the one schema people edit. PostgreSQL's schema is generated
// from it: a schema names one provider as a literal, and a generated client is tied to its
// provider, so each database needs its own schema file and client.
//   node prisma/postgresql-schema.mjs          writes prisma/postgresql/schema.prisma
//   node prisma/postgresql-schema.mjs --check  fails if the written file is not what it would write
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SOURCE = path.join(root, "prisma/schema.prisma");
export const TARGET = path.join(root, "prisma/postgresql/schema.prisma");

/** The PostgreSQL schema for a SQLite schema's text. Throws if an expected line is missing. */
export function postgresqlSchema(sqlite) {
  const replace = (text, pattern, by, what) => {
    if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: ${what} not found`);
    return text.replace(pattern, by);
  };
  let out = replace(
    sqlite,
    /(datasource db \{[^}]*?provider\s*=\s*)"sqlite"/,
    '$1"postgresql"',
    'datasource provider "sqlite"',
  );
  // A literal placeholder: the real URL reaches the CLI and the app through the driver adapter.
  out = replace(
    out,
    /(datasource db \{[^}]*?url\s*=\s*)"[^"]*"/,
    '$1"postgresql://placeholder@localhost/placeholder"',
    "datasource url",
  );
  // Its own client, beside the SQLite one (node_modules/.prisma/client); app/db.server.ts loads it.
  out = replace(
    out,
    /(generator client \{[^}]*?provider\s*=\s*"prisma-client-js"\n)/,
    '$1  output     = "../../node_modules/.prisma/postgresql-client"\n',
    'generator client provider "prisma-client-js"',
  );
  const header =
    "// GENERATED from prisma/schema.prisma by prisma/postgresql-schema.mjs (npm run db:generate).\n" +
    "// Do not edit: edit prisma/schema.prisma; a test fails when this file drifts from it.\n\n";
  return header + out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const wanted = postgresqlSchema(readFileSync(SOURCE, "utf8"));
  if (process.argv.includes("--check")) {
    const current = existsSync(TARGET) ? readFileSync(TARGET, "utf8") : "";
    if (current !== wanted) {
      console.error("prisma/postgresql/schema.prisma is out of date: run npm run db:generate.");
      process.exit(1);
    }
  } else {
    mkdirSync(path.dirname(TARGET), { recursive: true });
    writeFileSync(TARGET, wanted);
    console.log(`Wrote ${path.relative(process.cwd(), TARGET)}.`);
  }
}
