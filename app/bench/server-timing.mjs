// Loaded into the benchmark's servers only (node --import): the time each request spends in
// the server, from its "request" event to the last byte handed to the system. On SIGUSR2 it
// prints those since the last signal, as one line the benchmark reads, and starts again.
import http from "node:http";

let times = [];
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, response) {
  if (event === "request") {
    const started = performance.now();
    response.on("finish", () => times.push(Math.round(performance.now() - started)));
  }
  return emit.apply(this, arguments);
};
process.on("SIGUSR2", () => {
  process.stdout.write(`BENCH_SERVER_TIMES ${JSON.stringify(times)}\n`);
  times = [];
});
