#!/usr/bin/env node
// Console API list pages against table size on SQLite: offset paging (v1) next to keyset paging (v1.1),
// for API keys and sessions at 1k, 100k and 1M rows. Writes its table into BENCHMARKS.md between the
// server-paging markers (bench/run keeps that block).
//
//   node bench/server-paging/run.mjs [--sizes 1000,100000,1000000] [--reps 15] [--limit 100] [--no-write]
//   bash server/scripts/with-pg-redis.sh node bench/server-paging/run.mjs --pg [...]
//
// --pg: on PostgreSQL (DATABASE_URL, as with-pg-redis.sh sets it): a fresh database per size, the rows copied
// with INSERT ... SELECT from generate_series, then ANALYZE; the table goes between the server-paging-pg markers.
//
// Needs the built server (cd server && npm run build). Per size: a fresh SQLite file, the real dev server
// (its migration creates the plugin's indexes), one service user and one key minted through the API, then
// N-1 copies of that key row and N sessions (of 100 users) written straight into SQLite in one transaction.
// Each figure is the median (min-max) of --reps timed HTTP requests after 3 warm-ups, one at a time,
// measured in this process with fetch over loopback, the sizes' servers running side by side and measured
// in turn (rep 1 of every kind of request on every size, then rep 2, ...), so the machine's other load falls on all of them alike.
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
const pg = require("pg");

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const sizes = opt("--sizes", "1000,100000,1000000").split(",").map(Number);
const reps = Number(opt("--reps", "15"));
const limit = Number(opt("--limit", "100"));
const write = !argv.includes("--no-write");
const keepDb = argv.includes("--keep-db");
const PG = argv.includes("--pg");
const PG_ADMIN = process.env.DATABASE_URL;
if (PG && !PG_ADMIN) throw new Error("--pg needs DATABASE_URL (run through server/scripts/with-pg-redis.sh)");
const PG_SECRET = "bench-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const pgUrl = (name) => {
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  return u.toString();
};
const log = (...a) => console.error("[server-paging]", ...a);

function startServer(db) {
  const store = PG ? ["--database", db] : ["--db", db];
  const proc = spawn(process.execPath, [join(root, "server", "dist", "src", "dev-server.js"), "--exit-on-stdin-close", "--port", "0", ...store], {
    stdio: ["pipe", "pipe", "pipe"],
    env: PG ? { ...process.env, BETTER_AUTH_SECRET: PG_SECRET } : process.env,
  });
  let err = "";
  proc.stderr.on("data", (d) => (err += d));
  return new Promise((ok, ko) => {
    let out = "";
    proc.stdout.on("data", (d) => {
      out += d;
      const m = /pikku-dev-server ready (\S+)/.exec(out);
      if (m) ok({ proc, base: m[1] });
    });
    proc.once("exit", (code) => ko(new Error(`dev server exited ${code}: ${err}`)));
  });
}

