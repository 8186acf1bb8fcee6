// Creates the first administrator (or promotes an existing account):
//   npm run admin:create -- --email ana@example.org --name "Ana Pérez"
// The password comes from ADMIN_PASSWORD or is asked for, never from a default.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createAdmin } from "~/auth/accounts.server";
import { db, prepareDatabase } from "~/db.server";
import { decodeMessage } from "~/forms/messages";
import { getFixedT } from "~/i18n/i18next.server";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" } },
});
const email = values.email ?? process.env.ADMIN_EMAIL;
const name = values.name ?? process.env.ADMIN_NAME ?? "Administrator";
if (!email) {
  console.error('Usage: npm run admin:create -- --email ana@example.org --name "Ana Pérez"');
  process.exit(2);
}
let password = process.env.ADMIN_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question("Password (at least 10 characters): ");
  rl.close();
}
await prepareDatabase();
const outcome = await createAdmin({ email, name, password });
await db.$disconnect();
if (!outcome.ok) {
  const t = await getFixedT("en");
  const reasons = Object.values(outcome.fieldErrors)
    .flat()
    .map((m) => {
      const { key, values } = decodeMessage(m);
      return t(key, values);
    });
  console.error(`Refused: ${reasons.join(" ")}`);
  process.exit(1);
}
console.log(
  outcome.value.created ? `Administrator ${email} created.` : `${email} is now an administrator.`,
);
