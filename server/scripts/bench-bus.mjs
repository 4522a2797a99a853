// How fast the event bus carries a revocation, and what `list` costs across instances. Not a test (no
// assertions): prints figures. Run with PostgreSQL + Redis:
//   bash scripts/with-pg-redis.sh node scripts/bench-bus.mjs [samples=50] [connections=500]
// and without (one SQLite instance, the memory bus) for the same figures in one process:
//   node scripts/bench-bus.mjs
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { WebSocket } from "ws";

const samples = Number(process.argv[2] ?? 50);
const nConns = Number(process.argv[3] ?? 500);
const script = resolve(dirname(fileURLToPath(import.meta.url)), "..", "dist", "src", "dev-server.js");
const tmp = mkdtempSync(join(tmpdir(), "pikku-bench-bus-"));
const two = !!(process.env.DATABASE_URL && process.env.REDIS_URL);
const procs = [];

function server(args, env) {
  const child = spawn(process.execPath, [script, "--exit-on-stdin-close", "--port", "0", ...args], { stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, ...env } });
  procs.push(child);
  return new Promise((ok, ko) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /ready (\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    child.once("exit", (c) => ko(new Error(`exited ${c}`)));
  });
}
async function api(base, method, path, token, body) {
  const headers = { origin: base, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) };
  const r = await fetch(base + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return r.json();
}
const ws = (base, headers) => new Promise((ok, ko) => {
  const w = new WebSocket(base.replace(/^http/, "ws") + "/api/auth/console/live", { headers });
  w.on("open", () => ok(w));
  w.on("unexpected-response", (_q, r) => ko(new Error(`upgrade ${r.statusCode}`)));
});
const reply = (w, action) => new Promise((ok) => {
  const on = (d) => {
    const m = JSON.parse(String(d));
    if (m.action === action) { w.off("message", on); ok(m); }
  };
  w.on("message", on);
});
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${s.at(-1).toFixed(1)} ms (n=${s.length})`;
};

try {
  let args = ["--db", join(tmp, "b.db")];
  let env = {};
  if (two) {
    const name = `pikku_bench_${randomBytes(4).toString("hex")}`;
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    args = ["--database", u.toString(), "--redis", process.env.REDIS_URL, "--redis-prefix", name];
    env = { BETTER_AUTH_SECRET: randomBytes(32).toString("base64url") };
  }
  const a = await server(args, env);
  const b = two ? await server(args, env) : a;
  const admin = (await api(b, "POST", "/api/auth/sign-in/email", null, { email: "admin@example.com", password: "admin-password-123" })).token;
  console.log(two ? "two instances, PostgreSQL + Redis bus: connection on A, revoke through B" : "one instance, SQLite + memory bus");
  const revoke = [];
  for (let i = 0; i < samples; i++) {
    const email = `b${i}-${Date.now()}@example.com`;
    const su = await api(a, "POST", "/api/auth/sign-up/email", null, { email, password: "bench-password-1", name: "b" });
    const s = await api(a, "GET", "/api/auth/get-session", su.token);
    const w = await ws(a, { authorization: `Bearer ${su.token}` });
    const closed = new Promise((ok) => w.on("close", () => ok(performance.now())));
    const t0 = performance.now();
    await api(b, "POST", "/api/auth/console/sessions/revoke", admin, { sessionId: s.session.id });
    revoke.push((await closed) - t0);
  }
  console.log(`revoke request sent -> 4401 received: ${stats(revoke)}`);

  const held = [];
  for (let i = 0; i < nConns; i++) held.push(await ws(a, { authorization: `Bearer ${admin}` }));
  const watcher = await ws(b, { authorization: `Bearer ${admin}` });
  await new Promise((ok) => setTimeout(ok, 300)); // the registry is rewritten soon after a change
  const list = [];
  let rows = 0;
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const r = reply(watcher, "list");
    watcher.send(JSON.stringify({ action: "list" }));
    rows = (await r).connections.length;
    list.push(performance.now() - t0);
  }
  console.log(`list of ${rows} connections${two ? ` (${nConns} on A) asked of B` : ""}: ${stats(list)}`);
  for (const w of [...held, watcher]) w.close();
} finally {
  for (const p of procs) p.kill("SIGTERM");
  rmSync(tmp, { recursive: true, force: true });
}
