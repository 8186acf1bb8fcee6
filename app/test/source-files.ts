import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The app's source files (.ts and .tsx under app/, tests left out), for the tests that hold a
 * convention over all of them.
 */
export function sourceFiles(dir = path.resolve("app")): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) files.push(...sourceFiles(file));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) files.push(file);
  }
  return files;
}
