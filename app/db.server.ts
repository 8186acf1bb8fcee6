import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "@prisma/client";
import { databaseUrl } from "./db-url.server";

/**
 * The one Prisma client of the process. SQLite specifics (WAL, foreign keys, busy
 * timeout) are set here and nowhere else, so moving to PostgreSQL touches this file
 * and the schema's provider only.
 */
function createClient(): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl(), timeout: 5000 });
  return new PrismaClient({ adapter });
}

declare global {
  // Reused across dev rebuilds so connections are not leaked.
  var __mingaDb: PrismaClient | undefined;
}

export const db: PrismaClient = (globalThis.__mingaDb ??= createClient());

let prepared: Promise<void> | undefined;

/** WAL lets readers work while a writer commits; foreign keys must be enforced. */
export function prepareDatabase(): Promise<void> {
  prepared ??= (async () => {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  })();
  return prepared;
}

/** Prisma's unique-constraint error: two writes raced for the same unique value. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The client or a transaction's client: domain writes accept either. */
export type DbClient = PrismaClient | Prisma.TransactionClient;
