// The bundled dev server for Pikku Admin: real better-auth with a real SQLite file, the plugins a Pikku
// deployment uses (deviceAuthorization, bearer, admin, apiKey) plus the console API plugin and its live
// channel, a /device approval page, loopback only. Prints exactly one line on stdout when ready:
//   pikku-dev-server ready http://127.0.0.1:PORT
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isIP } from "node:net";
import type { Duplex } from "node:stream";
import Database from "better-sqlite3";
import { betterAuth } from "better-auth";
import { admin, bearer, deviceAuthorization, openAPI } from "better-auth/plugins";
import { adminAc, userAc } from "better-auth/plugins/admin/access";
import { apiKey } from "@better-auth/api-key";
import { toNodeHandler } from "better-auth/node";
import { getMigrations } from "better-auth/db/migration";
import pg from "pg";
import { Redis } from "ioredis";
import { redisStorage } from "@better-auth/redis-storage";
// The published package (server/console-plugin, linked through package.json), used the way an app would.
import { consolePlugin, consoleSecondaryStorage, createLiveChannel, type ConsoleBus, type LiveChannel } from "@pikku-admin/better-auth-console";
import { redisBus } from "@pikku-admin/better-auth-console/redis";
import { devicePage, homePage } from "./device-page.js";

const log = (...args: unknown[]) => console.error("[dev-server]", ...args);

interface Args {
  host: string;
  port: number;
  db: string;
  /** postgres://… when the database is PostgreSQL; null for the SQLite file `db`. */
  pgUrl: string | null;
  redisUrl: string | null;
  redisPrefix: string;
  busTtl: string;
  secondaryStorage: boolean;
  liveRecheck: string | null;
  deviceExpires: string;
  deviceInterval: string;
  sessionExpires: string | null;
  rateLimit: boolean;
  exitOnStdinClose: boolean;
  seedDemo: boolean;
  seedKeys: number;
  /** admin() options: extra admin roles (each also defined with the admin role's permissions) and admin user ids */
  adminRoles: string[];
  adminUserIds: string[];
  /** better-auth's openAPI() plugin: GET {basePath}/open-api/generate-schema and {basePath}/reference */
  openapi: boolean;
  /** consolePlugin keyUsage: null = off (--no-key-usage), else the flush interval */
  keyUsageFlush: string | null;
  /** false (--no-console-plugin): better-auth with admin, bearer, API Key and device plugins only, as a server
   *  that never installed ours: no /console/*, no live channel (the console's no-plugin mode is tested on it). */
  consolePlugin: boolean;
}

