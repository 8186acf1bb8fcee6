// Run after `remix build`: writes .br and .gz beside every build asset (see
// app/http/precompress.server.ts).
import { precompressDir } from "../http/precompress.server";

const dir = process.argv[2] ?? "public/build";
const started = Date.now();
const count = await precompressDir(dir);
console.log(`Precompressed ${count} files in ${dir} (${Date.now() - started} ms)`);
