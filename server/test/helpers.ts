// The conventions and paging tests' view of harness.ts: one dev server on a temp SQLite file per call.
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { api as call, spawnServer } from "./harness.js";

export { api as call, devServerScript, signIn } from "./harness.js";

export interface DevServer {
  proc: ChildProcess;
  base: string;
  db: string;
  stop(): Promise<void>;
}

/** Starts the built dev server on `db` (a new temp SQLite file when absent); resolves when ready. */
export async function startDevServer(args: string[] = [], db?: string): Promise<DevServer> {
  const file = db ?? join(mkdtempSync(join(tmpdir(), "pikku-conv-")), "t.db");
  const s = spawnServer(["--db", file, ...args]);
  return { proc: s.proc, base: await s.ready, db: file, stop: s.stop };
}

export async function signUp(base: string, email: string, name: string): Promise<{ id: string; token: string }> {
  const r = await call(base, "POST", "/api/auth/sign-up/email", { body: { email, password: `${name}-password-1`, name } });
  assert.equal(r.status, 200, r.text);
  return { id: r.json.user.id as string, token: r.json.token as string };
}

export const ADMIN = { email: "admin@example.com", password: "admin-password-123" };
