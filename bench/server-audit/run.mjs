#!/usr/bin/env node
// Time to the first page of the audit trail (GET /console/audit) at 100k entries (issue 13, item 4), on the
// real dev server and its SQLite file. Writes its table into BENCHMARKS.md between the server-audit markers.
//
//   node bench/server-audit/run.mjs [--entries 100000] [--reps 25] [--limit 100] [--no-write]
//                                   [--console build/bench/pikku-bench] [--console-reps 15]
//
// With --console, the console's Audit page is measured too (pikku-bench audit-page, offscreen): from reload()
// to the first rows in its model and to their first paint, median of --console-reps fresh loads.
//
// Needs the built server (cd server && npm run build). A fresh SQLite file; one real entry is made through the
// console API (a service user created), then N-1 copies of its row are written straight into SQLite in one
// transaction (entries one second apart, 50 actors, 10 actions, 1,000 targets), then ANALYZE. Each figure is
// the median (min-max) of --reps timed HTTP requests after 3 warm-ups, measured with fetch over loopback.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const require = createRequire(join(root, "server", "package.json"));
const Database = require("better-sqlite3");

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const n = Number(opt("--entries", "100000"));
const reps = Number(opt("--reps", "25"));
const limit = Number(opt("--limit", "100"));
const write = !argv.includes("--no-write");
const consoleBin = opt("--console", "");
const consoleReps = Number(opt("--console-reps", "15"));
const log = (...a) => console.error("[server-audit]", ...a);

