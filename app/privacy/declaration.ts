import type { DbClient } from "~/db.server";

/**
 * What a module holds about a person, declared once beside the module: which columns point
 * at a person, what "download my data" exports from them and what erasing an account must do
 * with them. app/privacy/registry.server.ts gathers every module's declarations, and a test
 * fails when a model with a reference to a person is missing from them.
 */
export interface Person {
  userId: string;
  /** The person's participant record (every account has one). */
  participantId: string | null;
}

export type Erasure =
  /** The rows are the person's own and go with them (sessions, read marks). */
  | "delete"
  /** The record stays (a governance record, someone else's content); the reference is cut. */
  | "detach"
  /** The row stays whole: it holds no identity once the account's name and e-mail are gone. */
  | "keep";

export interface PersonalDataDeclaration {
  /** The Prisma model. */
  model: string;
  /** Its columns that point at a person (a user or a participant) or identify one. */
  fields: string[];
  /** Why the module keeps it, and what erasure does with it. */
  purpose: string;
  erasure: Erasure;
  /** The key of the export file this model fills, with what it collects; absent when the rows are not the person's own data (e.g. who recorded someone else's attendance). */
  export?: { key: string; collect(client: DbClient, person: Person): Promise<unknown> };
}