async function call(base, method, path, token, body, retried = false) {
  const headers = { origin: base };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body) headers["content-type"] = "application/json";
  let r;
  try {
    r = await fetch(base + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  } catch (e) {
    // A pooled keep-alive connection the server closed while we were seeding (its 5 s keep-alive timeout):
    // a GET is tried once more on a new connection (never a POST).
    if (retried || method !== "GET" || !["UND_ERR_SOCKET", "EPIPE", "ECONNRESET"].includes(e?.cause?.code)) throw e;
    return call(base, method, path, token, body, true);
  }
  const json = await r.json();
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

function seed(dbFile, keyId, adminId, n) {
  const db = new Database(dbFile);
  db.pragma("journal_mode = WAL");
  const t0 = performance.now();
  const key = db.prepare("SELECT * FROM apikey WHERE id = ?").get(keyId);
  const kcols = Object.keys(key);
  const kins = db.prepare(`INSERT INTO apikey (${kcols.map((c) => `"${c}"`).join(",")}) VALUES (${kcols.map(() => "?").join(",")})`);
  const user = db.prepare(`SELECT * FROM "user" WHERE id = ?`).get(adminId);
  const ucols = Object.keys(user);
  const uins = db.prepare(`INSERT INTO "user" (${ucols.map((c) => `"${c}"`).join(",")}) VALUES (${ucols.map(() => "?").join(",")})`);
  const sess = db.prepare("SELECT * FROM session WHERE userId = ? LIMIT 1").get(adminId);
  const scols = Object.keys(sess);
  const sins = db.prepare(`INSERT INTO session (${scols.map((c) => `"${c}"`).join(",")}) VALUES (${scols.map(() => "?").join(",")})`);
  const stored = (like, ms) => (typeof like === "number" ? ms : new Date(ms).toISOString());
  const created = typeof key.createdAt === "number" ? key.createdAt : Date.parse(key.createdAt);
  db.transaction(() => {
    for (let i = 1; i < n; i++) {
      const at = created - i * 1000;
      kins.run(kcols.map((c) => (c === "id" ? `bulk${String(i).padStart(8, "0")}` : c === "name" ? `bulk-${i}` : c === "key" ? `bulkhash${i}` : c === "createdAt" || c === "updatedAt" ? stored(key.createdAt, at) : key[c])));
    }
    for (let u = 0; u < 100; u++)
      uins.run(ucols.map((c) => (c === "id" ? `benchuser${u}` : c === "email" ? `bench${u}@example.com` : c === "name" ? `Bench ${u}` : c === "role" ? "user" : user[c])));
    const sCreated = typeof sess.createdAt === "number" ? sess.createdAt : Date.parse(sess.createdAt);
    for (let i = 0; i < n; i++) {
      const at = sCreated - (i + 1) * 1000;
      sins.run(scols.map((c) => (c === "id" ? `bsess${String(i).padStart(8, "0")}` : c === "token" ? `btok${i}` : c === "userId" ? `benchuser${i % 100}` : c === "createdAt" || c === "updatedAt" ? stored(sess.createdAt, at) : sess[c])));
    }
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.exec("ANALYZE");
  db.close();
  return performance.now() - t0;
}

/** The same rows as seed(), in PostgreSQL, by INSERT ... SELECT over generate_series (columns read from the template rows). */
async function seedPg(url, keyId, adminId, n) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  try {
    const cols = async (table) => (await c.query("SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position", [table])).rows.map((r) => r.column_name);
    const q = (x) => `"${x}"`;
    const kcols = await cols("apikey");
    const kexpr = kcols.map((col) =>
      col === "id" ? `'bulk' || lpad(i::text, 8, '0')` : col === "name" ? `'bulk-' || i` : col === "key" ? `'bulkhash' || i` :
      col === "createdAt" || col === "updatedAt" ? `t."createdAt" - i * interval '1 second'` : `t.${q(col)}`);
    await c.query(`INSERT INTO apikey (${kcols.map(q).join(",")}) SELECT ${kexpr.join(",")} FROM apikey t, generate_series(1, $2::int - 1) i WHERE t.id = $1`, [keyId, n]);
    const ucols = await cols("user");
    const uexpr = ucols.map((col) =>
      col === "id" ? `'benchuser' || u` : col === "email" ? `'bench' || u || '@example.com'` : col === "name" ? `'Bench ' || u` : col === "role" ? `'user'` : `t.${q(col)}`);
    await c.query(`INSERT INTO "user" (${ucols.map(q).join(",")}) SELECT ${uexpr.join(",")} FROM "user" t, generate_series(0, 99) u WHERE t.id = $1`, [adminId]);
    const scols = await cols("session");
    const sexpr = scols.map((col) =>
      col === "id" ? `'bsess' || lpad(i::text, 8, '0')` : col === "token" ? `'btok' || i` : col === "userId" ? `'benchuser' || (i % 100)` :
      col === "createdAt" || col === "updatedAt" ? `t."createdAt" - (i + 1) * interval '1 second'` : `t.${q(col)}`);
    await c.query(`INSERT INTO session (${scols.map(q).join(",")}) SELECT ${sexpr.join(",")} FROM (SELECT * FROM session WHERE "userId" = $1 LIMIT 1) t, generate_series(0, $2::int - 1) i`, [adminId, n]);
    await c.query("ANALYZE");
  } finally {
    await c.end();
  }
  return performance.now() - t0;
}

async function pgAdmin(sql) {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function stats(t) {
  t.sort((a, b) => a - b);
  return { med: t[Math.floor(t.length / 2)], min: t[0], max: t[t.length - 1] };
}

const loadStart = loadavg()[0];
const results = [];
// Phase 1: every size gets its own database and server, seeded, all running at once.
const setups = [];
try {
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), "pikku-paging-"));
    const pgName = `pikku_bench_${n}`;
    if (PG) {
      await pgAdmin(`DROP DATABASE IF EXISTS ${pgName}`);
      await pgAdmin(`CREATE DATABASE ${pgName}`);
    }
    const db = PG ? pgUrl(pgName) : join(dir, "bench.db");
    const { proc, base } = await startServer(db);
    const setup = { n, dir, db, proc, base, lists: [] };
    setups.push(setup);
    const signin = await call(base, "POST", "/api/auth/sign-in/email", null, { email: "admin@example.com", password: "admin-password-123" });
    const token = signin.token;
    const svc = await call(base, "POST", "/api/auth/console/service-users/create", token, { name: "svc-bench" });
    const minted = await call(base, "POST", "/api/auth/console/api-keys/create", token, { userId: svc.user.id, name: "bench", expiresIn: 30 * 86400, rateLimitEnabled: false });
    const seedMs = PG ? await seedPg(db, minted.apiKey.id, signin.user.id, n) : seed(db, minted.apiKey.id, signin.user.id, n);
    log(`${n}: seeded ${n} keys and ${n} sessions in ${(seedMs / 1000).toFixed(1)} s`);
    for (const [list, path, field] of [
      ["API keys", `/api/auth/console/api-keys?userId=${svc.user.id}`, "apiKeys"],
      ["sessions", `/api/auth/console/sessions?`, "sessions"],
    ]) {
      const sep = path.endsWith("?") ? "" : "&";
      const get = (q) => call(base, "GET", `${path}${sep}limit=${limit}${q}`, token);
      const first = await get("&cursor=&count=exact");
      if (first[field].length !== limit || first.total < n) throw new Error(`${list}: unexpected first page (${first[field].length}, total ${first.total})`);
      // A cursor up to 20 pages in (keyset cost does not depend on the position; offset cost does).
      let cursor = first.nextCursor;
      for (let i = 0; i < 19; i++) {
        const next = (await get(`&cursor=${encodeURIComponent(cursor)}`)).nextCursor;
        if (next === null) break;
        cursor = next;
      }
      setup.lists.push({
        list,
        kinds: {
          offset0: () => get("&offset=0"),
          offsetMid: () => get(`&offset=${Math.floor(n / 2)}`),
          cursorFirst: () => get("&cursor="),
          cursorFirstExact: () => get("&cursor=&count=exact"),
          cursorNext: () => get(`&cursor=${encodeURIComponent(cursor)}`),
        },
      });
    }
  }

  // Phase 2: rep after rep, every kind of request on every size in turn, so load from elsewhere on the
  // machine falls on every cell of the table alike (the figures are side by side).
  const kinds = ["offset0", "offsetMid", "cursorFirst", "cursorFirstExact", "cursorNext"];
  const times = new Map();
  for (let r = -3; r < reps; r++)
    for (const kind of kinds)
      for (const s of setups)
        for (const l of s.lists) {
          const t0 = performance.now();
          await l.kinds[kind]();
          if (r < 0) continue;   // warm-up
          const key = `${s.n}\n${l.list}\n${kind}`;
          if (!times.has(key)) times.set(key, []);
          times.get(key).push(performance.now() - t0);
        }
  for (const s of setups)
    for (const l of s.lists) {
      const row = { n: s.n, list: l.list };
      for (const kind of kinds) row[kind] = stats(times.get(`${s.n}\n${l.list}\n${kind}`));
      results.push(row);
    }
} finally {
  for (const s of setups) {
    s.proc.kill("SIGTERM");
    await new Promise((ok) => (s.proc.exitCode !== null ? ok() : s.proc.once("exit", ok)));
    if (keepDb) log(`kept ${s.db}`);
    else rmSync(s.dir, { recursive: true, force: true });
    if (PG && !keepDb) await pgAdmin(`DROP DATABASE IF EXISTS pikku_bench_${s.n}`).catch((e) => log("drop:", e.message));
  }
}
results.sort((a, b) => (a.list === b.list ? a.n - b.n : a.list.localeCompare(b.list)));
for (const r of results)
  log(`${r.n} ${r.list}: offset 0 ${r.offset0.med.toFixed(2)} ms, offset n/2 ${r.offsetMid.med.toFixed(2)} ms, cursor first ${r.cursorFirst.med.toFixed(2)} ms, count=exact ${r.cursorFirstExact.med.toFixed(2)} ms, cursor later ${r.cursorNext.med.toFixed(2)} ms`);