const dir = mkdtempSync(join(tmpdir(), "pikku-audit-"));
const db = join(dir, "bench.db");
const proc = spawn(process.execPath, [join(root, "server", "dist", "src", "dev-server.js"), "--exit-on-stdin-close", "--port", "0", "--db", db], { stdio: ["pipe", "pipe", "pipe"] });
let err = "";
proc.stderr.on("data", (d) => (err += d));
const stop = async () => {
  proc.kill("SIGTERM");
  await new Promise((ok) => (proc.exitCode !== null ? ok() : proc.once("exit", ok)));
  rmSync(dir, { recursive: true, force: true });
};
try {
  const base = await new Promise((ok, ko) => {
    let out = "";
    proc.stdout.on("data", (d) => {
      out += d;
      const m = /pikku-dev-server ready (\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    proc.once("exit", (code) => ko(new Error(`dev server exited ${code}: ${err}`)));
  });
  const call = async (method, path, token, body, retried = false) => {
    const headers = { origin: base };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body) headers["content-type"] = "application/json";
    let r;
    try {
      r = await fetch(base + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
    } catch (e) {
      // A pooled keep-alive connection the server closed while we were seeding (its 5 s keep-alive timeout).
      if (retried || e?.cause?.code !== "UND_ERR_SOCKET") throw e;
      return call(method, path, token, body, true);
    }
    const json = await r.json();
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
  const token = (await call("POST", "/api/auth/sign-in/email", null, { email: "admin@example.com", password: "admin-password-123" })).token;
  await call("POST", "/api/auth/console/service-users/create", token, { name: "svc-audit-bench" });

  const t0 = performance.now();
  const d = new Database(db);
  const row = d.prepare(`SELECT * FROM consoleAudit WHERE action = '/console/service-users/create'`).get();
  const cols = Object.keys(row);
  const ins = d.prepare(`INSERT INTO consoleAudit (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map(() => "?").join(",")})`);
  const start = (typeof row.at === "number" ? row.at : Date.parse(row.at)) - 10_000;
  const actions = ["/console/api-keys/create", "/console/api-keys/update", "/console/api-keys/delete", "/console/api-keys/rotate", "/console/sessions/revoke", "/admin/ban-user", "/admin/set-role", "/sign-out", "/device/approve", "/api-key/update"];
  d.transaction(() => {
    for (let i = 1; i < n; i++) {
      const at = start - i * 1000;
      const v = { ...row, id: `aud${String(i).padStart(9, "0")}`, at: typeof row.at === "number" ? at : new Date(at).toISOString(), actorId: `actor${i % 50}`, actorEmail: `actor${i % 50}@example.com`, action: actions[i % actions.length], target: `target${i % 1000}` };
      ins.run(cols.map((c) => v[c]));
    }
  })();
  d.pragma("wal_checkpoint(TRUNCATE)");
  d.exec("ANALYZE");
  d.close();
  log(`seeded ${n} audit entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const first = await call("GET", `/api/auth/console/audit?limit=${limit}`, token);
  let cursor = first.nextCursor;
  for (let i = 0; i < 19; i++) cursor = (await call("GET", `/api/auth/console/audit?limit=${limit}&cursor=${encodeURIComponent(cursor)}`, token)).nextCursor;
  const kinds = {
    "first page": `?limit=${limit}`,
    "first page + count=exact": `?limit=${limit}&count=exact`,
    "page 21 (cursor)": `?limit=${limit}&cursor=${encodeURIComponent(cursor)}`,
    "actor filter": `?limit=${limit}&actor=actor7`,
    "action filter": `?limit=${limit}&action=${encodeURIComponent("/admin/ban-user")}`,
    "action prefix": `?limit=${limit}&action=${encodeURIComponent("/admin/*")}`,
    "target filter": `?limit=${limit}&target=target42`,
    "since (last hour)": `?limit=${limit}&since=${encodeURIComponent(new Date(start - 3600_000).toISOString())}`,
  };
  const times = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
  const rows = {};
  for (let r = -3; r < reps; r++)
    for (const [k, q] of Object.entries(kinds)) {
      const t = performance.now();
      const reply = await call("GET", `/api/auth/console/audit${q}`, token);
      if (r >= 0) times[k].push(performance.now() - t);
      rows[k] = reply.entries.length;
    }
  const stats = (t) => {
    t.sort((a, b) => a - b);
    return `${t[Math.floor(t.length / 2)].toFixed(2)} (${t[0].toFixed(2)}–${t[t.length - 1].toFixed(2)})`;
  };
  let consoleLine = null;
  if (consoleBin) {
    const out = await new Promise((ok, ko) => {
      const c = spawn(resolve(consoleBin), ["audit-page", base, "--reps", String(consoleReps)], {
        stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, QT_QPA_PLATFORM: "offscreen" } });
      let o = "";
      c.stdout.on("data", (d) => (o += d));
      c.once("exit", (code) => (code === 0 ? ok(o) : ko(new Error(`pikku-bench audit-page exited ${code}`))));
    });
    const j = JSON.parse(out.trim().split("\n").pop());
    log("console", JSON.stringify(j));
    consoleLine = `The console's Audit page (\`pikku-bench audit-page\`, offscreen, Qt ${"6.4.2"}, release build, the same server and entries): from \`reload()\` to the first ${j.rowsLoaded} rows in its model ${j.firstRowsMs.toFixed(1)} ms (${j.firstRowsMin.toFixed(1)}–${j.firstRowsMax.toFixed(1)}), to their first paint ${j.firstPaintMs.toFixed(1)} ms (${j.firstPaintMin.toFixed(1)}–${j.firstPaintMax.toFixed(1)}), median (min–max) of ${j.reps} fresh loads (the first includes its \`/console/info\` check); one ${j.pageSize}-row page's HTTP round trip on the same client ${j.rttMs.toFixed(1)} ms (median of 7); RSS ${Math.round(j.rssKb / 1024)} MiB.`;
  }
  const L = [];
  L.push("<!-- server-audit:begin -->");
  L.push("## Console server: the audit trail's first page at 100k entries (SQLite)");
  L.push("");
  L.push(`Generated by \`node bench/server-audit/run.mjs\` (${new Date().toISOString().slice(0, 10)}; ${cpus().length} cores, ${cpus()[0]?.model ?? "?"}; Node ${process.version}; 1-min load average ${loadavg()[0].toFixed(1)} at the end, from other jobs on the machine). ` +
    `${n.toLocaleString("en-US")} entries (one real, the rest copies of its row: 50 actors, 10 actions, 1,000 targets, one second apart), real dev server (better-auth 1.7.25, better-sqlite3, WAL), \`GET /console/audit\` with \`limit=${limit}\` over loopback HTTP, median (min–max) of ${reps} requests after 3 warm-ups. This is the server's time to the first rows; the console adds its own parsing and painting.`);
  L.push("");
  L.push("| request | rows | ms |");
  L.push("|---|---|---|");
  for (const k of Object.keys(kinds)) L.push(`| ${k} | ${rows[k]} | ${stats(times[k])} |`);
  if (consoleLine) {
    L.push("");
    L.push(consoleLine);
  }
  L.push("<!-- server-audit:end -->");
  const block = L.join("\n");
  console.log(block);
  if (write) {
    const file = join(root, "BENCHMARKS.md");
    const text = readFileSync(file, "utf8");
    const re = /<!-- server-audit:begin -->[\s\S]*?<!-- server-audit:end -->/;
    writeFileSync(file, re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}\n`);
    log("wrote BENCHMARKS.md");
  }
} finally {
  await stop();
}