function parseArgs(argv: string[]): Args {
  const here = dirname(fileURLToPath(import.meta.url));
  const serverDir = resolve(here, "..", "..");
  const a: Args = {
    host: "127.0.0.1",
    port: 3000,
    db: resolve(serverDir, "data", "dev.db"),
    pgUrl: null,
    redisUrl: null,
    redisPrefix: "pikku-console",
    busTtl: "15s",
    secondaryStorage: false,
    liveRecheck: null,
    deviceExpires: "5min",
    deviceInterval: "5s",
    sessionExpires: null,
    rateLimit: false,
    exitOnStdinClose: false,
    seedDemo: false,
    seedKeys: 0,
    adminRoles: [],
    adminUserIds: [],
    openapi: false,
    keyUsageFlush: "10s",
    consolePlugin: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => {
      const val = argv[++i];
      if (val === undefined) throw new Error(`${k} needs a value`);
      return val;
    };
    switch (k) {
      case "--host": a.host = v(); break;
      case "--port": a.port = Number(v()); break;
      case "--db": a.db = resolve(v()); break;
      case "--database": {
        const d = v();
        if (/^postgres(ql)?:\/\//.test(d)) a.pgUrl = d;
        else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(d)) throw new Error("--database takes postgres://… or a SQLite file path");
        else a.db = resolve(d);
        break;
      }
      case "--redis": {
        a.redisUrl = v();
        if (!/^rediss?:\/\//.test(a.redisUrl)) throw new Error("--redis takes redis://host:port[/db]");
        break;
      }
      case "--redis-prefix": a.redisPrefix = v(); break;
      case "--bus-ttl": a.busTtl = v(); break;
      case "--secondary-storage": a.secondaryStorage = true; break;
      case "--live-recheck": a.liveRecheck = v(); break;
      case "--device-expires": a.deviceExpires = v(); break;
      case "--device-interval": a.deviceInterval = v(); break;
      case "--session-expires": a.sessionExpires = v(); break;
      case "--rate-limit": a.rateLimit = true; break;
      case "--exit-on-stdin-close": a.exitOnStdinClose = true; break;
      case "--seed-demo": a.seedDemo = true; break;
      case "--seed-keys": a.seedKeys = Number(v()); break;
      case "--admin-roles": a.adminRoles = v().split(",").map((r) => r.trim()).filter(Boolean); break;
      case "--openapi": a.openapi = true; break;
      case "--key-usage-flush": a.keyUsageFlush = v(); break;
      case "--no-key-usage": a.keyUsageFlush = null; break;
      case "--no-console-plugin": a.consolePlugin = false; break;
      case "--admin-user-ids": a.adminUserIds = v().split(",").map((r) => r.trim()).filter(Boolean); break;
      case "--help":
        console.error("usage: dev-server [--port 3000|0] [--host 127.0.0.1] [--db FILE | --database postgres://…|FILE] [--redis redis://…] [--redis-prefix P] [--bus-ttl 15s] [--secondary-storage] [--live-recheck 5min] [--device-expires 5min] [--device-interval 5s] [--session-expires 7d] [--rate-limit] [--seed-demo] [--seed-keys N] [--admin-roles admin,ops] [--admin-user-ids ID,...] [--openapi] [--key-usage-flush 10s | --no-key-usage] [--no-console-plugin] [--exit-on-stdin-close]");
        process.exit(0);
      default:
        throw new Error(`unknown option ${k}`);
    }
  }
  if (a.secondaryStorage && !a.redisUrl) throw new Error("--secondary-storage needs --redis");
  return a;
}

function hasPassword(url: string): boolean {
  try {
    return new URL(url).password !== "";
  } catch {
    return false;
  }
}

/** A URL without its password, for the log. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable URL)";
  }
}

/** "5min", "30s", "1h" → seconds (the subset of better-auth's time strings the flags use). */
function seconds(text: string): number {
  const m = /^(\d+)\s*(s|sec|m|min|h|d)?$/.exec(text.trim());
  if (!m) throw new Error(`not a duration: ${text}`);
  const n = Number(m[1]);
  const unit = m[2] ?? "s";
  return unit.startsWith("s") ? n : unit === "m" || unit === "min" ? n * 60 : unit === "h" ? n * 3600 : n * 86400;
}

/**
 * The auth secret (signs cookies and signed Bearer tokens): BETTER_AUTH_SECRET when set, otherwise one
 * generated for this database on its first start and kept beside it in `<db>.secret` (mode 0600), so
 * sessions survive restarts and no two databases share a secret. Never logged.
 */
function authSecret(db: string): { secret: string; source: string } {
  const given = process.env.BETTER_AUTH_SECRET;
  if (given) return { secret: given, source: "BETTER_AUTH_SECRET" };
  const file = `${db}.secret`;
  // Written whole to a private temporary file, then linked into place: a concurrent start either wins the
  // link or reads the winner's complete file, never a half-written one.
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    rmSync(tmp, { force: true });
    writeFileSync(tmp, randomBytes(32).toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
    try {
      linkSync(tmp, file);
      log(`generated an auth secret for this database in ${file}`);
    } catch (e: any) {
      if (e?.code !== "EEXIST") throw e;
    } finally {
      unlinkSync(tmp);
    }
  }
  const st = lstatSync(file);
  if (!st.isFile()) throw new Error(`${file} is not a regular file`);
  if ((st.mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    log(`${file} was readable by others; made it 0600`);
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32)
    throw new Error(`${file} holds no usable secret (under 32 characters); delete it to generate a new one (existing sessions then end)`);
  return { secret, source: file };
}

function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6) return host === "::1";
  return false;
}

/** Headers on every response of the dev server's own pages (and its "starting" answer): never framed
 *  (clickjacking the /device page's Approve button), never sniffed, no referrer (the user code is in the URL). */