const f = (m) => `${m.med.toFixed(2)} (${m.min.toFixed(2)}–${m.max.toFixed(2)})`;
const L = [];
const marker = PG ? "server-paging-pg" : "server-paging";
let engine = "better-sqlite3, WAL";
if (PG) {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  engine = `PostgreSQL ${(await c.query("SHOW server_version")).rows[0].server_version} (throwaway cluster from server/scripts/with-pg-redis.sh: fsync off), node-postgres pool of 10`;
  await c.end();
}
L.push(`<!-- ${marker}:begin -->`);
L.push(`## Console server: list pages against table size (${PG ? "PostgreSQL" : "SQLite"})`);
L.push("");
L.push(`Generated by \`${PG ? "bash server/scripts/with-pg-redis.sh node bench/server-paging/run.mjs --pg" : "node bench/server-paging/run.mjs"}\` (${new Date().toISOString().slice(0, 10)}; ${cpus().length} cores, ${cpus()[0]?.model ?? "?"}; Node ${process.version}; 1-min load average ${loadStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end, from other jobs on the machine). ` +
  `One page of ${limit} rows over loopback HTTP, real dev server (better-auth 1.7.25, ${engine}), median (min–max) of ${reps} requests after 3 warm-ups, every kind of request on every size measured in turn, rep by rep. ` +
  "API keys: one service user's keys (`?userId=`); sessions: all unexpired sessions of 100 users. \"offset n/2\" is `offset` in the middle of the table; " +
  "\"cursor, first\" is `cursor=` (the first page; no count, `total` a lower bound); \"+ count=exact\" is `cursor=&count=exact` (the first page with an exact `COUNT`); \"cursor, later\" is the cursor 20 pages in (at 1,000 rows: the 10th and last page; no count: the first page's total is carried, `totalExact: false`).");
