import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseProvider, databaseUrl } from "./app/db-url.server";
import { postgresqlCliAdapter } from "./app/db-postgresql.server";

// Prisma 7's CLI needs a native engine downloaded at run time, which these machines
// cannot reach; 6.19 with the JavaScript engine and the driver adapter runs offline.
// DATABASE_URL's scheme picks the database: a SQLite file (default) or PostgreSQL, each with
// its own schema (PostgreSQL's is generated from SQLite's) and its own migrations.
const url = databaseUrl();
const postgresql = databaseProvider(url) === "postgresql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgresql ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgresql ? "prisma/postgresql/migrations" : "prisma/migrations" },
  async adapter() {
    return postgresql ? postgresqlCliAdapter(url) : new PrismaBetterSQLite3({ url });
  },
});
