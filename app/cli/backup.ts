// `npm run db:backup [-- <folder>]`: a consistent copy of the live database (the portal may
// keep running) into <folder>, or BACKUP_DIR, or data/backups. Restore: see the README.
import { databaseUrl } from "~/db-url.server";
import { backupDatabase, databaseFile } from "~/ops/backup";

const folder = process.argv[2] ?? process.env.BACKUP_DIR ?? "data/backups";
const started = Date.now();
const file = backupDatabase(databaseFile(databaseUrl()), folder);
console.log(`Backup written to ${file} in ${Date.now() - started} ms.`);