L.push("");
L.push("| rows | list | offset 0 (ms) | offset n/2 (ms) | cursor, first page (ms) | cursor, first page + count=exact (ms) | cursor, later page (ms) | first ÷ same at 1k | later ÷ same at 1k |");
L.push("|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const base1k = results.find((x) => x.list === r.list && x.n === sizes[0]);
  L.push(`| ${r.n.toLocaleString("en-US")} | ${r.list} | ${f(r.offset0)} | ${f(r.offsetMid)} | ${f(r.cursorFirst)} | ${f(r.cursorFirstExact)} | ${f(r.cursorNext)} | ${(r.cursorFirst.med / base1k.cursorFirst.med).toFixed(2)}× | ${(r.cursorNext.med / base1k.cursorNext.med).toFixed(2)}× |`);
}
L.push("");
L.push("Target: a page at 1M rows ≤ 2× the same page at 1k. Offset pages in v1 also count the total exactly on every request, so offset 0 carries the count's cost too.");
L.push(`<!-- ${marker}:end -->`);
const block = L.join("\n");
console.log(block);
if (write) {
  const file = join(root, "BENCHMARKS.md");
  const text = readFileSync(file, "utf8");
  const re = new RegExp(`<!-- ${marker}:begin -->[\\s\\S]*?<!-- ${marker}:end -->`);
  writeFileSync(file, re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}\n`);
  log("wrote BENCHMARKS.md");
}
