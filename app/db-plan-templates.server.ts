/**
 * The SQL templates of Prisma 6.19's query plans, made cheaper to run; the SQL sent and its
 * values stay the same, character for character (decisions 043 and 044).
 *
 * - Lists folded. The compiler writes a list of values (`id: { in: ids }`) as one parameter
 *   per value, with a "," between each: 212 people expected at an assembly make a template of
 *   425 pieces, and the client goes through it piece by piece on every run (1 ms of a 1.7 ms
 *   query, issue 11). Its executor also knows a whole list as one piece (a parameter tuple,
 *   which it writes as "(?,?,…)"), so each such run is folded into one.
 * - Fixed templates not chunked. A "chunkable" template is walked twice more on every run to
 *   see whether its lists must be split over several statements (past the database's limit
 *   of bound values); a template without lists has nothing to split, and those walks were a
 *   sixth of a simple query's time. It is marked not chunkable.
 */

type Fragment = { type: string; chunk?: string };
interface TemplateSql {
  type: "templateSql";
  chunkable?: boolean;
  fragments: Fragment[];
  args: unknown[];
  argTypes: unknown[];
}

const LIST_OPENS = " IN (";

/** Lists folded so far in the process: for the tests. */
let foldedLists = 0;
export function listsFolded(): number {
  return foldedLists;
}

function isTemplateSql(
  node: Record<string, unknown>,
): node is Record<string, unknown> & TemplateSql {
  return (
    node.type === "templateSql" &&
    Array.isArray(node.fragments) &&
    Array.isArray(node.args) &&
    Array.isArray(node.argTypes) &&
    node.args.length === node.argTypes.length
  );
}

const isChunk = (f: Fragment | undefined, text?: string): f is Fragment & { chunk: string } =>
  f?.type === "stringChunk" &&
  typeof f.chunk === "string" &&
  (text === undefined || f.chunk === text);

/** The template with each `IN (?, ?, …)` of single parameters as one tuple; null if none. */
function foldLists(sql: TemplateSql): TemplateSql | null {
  const { fragments, args, argTypes } = sql;
  const outFragments: Fragment[] = [];
  const outArgs: unknown[] = [];
  const outTypes: unknown[] = [];
  let arg = 0;
  let folded = 0;
  for (let i = 0; i < fragments.length; i++) {
    const fragment = fragments[i];
    if (isChunk(fragment)) {
      outFragments.push(fragment);
      continue;
    }
    const before = outFragments[outFragments.length - 1];
    if (fragment.type === "parameter" && isChunk(before) && before.chunk.endsWith(LIST_OPENS)) {
      // The run: parameter ("," parameter)*, then a piece starting with ")".
      const type = JSON.stringify(argTypes[arg]);
      let end = i;
      let count = 1;
      while (
        isChunk(fragments[end + 1], ",") &&
        fragments[end + 2]?.type === "parameter" &&
        JSON.stringify(argTypes[arg + count]) === type
      ) {
        end += 2;
        count++;
      }
      const after = fragments[end + 1];
      if (isChunk(after) && after.chunk.startsWith(")")) {
        outFragments[outFragments.length - 1] = { ...before, chunk: before.chunk.slice(0, -1) };
        outFragments.push({ type: "parameterTuple" });
        outFragments.push({ ...after, chunk: after.chunk.slice(1) });
        outArgs.push(args.slice(arg, arg + count));
        outTypes.push(argTypes[arg]);
        arg += count;
        i = end + 1;
        folded++;
        continue;
      }
    }
    outFragments.push(fragment);
    if (fragment.type !== "stringChunk") {
      outArgs.push(args[arg]);
      outTypes.push(argTypes[arg]);
      arg++;
    }
  }
  if (!folded || arg !== args.length) return null;
  foldedLists += folded;
  return { ...sql, fragments: outFragments, args: outArgs, argTypes: outTypes };
}

/** Only single parameters and text: nothing the executor could split into chunks. */
const fixedSize = (sql: TemplateSql) =>
  sql.fragments.every((f) => f.type === "stringChunk" || f.type === "parameter");

/** The template with its lists folded, and not chunkable if it holds no list (null: as is). */
function tidy(sql: TemplateSql): TemplateSql | null {
  const folded = foldLists(sql);
  const out = folded ?? sql;
  if (out.chunkable && fixedSize(out)) return { ...out, chunkable: false };
  return folded;
}

/** The plan with its templates tidied (a new tree where anything changed). */
export function tidyTemplates<T>(plan: T): T {
  const walk = (node: unknown): unknown => {
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) {
      let changed = false;
      const out = node.map((inner) => {
        const made = walk(inner);
        if (made !== inner) changed = true;
        return made;
      });
      return changed ? out : node;
    }
    const record = node as Record<string, unknown>;
    if (isTemplateSql(record)) return tidy(record) ?? record;
    let out: Record<string, unknown> | null = null;
    for (const key in record) {
      const inner = record[key];
      const made = walk(inner);
      if (made !== inner) (out ??= { ...record })[key] = made;
    }
    return out ?? record;
  };
  return walk(plan) as T;
}
