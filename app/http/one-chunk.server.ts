import { Transform } from "node:stream";

/**
 * Passes a rendered page on, joining what the renderer writes in one go into one chunk.
 *
 * React writes a page in chunks of about 2 KB, all in one go; each chunk passed on alone was a
 * write to the gzip stream (a job on libuv's threads) and to the socket: 28 % of the server's
 * CPU for a 65 KB page (decision 037). What arrives in one go leaves as one chunk, sent when
 * the writing stops (in a microtask), so a later part of a streamed page still leaves as soon
 * as it is written. Bytes, never decoded.
 */
export function oneChunkPerBurst(): Transform {
  let held: Buffer[] = [];
  let scheduled = false;
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      held.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(() => {
          scheduled = false;
          if (held.length === 0) return;
          const bytes = Buffer.concat(held);
          held = [];
          this.push(bytes);
        });
      }
      done();
    },
    flush(done) {
      const bytes = Buffer.concat(held);
      held = [];
      done(null, bytes.length > 0 ? bytes : undefined);
    },
  });
}
