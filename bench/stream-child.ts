/**
 * Runs in its own process so its peak RSS measures the batch service alone: streams N generated articles
 * through extractLines, discards the output, and prints one JSON line of figures for the parent.
 */
import { extractLines } from "../src/service/index.ts";
import { articleLines } from "./articles.ts";

const count = Number(process.argv[2] ?? 20_000);
const seed = Number(process.argv[3] ?? 7);

let bytesIn = 0;
function* counted(): Generator<string> {
  for (const line of articleLines(count, seed)) {
    bytesIn += Buffer.byteLength(line, "utf8");
    yield line;
  }
}

const started = process.hrtime.bigint();
let lines = 0;
let bytesOut = 0;
for await (const out of extractLines(counted())) {
  lines++;
  bytesOut += out.length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
// maxRSS is reported in kilobytes.
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ lines, seconds, bytesIn, bytesOut, peakRssMb })}\n`);
