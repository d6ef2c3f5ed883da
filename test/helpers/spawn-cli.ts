import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const main = join(root, "src/cli/main.ts");

export interface Running {
  child: ChildProcess;
  /** resolves with the exit code (null when killed by a signal) and the output */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the `casebook` CLI in a child process and returns at once, so a test can kill it. */
export function spawnCli(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, ["--import", "tsx", main, ...args], {
    cwd: root,
    env: { ...process.env, CASEBOOK_DEBUG: "", CASEBOOK_DB: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (s: string) => {
    stdout += s;
  });
  child.stderr?.setEncoding("utf8").on("data", (s: string) => {
    stderr += s;
  });
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}
