// Shared by the newer test files (console.test.ts keeps its own copies): a dev server on a temp SQLite
// file, JSON requests with a Bearer session, sign-in.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const devServerScript = resolve(here, "..", "src", "dev-server.js");

export interface DevServer {
  proc: ChildProcess;
  base: string;
  db: string;
  stop(): Promise<void>;
}

/** Starts the built dev server (`--port 0`) on `db` (a new temp file when absent); resolves when ready. */
export async function startDevServer(args: string[] = [], db?: string): Promise<DevServer> {
  const file = db ?? join(mkdtempSync(join(tmpdir(), "pikku-conv-")), "t.db");
  const proc = spawn(process.execPath, [devServerScript, "--exit-on-stdin-close", "--port", "0", "--db", file, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let err = "";
  proc.stderr!.on("data", (d) => (err += d));
  const exited = new Promise<void>((ok) => proc.once("exit", () => ok()));
  const base = await new Promise<string>((ok, ko) => {
    let out = "";
    const t = setTimeout(() => ko(new Error("dev server not ready: " + err)), 30000);
    proc.stdout!.on("data", (d) => {
      out += d;
      const m = /pikku-dev-server ready (\S+)/.exec(out);
      if (m) {
        clearTimeout(t);
        ok(m[1]);
      }
    });
    proc.once("exit", (code) => {
      clearTimeout(t);
      ko(new Error(`dev server exited ${code}: ${err}`));
    });
  });
  return {
    proc,
    base,
    db: file,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      await exited;
    },
  };
}

export interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads JSON replies freely
  json: any;
  text: string;
}

export async function call(base: string, method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<Reply> {
  // Node's fetch sends sec-fetch-* headers, which better-auth treats as a browser: give it our origin.
  const headers: Record<string, string> = { origin: base };
  if (opts.token) headers["authorization"] = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const r = await fetch(base + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await r.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: r.status, json, text };
}

export async function signIn(base: string, email: string, password: string): Promise<string> {
  const r = await call(base, "POST", "/api/auth/sign-in/email", { body: { email, password } });
  assert.equal(r.status, 200, r.text);
  return r.json.token as string;
}

export async function signUp(base: string, email: string, name: string): Promise<{ id: string; token: string }> {
  const r = await call(base, "POST", "/api/auth/sign-up/email", { body: { email, password: `${name}-password-1`, name } });
  assert.equal(r.status, 200, r.text);
  return { id: r.json.user.id as string, token: r.json.token as string };
}

export const ADMIN = { email: "admin@example.com", password: "admin-password-123" };
