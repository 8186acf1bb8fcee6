import { createReadStream, createWriteStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import type express from "express";

/**
 * Build assets compressed once at build time (brotli at its best level, gzip at 9) instead
 * of on every request: `x.js` gets `x.js.br` and `x.js.gz` beside it, and the server sends
 * those bytes to clients that accept them.
 */
const COMPRESSIBLE = /\.(js|mjs|css|map|json|svg|txt|html|webmanifest)$/i;
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 512;

export const ENCODINGS = [
  { name: "br", ext: ".br" },
  { name: "gzip", ext: ".gz" },
] as const;

function encoder(name: "br" | "gzip", size: number) {
  return name === "br"
    ? zlib.createBrotliCompress({
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
        },
      })
    : zlib.createGzip({ level: 9 });
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** Writes `.br` and `.gz` beside every compressible file under `dir`; returns how many files. */
export async function precompressDir(dir: string): Promise<number> {
  let count = 0;
  for await (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const { size } = await stat(file);
    if (size < MIN_BYTES) continue;
    for (const { name, ext } of ENCODINGS) {
      await pipeline(createReadStream(file), encoder(name, size), createWriteStream(file + ext));
    }
    count++;
  }
  return count;
}

/**
 * Serves `file.br` / `file.gz` for `file` when the client accepts that encoding and the
 * precompressed file exists; anything else falls through to express.static. Lookups are
 * remembered: the build directory only changes with a new build (and a restart).
 */
export function precompressedStatic(
  root: string,
  sendOptions: { maxAge: string; immutable: boolean },
): express.RequestHandler {
  const absoluteRoot = path.resolve(root);
  const exists = new Map<string, Promise<boolean>>();
  const isFile = (file: string) => {
    let known = exists.get(file);
    if (!known) {
      known = stat(file).then(
        (s) => s.isFile(),
        () => false,
      );
      exists.set(file, known);
    }
    return known;
  };
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    if (!COMPRESSIBLE.test(req.path)) return next();
    const file = path.join(absoluteRoot, path.normalize(decodeURIComponent(req.path)));
    if (!file.startsWith(absoluteRoot + path.sep)) return next();
    // Our order (brotli is smaller), not the order the client happens to list them in.
    const encoding = ENCODINGS.find((e) => req.acceptsEncodings(e.name) === e.name);
    res.vary("Accept-Encoding");
    if (!encoding) return next();
    isFile(file + encoding.ext).then((found) => {
      if (!found) return next();
      // The type of the original file, not of `.br`; compression() leaves an encoded body alone.
      res.type(path.extname(file));
      res.set("Content-Encoding", encoding.name);
      res.sendFile(file + encoding.ext, { ...sendOptions, dotfiles: "deny" }, (error) => {
        if (error) next(error);
      });
    }, next);
  };
}