const pageHeaders = {
  "content-security-policy": "frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!isLoopback(args.host)) throw new Error(`refusing to listen on ${args.host}: the dev server is loopback only`);
  if (args.pgUrl && args.seedKeys > 0) throw new Error("--seed-keys writes SQLite rows directly; it needs the SQLite database");
  // Several instances on one PostgreSQL must sign with one secret: it is not generated per file there.
  if (args.pgUrl && !process.env.BETTER_AUTH_SECRET)
    throw new Error("with --database postgres://… set BETTER_AUTH_SECRET (the same for every instance on that database)");
  if (!args.pgUrl) mkdirSync(dirname(args.db), { recursive: true });

  // The server has its request and upgrade handlers from the start: until migrations and seeding are done
  // every request is answered at once with 503 + Retry-After (never left hanging), and the ready line is
  // printed only once requests reach better-auth. It listens before better-auth is built because the baseURL
  // (trusted origin, verification_uri) must carry the real port, which `--port 0` only knows after listen.
  let serve: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  let upgrade: ((req: IncomingMessage, socket: Duplex, head: Buffer) => void) | null = null;
  const starting = JSON.stringify({ code: "STARTING", message: "the dev server is starting; retry in a second" });
  const http = createServer((req, res) => {
    if (serve) return serve(req, res);
    res.writeHead(503, { "content-type": "application/json", "retry-after": "1", "cache-control": "no-store", ...pageHeaders });
    res.end(starting);
  });
  http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (upgrade) return upgrade(req, socket, head);
    socket.end(
      `HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\nContent-Length: ${Buffer.byteLength(starting)}\r\nConnection: close\r\n\r\n${starting}`,
    );
  });
  await new Promise<void>((ok, ko) => {
    http.once("error", ko);
    http.listen(args.port, args.host, () => ok());
  });
  const port = (http.address() as any).port as number;
  const hostForUrl = isIP(args.host) === 6 ? `[${args.host}]` : args.host;
  const baseURL = `http://${hostForUrl}:${port}`;
  const basePath = "/api/auth";
  log(`listening on ${baseURL}; migrating and seeding (requests get 503 until ready)`);

  // Installed before the slow steps, so a test that dies during start-up never leaks a server.
  let live: LiveChannel | undefined;
  let database: Database.Database | undefined;
  let pool: pg.Pool | undefined;
  let bus: ConsoleBus | undefined;
  let storageClient: Redis | undefined;
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    live?.close();
    http.close();
    database?.close();
    // Leaving the bus removes this instance's connections from the other instances' `list` at once.
    const quit = setTimeout(() => process.exit(0), 2000);
    quit.unref();
    Promise.allSettled([bus?.close(), pool?.end(), storageClient?.quit()]).then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  if (args.exitOnStdinClose) {
    process.stdin.on("end", shutdown);
    process.stdin.on("close", shutdown);
    process.stdin.resume();
  }

  const secret = args.pgUrl ? { secret: process.env.BETTER_AUTH_SECRET!, source: "BETTER_AUTH_SECRET" } : authSecret(args.db);
  log(`auth secret from ${secret.source}`);
  if (args.pgUrl) {
    pool = new pg.Pool({ connectionString: args.pgUrl, max: 10 });
    pool.on("error", (e) => log("postgres:", e.message));
    log(`database ${redact(args.pgUrl)}`);
  } else {
    database = new Database(args.db);
    database.pragma("journal_mode = WAL");
  }
  // A password in --database/--redis would sit in argv, readable by every local user: take it from
  // PGPASSWORD (read by pg itself) and REDIS_PASSWORD instead.
  for (const url of [args.pgUrl, args.redisUrl])
    if (url && hasPassword(url)) log("warning: a password in a URL on the command line is visible to other local users; use PGPASSWORD / REDIS_PASSWORD");
  const redisOptions = process.env.REDIS_PASSWORD ? { password: process.env.REDIS_PASSWORD } : {};
  if (args.redisUrl) {
    bus = redisBus({ url: args.redisUrl, prefix: args.redisPrefix, ttlMs: seconds(args.busTtl) * 1000, log, redisOptions });
    log(`event bus on ${redact(args.redisUrl)} (prefix ${args.redisPrefix})`);
  }
  if (args.secondaryStorage) {
    storageClient = new Redis(args.redisUrl!, redisOptions);
    storageClient.on("error", (e: Error) => log("redis storage:", e.message));
  }
  const apiKeyRateLimit = { enabled: true, timeWindow: 86400 * 1000, maxRequests: 10 };
  const deviceExpires = seconds(args.deviceExpires);
  const deviceInterval = seconds(args.deviceInterval);
  let authRef: any;

  const options = {
    appName: "Pikku Admin dev server",
    baseURL,
    basePath,
    secret: secret.secret,
    database: pool ?? database,
    // Sessions only in Redis (no database row, no database hooks): the case consoleSecondaryStorage covers.
    ...(storageClient ? { secondaryStorage: consoleSecondaryStorage(redisStorage({ client: storageClient, keyPrefix: `${args.redisPrefix}:ba:` })) } : {}),
    trustedOrigins: [baseURL],
    telemetry: { enabled: false },
    rateLimit: { enabled: args.rateLimit },
    emailAndPassword: { enabled: true },
    // Short-lived sessions for tests (the live channel's expiry); never refreshed before they end.
    ...(args.sessionExpires ? { session: { expiresIn: seconds(args.sessionExpires), updateAge: seconds(args.sessionExpires) } } : {}),
    plugins: [
      deviceAuthorization({ expiresIn: args.deviceExpires as any, interval: args.deviceInterval as any, schema: {} } as any),
      bearer(),
      adminPlugin(args),
      ...(args.consolePlugin ? [consolePlugin({
        api: () => authRef.api,
        bus,
        serverVersion: "pikku-admin-dev-server 0.1.0 (better-auth 1.7.25)",
        keyUsage: args.keyUsageFlush === null ? false : { flushSeconds: seconds(args.keyUsageFlush) },
        apiKey: {
          metadataEnabled: true,
          minExpiresIn: 86400,
          maxExpiresIn: 365 * 86400,
          defaultPrefix: null,
          rateLimit: { enabled: true, timeWindow: 86400, maxRequests: 10 },
        },
        deviceAuthorization: { expiresIn: deviceExpires, interval: deviceInterval },
        // What the demo keys use (--seed-demo), as a grid in the console's mint and edit dialogs.
        permissionCatalogue: [
          { resource: "files", description: "Backup storage", actions: [{ name: "read", description: "list and download" }, { name: "write", description: "upload and delete" }] },
          { resource: "ws", description: "Live channels", actions: [{ name: "connect", description: "open a channel" }] },
          { resource: "events", description: "The ingest pipeline", actions: [{ name: "write", description: "send events" }] },
        ],
        channels: (origin, path) => [
          {
            name: "live",
            url: `${origin.replace(/^http/, "ws")}${path}/console/live`,
            description: "Live connections, sessions and key events (console API live channel)",
          },
        ],
      })] : []),
      apiKey({ enableMetadata: true, enableSessionForAPIKeys: true, rateLimit: apiKeyRateLimit } as any),
      ...(args.openapi ? [openAPI()] : []),
    ],
  };
  const auth = betterAuth(options as any);
  authRef = auth;

  const { toBeCreated, toBeAdded, runMigrations } = await getMigrations(auth.options as any);
  if (toBeCreated.length || toBeAdded.length)
    log("migrating:", [...toBeCreated.map((t: any) => t.table), ...toBeAdded.map((t: any) => t.table)].join(","));
  await runMigrations();

  const ctx: any = await auth.$context;
  const adminEmail = process.env.PIKKU_DEV_ADMIN_EMAIL ?? "admin@example.com";
  const adminPassword = process.env.PIKKU_DEV_ADMIN_PASSWORD ?? "admin-password-123";
  if (!(await ctx.internalAdapter.findUserByEmail(adminEmail))) {
    await (auth.api as any).createUser({ body: { email: adminEmail, password: adminPassword, name: "Dev Admin", role: "admin" } });
    log(`seeded admin ${adminEmail}`);
  }
  await bus?.ready();
  if (args.seedDemo) await seedDemo(auth, ctx);
  if (args.seedKeys > 0) await seedKeys(auth, ctx, database, args.seedKeys);

  const handler = toNodeHandler(auth);
  // The pages answer every method (GET and HEAD serve the page, others 405), always with pageHeaders.
  const page = (req: IncomingMessage, res: ServerResponse, html: () => string, extra: Record<string, string> = {}) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { "content-type": "application/json", allow: "GET, HEAD", ...pageHeaders });
      res.end(JSON.stringify({ code: "METHOD_NOT_ALLOWED", message: `${req.method} is not served here` }));
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...extra, ...pageHeaders });
    res.end(req.method === "HEAD" ? undefined : html());
  };
  // This server has no other WebSocket endpoints, so other upgrade paths get a 404.
  if (args.consolePlugin)
    live = createLiveChannel(auth, {
      path: `${basePath}/console/live`,
      log,
      ...(args.liveRecheck ? { recheckMs: seconds(args.liveRecheck) * 1000 } : {}),
    });
  else log("console plugin off (--no-console-plugin): no /console/* endpoints, no live channel");
  upgrade = (req, socket, head) => {
    if (live?.handleUpgrade(req, socket, head)) return;
    const body = JSON.stringify({ code: "NOT_FOUND", message: `no channel at ${new URL(req.url ?? "/", baseURL).pathname}` });
    socket.end(`HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  };
  serve = (req, res) => {
    const url = new URL(req.url ?? "/", baseURL);
    if (url.pathname === "/device" || url.pathname === "/device/") return page(req, res, () => devicePage(basePath), { "cache-control": "no-store" });
    if (url.pathname === "/") return page(req, res, () => homePage(baseURL, basePath));
    if (url.pathname.startsWith(basePath + "/") || url.pathname === basePath) {
      handler(req, res);
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ code: "NOT_FOUND", message: `no route ${url.pathname}` }));
  };

  // Only now: requests reach better-auth (serve is set above, synchronously before this line).
  process.stdout.write(`pikku-dev-server ready ${baseURL}\n`);
}

/** admin() as configured by --admin-roles / --admin-user-ids (default: admin() with its defaults). */
function adminPlugin(args: Args) {
  if (!args.adminRoles.length && !args.adminUserIds.length) return admin();
  const roles: Record<string, typeof adminAc | typeof userAc> = { admin: adminAc, user: userAc };
  for (const r of args.adminRoles) roles[r] ??= adminAc;
  return admin({
    roles,
    ...(args.adminRoles.length ? { adminRoles: args.adminRoles } : {}),
    ...(args.adminUserIds.length ? { adminUserIds: args.adminUserIds } : {}),
  });
}

async function seedDemo(auth: any, ctx: any) {
  const existing = await ctx.adapter.findMany({ model: "user", where: [{ field: "role", operator: "contains", value: "service" }] });
  if (existing.length) return;
  const now = new Date();
  const mk = (name: string, email: string) =>
    ctx.adapter.create({ model: "user", data: { name, email, emailVerified: true, role: "service", banned: false, createdAt: now, updatedAt: now } });
  const backup = await mk("svc-backup", "svc-backup@service.local");
  const ingest = await mk("svc-ingest", "svc-ingest@service.local");
  await auth.api.createApiKey({ body: { userId: backup.id, name: "backup-ws", prefix: "svc_", expiresIn: 30 * 86400, permissions: { ws: ["connect"], files: ["read", "write"] }, metadata: { host: "backup-01" }, rateLimitEnabled: false } });
  await auth.api.createApiKey({ body: { userId: backup.id, name: "backup-nightly", prefix: "svc_", expiresIn: 2 * 86400, permissions: { files: ["read"] } } });
  await auth.api.createApiKey({ body: { userId: ingest.id, name: "ingest-edge", prefix: "ing_", expiresIn: 365 * 86400, permissions: { events: ["write"] }, metadata: { region: "eu-west" }, rateLimitEnabled: true, rateLimitMax: 1000, rateLimitTimeWindow: 60000 } });
  log("seeded demo service users and keys");
}

/** Benchmarks: N keys owned by one service user "svc-bulk". One key is minted through better-auth, the rest are
 *  copies of its row (new id, name, hash and creation time) written in one SQLite transaction: 100,000 in seconds. */
async function seedKeys(auth: any, ctx: any, database: any, n: number) {
  const now = new Date();
  const owner = await ctx.adapter.create({
    model: "user",
    data: { name: "svc-bulk", email: `svc-bulk-${Date.now()}@service.local`, emailVerified: true, role: "service", banned: false, createdAt: now, updatedAt: now },
  });
  const first = await auth.api.createApiKey({ body: { userId: owner.id, name: "bulk-000000", prefix: "blk_", expiresIn: 30 * 86400, permissions: { ws: ["connect"] }, rateLimitEnabled: false } });
  const row = database.prepare("SELECT * FROM apikey WHERE id = ?").get(first.id);
  const cols = Object.keys(row);
  const insert = database.prepare(`INSERT INTO apikey (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map(() => "?").join(",")})`);
  const created = typeof row.createdAt === "number" ? row.createdAt : Date.parse(row.createdAt);
  database.transaction(() => {
    for (let i = 1; i < n; i++) {
      const copy: any = { ...row, id: `bulk${String(i).padStart(8, "0")}`, name: `bulk-${String(i).padStart(6, "0")}`, key: `bulkhash${i}` };
      const at = created - i * 1000;
      copy.createdAt = typeof row.createdAt === "number" ? at : new Date(at).toISOString();
      insert.run(cols.map((c) => copy[c]));
    }
  })();
  log(`seeded ${n} keys for svc-bulk`);
}

main().catch((e) => {
  log("failed:", e?.stack ?? e);
  process.exit(1);
});
