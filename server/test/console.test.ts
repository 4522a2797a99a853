// The dev server and the console API plugin against real better-auth + SQLite, over real HTTP and
// WebSockets on loopback (node --test).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer as createNetServer } from "node:net";
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { WebSocket } from "ws";
import { PG, sqlExec, storeArgs } from "./store.js";
import { nextMessage, spawnServer, type Server } from "./harness.js";

let proc: ChildProcess;
let base = "";
let dir = "";
let dbPath = "";
let adminToken = "";

async function startServer(): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), "pikku-dev-"));
  dbPath = join(dir, "t.db");
  const store = await storeArgs(dbPath);
  const s = spawnServer([...store.args, "--device-interval", "1s"], store.env);
  proc = s.proc;
  return s.ready;
}

/** A loopback port that was free a moment ago. */
async function freePort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((ok) => srv.listen(0, "127.0.0.1", () => ok()));
  const port = (srv.address() as any).port as number;
  await new Promise<void>((ok) => srv.close(() => ok()));
  return port;
}

async function api(method: string, path: string, opts: { token?: string; key?: string; body?: unknown } = {}) {
  // Node's fetch sends sec-fetch-* headers, which better-auth treats as a browser: give it our origin.
  const headers: Record<string, string> = { origin: base };
  if (opts.token) headers["authorization"] = `Bearer ${opts.token}`;
  if (opts.key) headers["x-api-key"] = opts.key;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const r = await fetch(base + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await r.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: r.status, json, text };
}

async function signIn(email: string, password: string) {
  const r = await api("POST", "/api/auth/sign-in/email", { body: { email, password } });
  assert.equal(r.status, 200, r.text);
  return r.json.token as string;
}

async function createServiceUser(name: string) {
  const r = await api("POST", "/api/auth/console/service-users/create", { token: adminToken, body: { name } });
  assert.equal(r.status, 201, r.text);
  return r.json.user;
}

async function mint(userId: string, extra: Record<string, unknown> = {}) {
  const r = await api("POST", "/api/auth/console/api-keys/create", {
    token: adminToken,
    body: { userId, name: "test-key", expiresIn: 7 * 86400, rateLimitEnabled: false, ...extra },
  });
  assert.equal(r.status, 201, r.text);
  return r.json as { apiKey: any; key: string };
}

async function whoIsKey(key: string) {
  const r = await api("GET", "/api/auth/get-session", { key });
  return r.status === 200 && r.json ? (r.json.user?.id as string) : null;
}

function openWs(headers: Record<string, string>): Promise<{ ws?: WebSocket; status?: number }> {
  return new Promise((ok) => {
    const ws = new WebSocket(base.replace(/^http/, "ws") + "/api/auth/console/live", { headers });
    ws.on("open", () => ok({ ws }));
    ws.on("unexpected-response", (_req, res) => ok({ status: res.statusCode }));
    ws.on("error", () => {});
  });
}

before(async () => {
  base = await startServer();
  adminToken = await signIn("admin@example.com", "admin-password-123");
});

after(() => {
  proc?.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("device flow as `pikku login` does it", () => {
  test("code → pending → claim + approve → token → get-session", async () => {
    const code = await api("POST", "/api/auth/device/code", { body: { client_id: "pikku-cli" } });
    assert.equal(code.status, 200);
    assert.match(code.json.user_code, /^[A-Z0-9]{8}$/);
    assert.equal(code.json.verification_uri, `${base}/device`);
    const poll = () =>
      api("POST", "/api/auth/device/token", {
        body: { grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: code.json.device_code, client_id: "pikku-cli" },
      });
    const pending = await poll();
    assert.equal(pending.json.error, "authorization_pending");
    const pendingList = await api("GET", "/api/auth/console/device-codes", { token: adminToken });
    const listed = pendingList.json.deviceCodes.find((d: any) => d.userCode === code.json.user_code);
    assert.ok(listed, "pending code is listed");
    assert.equal(listed.clientId, "pikku-cli");
    assert.ok(!JSON.stringify(pendingList.json).includes(code.json.device_code), "device_code never listed");
    const claim = await api("GET", `/api/auth/device?user_code=${code.json.user_code}`, { token: adminToken });
    assert.equal(claim.json.client_id, "pikku-cli");
    const approve = await api("POST", "/api/auth/device/approve", { token: adminToken, body: { userCode: code.json.user_code } });
    assert.equal(approve.status, 200);
    await new Promise((r) => setTimeout(r, 1100));
    const token = await poll();
    assert.equal(token.status, 200, token.text);
    const session = await api("GET", "/api/auth/get-session", { token: token.json.access_token });
    assert.equal(session.json.user.email, "admin@example.com");
  });

  test("the /device page cannot be framed: frame-ancestors 'none' and X-Frame-Options DENY on all its responses", async () => {
    const answers = [
      await fetch(`${base}/device`),
      await fetch(`${base}/device?user_code=ABCD1234`),
      await fetch(`${base}/device/`),
      await fetch(`${base}/device`, { method: "HEAD" }),
      await fetch(`${base}/device`, { method: "POST", body: "x" }),
      await fetch(`${base}/`),
    ];
    assert.deepEqual(answers.map((r) => r.status), [200, 200, 200, 200, 405, 200]);
    for (const r of answers) {
      assert.equal(r.headers.get("content-security-policy"), "frame-ancestors 'none'", r.url);
      assert.equal(r.headers.get("x-frame-options"), "DENY", r.url);
      assert.equal(r.headers.get("x-content-type-options"), "nosniff", r.url);
      await r.arrayBuffer();
    }
  });

  test("the /device page is served", async () => {
    const r = await fetch(`${base}/device?user_code=ABCD1234`);
    assert.equal(r.status, 200);
    const html = await r.text();
    assert.match(html, /signs that device in as you/);
    assert.match(html, /\/device\?user_code=/);   // it claims before approving
  });
});

describe("console API: callers", () => {
  test("info for an admin", async () => {
    const r = await api("GET", "/api/auth/console/info", { token: adminToken });
    assert.equal(r.status, 200);
    assert.equal(r.json.apiVersion, 1);
    assert.deepEqual(r.json.plugins, { deviceAuthorization: true, bearer: true, admin: true, apiKey: true });
    assert.deepEqual(r.json.apiKey.rateLimit, { enabled: true, timeWindow: 86400, maxRequests: 10 });
    assert.equal(r.json.apiKey.minExpiresIn, 86400);
    assert.match(r.json.channels[0].url, /^ws:\/\/127\.0\.0\.1:\d+\/api\/auth\/console\/live$/);
  });

  test("no session 401, non-admin 403, key alone 403, both 400", async () => {
    assert.equal((await api("GET", "/api/auth/console/info")).status, 401);
    await api("POST", "/api/auth/sign-up/email", { body: { email: "alice@example.com", password: "alice-password-1", name: "Alice" } });
    const alice = await signIn("alice@example.com", "alice-password-1");
    const na = await api("GET", "/api/auth/console/api-keys", { token: alice });
    assert.equal(na.status, 403);
    assert.equal(na.json.code, "FORBIDDEN");
    const svc = await createServiceUser("svc-callers");
    const { key } = await mint(svc.id);
    const keyOnly = await api("GET", "/api/auth/console/info", { key });
    assert.equal(keyOnly.status, 403);
    assert.equal(keyOnly.json.code, "FORBIDDEN");
    const both = await api("GET", "/api/auth/console/info", { key, token: adminToken });
    assert.equal(both.status, 400);
    assert.equal(both.json.code, "AMBIGUOUS_CREDENTIALS");
    const dead = await api("GET", "/api/auth/console/info", { token: "not-a-session-token" });
    assert.equal(dead.status, 401);
  });
});

describe("console API: service users and keys", () => {
  test("service users: create, list with search, conflict, validation", async () => {
    const u = await createServiceUser("svc-list-me");
    assert.equal(u.role, "service");
    assert.match(u.email, /@service\.invalid$/);
    assert.equal(u.apiKeyCount, 0);
    const list = await api("GET", "/api/auth/console/service-users?search=list-me", { token: adminToken });
    assert.equal(list.json.total, 1);
    assert.equal(list.json.users[0].id, u.id);
    const dup1 = await api("POST", "/api/auth/console/service-users/create", { token: adminToken, body: { name: "a", email: "dup@service.local" } });
    assert.equal(dup1.status, 201);
    const dup2 = await api("POST", "/api/auth/console/service-users/create", { token: adminToken, body: { name: "b", email: "dup@service.local" } });
    assert.equal(dup2.status, 409);
    assert.equal(dup2.json.code, "CONFLICT");
    const bad = await api("POST", "/api/auth/console/service-users/create", { token: adminToken, body: {} });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.code, "VALIDATION_ERROR");
    assert.match(bad.json.message, /name/);
    const badLimit = await api("GET", "/api/auth/console/service-users?limit=0", { token: adminToken });
    assert.equal(badLimit.status, 400);
  });

  test("mint for a service user; the key works as that machine; lists never leak secrets", async () => {
    const svc = await createServiceUser("svc-mint");
    const { apiKey, key } = await mint(svc.id, { permissions: { ws: ["connect"], files: ["read", "write"] }, metadata: { host: "backup-01" }, prefix: "svc_" });
    assert.equal(apiKey.userId, svc.id);
    assert.ok(key.startsWith("svc_"));
    assert.deepEqual(apiKey.permissions, { ws: ["connect"], files: ["read", "write"] });
    assert.deepEqual(apiKey.metadata, { host: "backup-01" });
    assert.equal(apiKey.rateLimitEnabled, false);
    assert.equal(await whoIsKey(key), svc.id);
    const list = await api("GET", `/api/auth/console/api-keys?userId=${svc.id}`, { token: adminToken });
    assert.equal(list.json.total, 1);
    assert.ok(!list.text.includes(key), "no secret in lists");
    assert.ok(!("key" in list.json.apiKeys[0]), "no key field");
    assert.ok(!list.text.includes(key.slice(10)), "no hash or fragment beyond start");
    const all = await api("GET", "/api/auth/console/api-keys", { token: adminToken });
    assert.ok(all.json.apiKeys.some((k: any) => k.id === apiKey.id));
    const unknownUser = await api("GET", "/api/auth/console/api-keys?userId=nope", { token: adminToken });
    assert.equal(unknownUser.status, 404);
    const badPerm = await api("POST", "/api/auth/console/api-keys/create", { token: adminToken, body: { userId: svc.id, name: "x", permissions: { ws: [] } } });
    assert.equal(badPerm.status, 400);
    assert.match(badPerm.json.message, /permissions/);
    const tooShort = await api("POST", "/api/auth/console/api-keys/create", { token: adminToken, body: { userId: svc.id, name: "x", expiresIn: 60 } });
    assert.equal(tooShort.status, 400);
    assert.match(tooShort.json.message, /expiresIn/);
  });

  test("disable, enable and delete take effect", async () => {
    const svc = await createServiceUser("svc-toggle");
    const { apiKey, key } = await mint(svc.id);
    const off = await api("POST", "/api/auth/console/api-keys/update", { token: adminToken, body: { keyId: apiKey.id, enabled: false } });
    assert.equal(off.status, 200);
    assert.equal(off.json.apiKey.enabled, false);
    assert.equal(await whoIsKey(key), null);
    await api("POST", "/api/auth/console/api-keys/update", { token: adminToken, body: { keyId: apiKey.id, enabled: true } });
    assert.equal(await whoIsKey(key), svc.id);
    const del = await api("POST", "/api/auth/console/api-keys/delete", { token: adminToken, body: { keyId: apiKey.id } });
    assert.deepEqual(del.json, { success: true });
    assert.equal(await whoIsKey(key), null);
    const again = await api("POST", "/api/auth/console/api-keys/delete", { token: adminToken, body: { keyId: apiKey.id } });
    assert.equal(again.status, 404);
    assert.equal(again.json.code, "NOT_FOUND");
    const nothing = await api("POST", "/api/auth/console/api-keys/update", { token: adminToken, body: { keyId: "nope", enabled: false } });
    assert.equal(nothing.status, 404);
  });

  test("rotate: overlap 0 retires the old key at once; 1 h overlap keeps it an hour", async () => {
    const svc = await createServiceUser("svc-rotate");
    const first = await mint(svc.id, { permissions: { events: ["write"] }, metadata: { region: "eu" } });
    const r0 = await api("POST", "/api/auth/console/api-keys/rotate", { token: adminToken, body: { keyId: first.apiKey.id, overlapSeconds: 0 } });
    assert.equal(r0.status, 201, r0.text);
    assert.deepEqual(r0.json.apiKey.permissions, { events: ["write"] });
    assert.deepEqual(r0.json.apiKey.metadata, { region: "eu" });
    assert.equal(r0.json.apiKey.userId, svc.id);
    assert.equal(await whoIsKey(r0.json.key), svc.id);
    assert.equal(await whoIsKey(first.key), null);
    const second = await mint(svc.id);
    const before = Date.now();
    const r1 = await api("POST", "/api/auth/console/api-keys/rotate", { token: adminToken, body: { keyId: second.apiKey.id, overlapSeconds: 3600 } });
    const prevExpiry = new Date(r1.json.previous.expiresAt).getTime();
    assert.ok(Math.abs(prevExpiry - (before + 3600_000)) < 10_000, `previous expires in about an hour: ${r1.json.previous.expiresAt}`);
    assert.equal(await whoIsKey(second.key), svc.id);
    assert.equal(await whoIsKey(r1.json.key), svc.id);
    // The previous key, now in its overlap, can be rotated again: the new key gets at least the minimum
    // lifetime (its own shortened "lifetime" is below what the API Key plugin accepts).
    const r2 = await api("POST", "/api/auth/console/api-keys/rotate", { token: adminToken, body: { keyId: second.apiKey.id, overlapSeconds: 0 } });
    assert.equal(r2.status, 201, r2.text);
    assert.ok(new Date(r2.json.apiKey.expiresAt).getTime() >= Date.now() + 86400_000 - 60_000, r2.json.apiKey.expiresAt);
    assert.equal(await whoIsKey(r2.json.key), svc.id);
  });
});

describe("console API: keys only for service identities", () => {
  const mintFor = (userId: string) =>
    api("POST", "/api/auth/console/api-keys/create", { token: adminToken, body: { userId, name: "nope", expiresIn: 7 * 86400 } });
  const keysOf = async (userId: string) =>
    (await api("GET", `/api/auth/console/api-keys?userId=${userId}`, { token: adminToken })).json.total as number;
  async function person(name: string) {
    const email = `${name}-${Date.now()}@example.com`;
    const su = await api("POST", "/api/auth/sign-up/email", { body: { email, password: "person-password-1", name } });
    assert.equal(su.status, 200, su.text);
    return { id: su.json.user.id as string, token: await signIn(email, "person-password-1") };
  }
  const setRole = async (userId: string, role: string[]) => {
    const r = await api("POST", "/api/auth/admin/set-role", { token: adminToken, body: { userId, role } });
    assert.equal(r.status, 200, r.text);
  };
  const refused = (r: { status: number; json: any }, why: RegExp) => {
    assert.equal(r.status, 403, JSON.stringify(r.json));
    assert.equal(r.json.code, "OWNER_NOT_SERVICE_USER");
    assert.match(r.json.message, why);
  };

  test("mint refuses an admin, a person, a person given the service role, and a service user with the admin role", async () => {
    const me = await api("GET", "/api/auth/get-session", { token: adminToken });
    const adminId = me.json.user.id as string;
    refused(await mintFor(adminId), /service/);
    assert.equal(await keysOf(adminId), 0);

    const alice = await person("mint-person");
    refused(await mintFor(alice.id), /not a service user/);

    const sneaky = await person("mint-sneaky");
    await setRole(sneaky.id, ["user", "service"]);
    refused(await mintFor(sneaky.id), /can sign in/);

    const svcAdmin = await createServiceUser("svc-also-admin");
    await setRole(svcAdmin.id, ["service", "admin"]);
    refused(await mintFor(svcAdmin.id), /admin/);
    for (const u of [alice.id, sneaky.id, svcAdmin.id]) assert.equal(await keysOf(u), 0, "nothing minted");

    // A real service user still gets its key, also with a second, harmless role.
    const svc = await createServiceUser("svc-two-roles");
    await setRole(svc.id, ["service", "backup"]);
    const ok = await mintFor(svc.id);
    assert.equal(ok.status, 201, ok.text);
  });

  test("rotate refuses a key whose owner is not a service user, and mints nothing", async () => {
    const p = await person("rotate-person");
    const own = await api("POST", "/api/auth/api-key/create", { token: p.token, body: { name: "mine" } });
    assert.equal(own.status, 200, own.text);
    const r = await api("POST", "/api/auth/console/api-keys/rotate", { token: adminToken, body: { keyId: own.json.id, overlapSeconds: 0 } });
    refused(r, /not a service user/);
    assert.equal(await keysOf(p.id), 1);
    assert.equal(await whoIsKey(own.json.key), p.id, "the old key is untouched");

    // A service user that became an admin after its key was minted: its key is not rotated either.
    const svc = await createServiceUser("svc-promoted");
    const { apiKey } = await mint(svc.id);
    await setRole(svc.id, ["service", "admin"]);
    refused(await api("POST", "/api/auth/console/api-keys/rotate", { token: adminToken, body: { keyId: apiKey.id, overlapSeconds: 0 } }), /admin/);
    assert.equal(await keysOf(svc.id), 1);
  });
});

describe("console API: sessions", () => {
  test("list without tokens; revoke kills the session", async () => {
    const victim = await signIn("admin@example.com", "admin-password-123");
    const list = await api("GET", "/api/auth/console/sessions?limit=1000", { token: adminToken });
    assert.equal(list.status, 200);
    assert.ok(!list.text.includes(victim) && !list.text.includes(adminToken), "no session token in the list");
    assert.ok(list.json.total >= 2);
    const mine = await api("GET", "/api/auth/get-session", { token: victim });
    const row = list.json.sessions.find((s: any) => s.id === mine.json.session.id);
    assert.ok(row);
    assert.equal(row.userEmail, "admin@example.com");
    const revoke = await api("POST", "/api/auth/console/sessions/revoke", { token: adminToken, body: { sessionId: row.id } });
    assert.deepEqual(revoke.json, { success: true });
    const dead = await api("GET", "/api/auth/get-session", { token: victim });
    assert.equal(dead.json, null);
    const again = await api("POST", "/api/auth/console/sessions/revoke", { token: adminToken, body: { sessionId: row.id } });
    assert.equal(again.status, 404);
  });
});

describe("live channel", () => {
  test("as a person, as a key, never both; pushed events; revoked key closes", async () => {
    const none = await openWs({});
    assert.equal(none.status, 401);
    const svc = await createServiceUser("svc-live");
    const { apiKey, key } = await mint(svc.id, { permissions: { ws: ["connect"] } });
    const both = await openWs({ authorization: `Bearer ${adminToken}`, "x-api-key": key });
    assert.equal(both.status, 400);
    const bad = await openWs({ authorization: "Bearer nope" });
    assert.equal(bad.status, 401);

    const person = (await openWs({ authorization: `Bearer ${adminToken}` })).ws!;
    person.send(JSON.stringify({ action: "whoami" }));
    const me = await nextMessage(person, (m) => m.action === "whoami");
    assert.equal(me.session.via, "bearer");
    assert.equal(me.session.email, "admin@example.com");
    person.send(JSON.stringify({ action: "subscribe", topic: "sessions" }));
    await nextMessage(person, (m) => m.action === "subscribe");

    const opened = nextMessage(person, (m) => m.event === "connection.opened");
    const machine = (await openWs({ "x-api-key": key })).ws!;
    const ev = await opened;
    assert.equal(ev.topic, "sessions");
    assert.equal(ev.data.via, "api-key");
    machine.send(JSON.stringify({ action: "whoami" }));
    const it = await nextMessage(machine, (m) => m.action === "whoami");
    assert.equal(it.session.via, "api-key");
    assert.equal(it.session.keyId, apiKey.id);
    assert.deepEqual(it.session.permissions, { ws: ["connect"] });
    machine.send(JSON.stringify({ action: "list" }));
    const refused = await nextMessage(machine, (m) => m.action === "list");
    assert.equal(refused.code, "FORBIDDEN");
    machine.send(JSON.stringify({ action: "echo", n: 7 }));
    assert.deepEqual(await nextMessage(machine, (m) => m.action === "echo"), { action: "echo", n: 7 });

    person.send(JSON.stringify({ action: "list" }));
    const conns = await nextMessage(person, (m) => m.action === "list");
    assert.ok(conns.connections.length >= 2);

    const closed = new Promise<number>((ok) => machine.on("close", (code) => ok(code)));
    const keyEvent = nextMessage(person, (m) => m.event === "key.deleted");
    await api("POST", "/api/auth/console/api-keys/delete", { token: adminToken, body: { keyId: apiKey.id } });
    assert.equal(await closed, 4401);
    const kd = await keyEvent;
    assert.equal(kd.data.id, apiKey.id);
    assert.ok(!JSON.stringify(kd).includes(key));
    const revoked = await openWs({ "x-api-key": key });
    assert.equal(revoked.status, 401);
    person.close();
  });
});

// Revocation through better-auth's own endpoints, not the console's: the plugin's database and endpoint
// hooks must still push the events and close the credential's live-channel connections with 4401.
describe("live channel: revocation outside the console", () => {
  let watcher: WebSocket;
  let n = 0;

  before(async () => {
    watcher = (await openWs({ authorization: `Bearer ${adminToken}` })).ws!;
    watcher.send(JSON.stringify({ action: "subscribe", topic: "sessions" }));
    await nextMessage(watcher, (m) => m.action === "subscribe");
  });
  after(() => watcher?.close());

  /** The close code, or -1 if the connection is still open after 5 s. */
  const closeCode = (ws: WebSocket) =>
    new Promise<number>((ok) => {
      const t = setTimeout(() => ok(-1), 5000);
      ws.on("close", (code) => {
        clearTimeout(t);
        ok(code);
      });
    });

  /** A fresh person with a Bearer live-channel connection and its session id. */
  async function personOnChannel() {
    const email = `person${++n}-${Date.now()}@example.com`;
    const su = await api("POST", "/api/auth/sign-up/email", { body: { email, password: "person-password-1", name: `Person ${n}` } });
    assert.equal(su.status, 200, su.text);
    const token = await signIn(email, "person-password-1");
    const s = await api("GET", "/api/auth/get-session", { token });
    const ws = (await openWs({ authorization: `Bearer ${token}` })).ws!;
    assert.ok(ws, "channel opened");
    return { email, token, userId: s.json.user.id as string, sessionId: s.json.session.id as string, ws, closed: closeCode(ws) };
  }

  const revokedEvent = (sessionId: string) => nextMessage(watcher, (m) => m.event === "session.revoked" && m.data?.id === sessionId);

  test("session.created arrives when a user signs in", async () => {
    const email = `signin-${Date.now()}@example.com`;
    await api("POST", "/api/auth/sign-up/email", { body: { email, password: "signin-password-1", name: "Sign In" } });
    const created = nextMessage(watcher, (m) => m.event === "session.created" && m.data?.userEmail === email);
    const token = await signIn(email, "signin-password-1");
    const ev = await created;
    assert.equal(ev.topic, "sessions");
    const s = await api("GET", "/api/auth/get-session", { token });
    assert.equal(ev.data.id, s.json.session.id);
    assert.ok(!JSON.stringify(ev).includes(token), "no token in the event");
  });

  test("POST /sign-out closes that session's channel (4401) and pushes session.revoked", async () => {
    const p = await personOnChannel();
    const other = await personOnChannel();
    const ev = revokedEvent(p.sessionId);
    const out = await api("POST", "/api/auth/sign-out", { token: p.token });
    assert.equal(out.status, 200, out.text);
    assert.equal(await p.closed, 4401);
    const e = await ev;
    assert.equal(e.data.userEmail, p.email);
    assert.ok(!JSON.stringify(e).includes(p.token), "no token in the event");
    // Another person's connection is untouched.
    other.ws.send(JSON.stringify({ action: "echo", still: true }));
    assert.deepEqual(await nextMessage(other.ws, (m) => m.action === "echo"), { action: "echo", still: true });
    other.ws.close();
    assert.equal((await openWs({ authorization: `Bearer ${p.token}` })).status, 401);
  });

  test("admin revoke-user-session closes the channel (4401) and pushes session.revoked", async () => {
    const p = await personOnChannel();
    const ev = revokedEvent(p.sessionId);
    const r = await api("POST", "/api/auth/admin/revoke-user-session", { token: adminToken, body: { sessionToken: p.token } });
    assert.equal(r.status, 200, r.text);
    assert.equal(await p.closed, 4401);
    assert.equal((await ev).data.userId, p.userId);
  });

  test("admin ban-user closes the person's channels and the channels of a banned service user's keys", async () => {
    const p = await personOnChannel();
    const ev = revokedEvent(p.sessionId);
    const ban = await api("POST", "/api/auth/admin/ban-user", { token: adminToken, body: { userId: p.userId } });
    assert.equal(ban.status, 200, ban.text);
    assert.equal(await p.closed, 4401);
    assert.equal((await ev).data.userId, p.userId);

    const svc = await createServiceUser("svc-banned");
    const { key } = await mint(svc.id);
    const machine = (await openWs({ "x-api-key": key })).ws!;
    const machineClosed = closeCode(machine);
    const ban2 = await api("POST", "/api/auth/admin/ban-user", { token: adminToken, body: { userId: svc.id } });
    assert.equal(ban2.status, 200, ban2.text);
    assert.equal(await machineClosed, 4401);
    assert.equal((await openWs({ "x-api-key": key })).status, 403);
  });

  test("the API Key plugin's own /api-key/update (disable) and /api-key/delete close the key's channels", async () => {
    const p = await personOnChannel();
    p.ws.close();
    const mk = async (name: string) => {
      const created = nextMessage(watcher, (m) => m.event === "key.created" && m.data?.name === name);
      const r = await api("POST", "/api/auth/api-key/create", { token: p.token, body: { name } });
      assert.equal(r.status, 200, r.text);
      const ev = await created;
      assert.equal(ev.data.id, r.json.id);
      assert.ok(!JSON.stringify(ev).includes(r.json.key), "no secret in the event");
      const ws = (await openWs({ "x-api-key": r.json.key })).ws!;
      assert.ok(ws, "key channel opened");
      return { id: r.json.id as string, key: r.json.key as string, ws, closed: closeCode(ws) };
    };
    const a = await mk("own-disable");
    const updated = nextMessage(watcher, (m) => m.event === "key.updated" && m.data?.id === a.id);
    const off = await api("POST", "/api/auth/api-key/update", { token: p.token, body: { keyId: a.id, enabled: false } });
    assert.equal(off.status, 200, off.text);
    assert.equal(await a.closed, 4401);
    assert.equal((await updated).data.enabled, false);

    const b = await mk("own-delete");
    const deleted = nextMessage(watcher, (m) => m.event === "key.deleted" && m.data?.id === b.id);
    const del = await api("POST", "/api/auth/api-key/delete", { token: p.token, body: { keyId: b.id } });
    assert.equal(del.status, 200, del.text);
    assert.equal(await b.closed, 4401);
    assert.equal((await deleted).data.userId, p.userId);
    // A refused delete (someone else's key) reports nothing and closes nothing.
    const c = await mk("not-yours");
    const q = await personOnChannel();
    const refused = await api("POST", "/api/auth/api-key/delete", { token: q.token, body: { keyId: c.id } });
    assert.equal(refused.status, 404, refused.text);
    c.ws.send(JSON.stringify({ action: "echo", alive: 1 }));
    assert.deepEqual(await nextMessage(c.ws, (m) => m.action === "echo"), { action: "echo", alive: 1 });
    c.ws.close();
    q.ws.close();
  });
});

describe("dev server start-up", () => {
  test("the very first request is answered at once (503 + Retry-After until ready), never left hanging", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "pikku-start-"));
    const port = await freePort();
    const store = await storeArgs(join(tmp, "fresh.db"));
    const s = spawnServer(store.args, store.env, { port });
    try {
      let readyLine = false;
      s.ready.then(() => (readyLine = true), () => {});
      const url = `http://127.0.0.1:${port}/api/auth/ok`;
      const startedAt = Date.now();
      const statuses: number[] = [];
      let sawUpgrade = false;
      // Knock until the port is open (connection refused is immediate), then every request that got a
      // connection must be answered within 3 s: the old server accepted connections before it had a handler.
      while (statuses.at(-1) !== 200) {
        assert.ok(Date.now() - startedAt < 30000, `not ready in 30 s: ${s.stderr()}`);
        let r: Response;
        try {
          r = await fetch(url, { signal: AbortSignal.timeout(3000) });
        } catch (e: any) {
          if (e?.cause?.code === "ECONNREFUSED") {
            await new Promise((ok) => setTimeout(ok, 5));   // poll interval while nothing listens
            continue;
          }
          assert.fail(`a request that reached the server was not answered within 3 s (${e?.name}: ${e?.cause?.code ?? e?.message}); answers so far: ${statuses}`);
        }
        statuses.push(r.status);
        const text = await r.text();
        if (r.status === 503) {
          assert.equal(r.headers.get("retry-after"), "1");
          assert.equal(JSON.parse(text).code, "STARTING");
          assert.equal(r.headers.get("x-frame-options"), "DENY");
          assert.equal(readyLine, false, "503 after the ready line");
          if (!sawUpgrade) {
            // A channel upgrade in the same phase is answered too (503 while starting, 401 once ready).
            sawUpgrade = true;
            const ws = new WebSocket(`ws://127.0.0.1:${port}/api/auth/console/live`);
            const status = await new Promise<number>((ok, ko) => {
              const t = setTimeout(() => ko(new Error("upgrade not answered within 3 s")), 3000);
              ws.on("unexpected-response", (_req, res) => {
                clearTimeout(t);
                ok(res.statusCode ?? 0);
              });
              ws.on("open", () => ko(new Error("opened without a credential")));
              ws.on("error", () => {});
            });
            assert.ok(status === 503 || status === 401, `upgrade answered ${status}`);
          }
        } else {
          assert.equal(r.status, 200, text);
        }
      }
      // The gap was there (this is what the old server left hanging) and was answered.
      assert.ok(statuses.includes(503), `no request arrived while starting; answers: ${statuses}`);
      assert.equal(await s.ready, `http://127.0.0.1:${port}`);
    } finally {
      await s.stop();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

// SQLite only: on PostgreSQL the secret is BETTER_AUTH_SECRET, shared by every instance.
describe("dev server auth secret", { skip: PG && "the SQLite file's secret; PostgreSQL takes BETTER_AUTH_SECRET" }, () => {
  /** Sign in on a server; the signed Bearer token (set-auth-token) and the session cookie both depend on the secret. */
  async function signInAt(at: string) {
    const r = await fetch(`${at}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: at, "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@example.com", password: "admin-password-123" }),
    });
    assert.equal(r.status, 200);
    const signed = r.headers.get("set-auth-token")!;
    const cookie = r.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    assert.ok(signed.includes("."), "a signed token");
    assert.match(cookie, /session_token=/);
    return { signed, cookie };
  }
  async function whoAt(at: string, headers: Record<string, string>) {
    const r = await fetch(`${at}/api/auth/get-session`, { headers: { origin: at, ...headers } });
    const j = await r.json();
    return (j?.user?.email as string | undefined) ?? null;
  }
  const noEnvSecret = { BETTER_AUTH_SECRET: undefined };

  test("generated once per database (0600, never logged), kept across restarts; another database gets another", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "pikku-secret-"));
    const db1 = join(tmp, "one.db");
    const db2 = join(tmp, "two.db");
    const started: Server[] = [];
    const start = (db: string, env: Record<string, string | undefined>) => {
      const s = spawnServer(["--db", db], env);
      started.push(s);
      return s;
    };
    /** The server signs with exactly this secret: the token's signature is HMAC-SHA256(secret, token). */
    const signedWith = (signed: string, secret: string) => {
      const [token, sig] = decodeURIComponent(signed).split(".");
      return createHmac("sha256", secret).update(token).digest("base64") === sig;
    };
    try {
      let s = start(db1, noEnvSecret);
      let at = await s.ready;
      const secret1 = readFileSync(`${db1}.secret`, "utf8").trim();
      assert.ok(secret1.length >= 32, "a long random secret");
      assert.equal(statSync(`${db1}.secret`).mode & 0o777, 0o600);
      const { signed, cookie } = await signInAt(at);
      assert.ok(signedWith(signed, secret1), "the server signs with the secret kept beside its database");
      assert.equal(await whoAt(at, { cookie }), "admin@example.com");
      assert.ok(!s.stderr().includes(secret1), "the secret is not logged");
      await s.stop();

      // Restart on the same database: the same secret, so the cookie and the signed token still work.
      s = start(db1, noEnvSecret);
      at = await s.ready;
      assert.equal(readFileSync(`${db1}.secret`, "utf8").trim(), secret1);
      assert.equal(await whoAt(at, { cookie }), "admin@example.com");
      assert.equal(await whoAt(at, { authorization: `Bearer ${signed}` }), "admin@example.com");
      assert.ok(signedWith((await signInAt(at)).signed, secret1));
      await s.stop();

      // A given BETTER_AUTH_SECRET wins (and leaves the file alone): the old cookie and signed token are refused.
      const given = "another-secret-for-this-test-0123456789abcdef";
      s = start(db1, { BETTER_AUTH_SECRET: given });
      at = await s.ready;
      assert.equal(await whoAt(at, { cookie }), null);
      assert.equal(await whoAt(at, { authorization: `Bearer ${signed}` }), null);
      assert.ok(signedWith((await signInAt(at)).signed, given));
      assert.equal(readFileSync(`${db1}.secret`, "utf8").trim(), secret1);
      await s.stop();

      s = start(db2, noEnvSecret);
      at = await s.ready;
      const secret2 = readFileSync(`${db2}.secret`, "utf8").trim();
      assert.ok(secret2.length >= 32);
      assert.notEqual(secret2, secret1);
      assert.ok(signedWith((await signInAt(at)).signed, secret2));
      await s.stop();
    } finally {
      await Promise.all(started.map((x) => x.stop()));
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe("live channel: credentials re-checked after the upgrade", () => {
  /** Resolves with the close code and reason, or code -1 if still open after `ms`. */
  const closed = (ws: WebSocket, ms: number) =>
    new Promise<{ code: number; reason: string; at: number }>((ok) => {
      const t = setTimeout(() => ok({ code: -1, reason: "still open", at: Date.now() }), ms);
      ws.on("close", (code, reason) => {
        clearTimeout(t);
        ok({ code, reason: String(reason), at: Date.now() });
      });
    });
  const alive = async (ws: WebSocket) => {
    ws.send(JSON.stringify({ action: "echo", alive: true }));
    assert.deepEqual(await nextMessage(ws, (m) => m.action === "echo"), { action: "echo", alive: true });
  };
  const setRole = async (userId: string, role: string[]) => {
    const r = await api("POST", "/api/auth/admin/set-role", { token: adminToken, body: { userId, role } });
    assert.equal(r.status, 200, r.text);
  };
  async function secondAdmin(name: string) {
    const email = `${name}-${Date.now()}@example.com`;
    const su = await api("POST", "/api/auth/sign-up/email", { body: { email, password: "admin2-password-1", name } });
    assert.equal(su.status, 200, su.text);
    await setRole(su.json.user.id, ["admin"]);
    const token = await signIn(email, "admin2-password-1");
    const ws = (await openWs({ authorization: `Bearer ${token}` })).ws!;
    ws.send(JSON.stringify({ action: "subscribe", topic: "sessions" }));
    assert.equal((await nextMessage(ws, (m) => m.action === "subscribe")).topic, "sessions");
    return { id: su.json.user.id as string, ws };
  }

  test("a session reaching expiresAt closes its connection (4401) at that time", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "pikku-expiry-"));
    const store = await storeArgs(join(tmp, "e.db"));
    const s = spawnServer([...store.args, "--session-expires", "3s"], store.env);
    try {
      const at = await s.ready;
      const r = await fetch(`${at}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { origin: at, "content-type": "application/json" },
        body: JSON.stringify({ email: "admin@example.com", password: "admin-password-123" }),
      });
      const token = (await r.json()).token as string;
      const ws = await new Promise<WebSocket>((ok, ko) => {
        const w = new WebSocket(at.replace(/^http/, "ws") + "/api/auth/console/live", { headers: { authorization: `Bearer ${token}` } });
        w.on("open", () => ok(w));
        w.on("unexpected-response", (_q, res) => ko(new Error(`upgrade ${res.statusCode}`)));
      });
      ws.send(JSON.stringify({ action: "whoami" }));
      const expiresAt = Date.parse((await nextMessage(ws, (m) => m.action === "whoami")).session.expiresAt);
      const c = await closed(ws, 10000);
      assert.equal(c.code, 4401, c.reason);
      assert.match(c.reason, /expired/);
      assert.ok(c.at >= expiresAt - 50, `closed ${expiresAt - c.at} ms before the session's expiry`);
      assert.ok(c.at <= expiresAt + 3000, `closed ${c.at - expiresAt} ms after the session's expiry`);
    } finally {
      await s.stop();
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  test("a rotated key's connections close when the overlap ends (opened before and during it); the new key's stay", async () => {
    const svc = await createServiceUser("svc-overlap");
    const { apiKey, key } = await mint(svc.id);
    const before = (await openWs({ "x-api-key": key })).ws!;
    const beforeClosed = closed(before, 12000);
    const r = await api("POST", "/api/auth/console/api-keys/rotate", { token: adminToken, body: { keyId: apiKey.id, overlapSeconds: 2 } });
    assert.equal(r.status, 201, r.text);
    const retireAt = Date.parse(r.json.previous.expiresAt);
    const during = (await openWs({ "x-api-key": key })).ws!;
    const duringClosed = closed(during, 12000);
    const fresh = (await openWs({ "x-api-key": r.json.key })).ws!;
    await alive(before);
    for (const c of [await beforeClosed, await duringClosed]) {
      assert.equal(c.code, 4401, c.reason);
      assert.match(c.reason, /expired/);
      assert.ok(c.at >= retireAt - 50 && c.at <= retireAt + 3000, `closed ${c.at - retireAt} ms from the overlap's end`);
    }
    await alive(fresh);
    fresh.close();
  });

  test("an admin demoted through better-auth (set-role) loses the channel (4401)", async () => {
    const a = await secondAdmin("demoted");
    const c = closed(a.ws, 5000);
    await setRole(a.id, ["user"]);
    const got = await c;
    assert.equal(got.code, 4401, got.reason);
    assert.match(got.reason, /admin/);
  });

  test("list and subscribe re-check the role: a role changed behind the plugin's back is refused", async () => {
    const a = await secondAdmin("behind-back");
    a.ws.send(JSON.stringify({ action: "list" }));
    assert.ok(Array.isArray((await nextMessage(a.ws, (m) => m.action === "list")).connections));
    await sqlExec(dbPath, `UPDATE "user" SET role = 'user' WHERE id = ?`, [a.id]);   // no hook sees this
    a.ws.send(JSON.stringify({ action: "list" }));
    assert.equal((await nextMessage(a.ws, (m) => m.action === "list")).code, "FORBIDDEN");
    a.ws.send(JSON.stringify({ action: "subscribe", topic: "sessions" }));
    assert.equal((await nextMessage(a.ws, (m) => m.action === "subscribe")).code, "FORBIDDEN");
    // and no pushed event reaches it any more: session.created is pushed before the sign-in reply, so
    // everything pushed for it arrives before the echo sent afterwards.
    const frames: any[] = [];
    a.ws.on("message", (d) => frames.push(JSON.parse(String(d))));
    await signIn("admin@example.com", "admin-password-123");
    await alive(a.ws);
    assert.deepEqual(frames.filter((m) => m.topic === "sessions"), [], "a demoted admin still receives events");
    a.ws.close();
  });
});

describe("console API: idempotent mint and rotate (requestId), capped overlap", () => {
  const rotate = (body: Record<string, unknown>, token = adminToken) => api("POST", "/api/auth/console/api-keys/rotate", { token, body });
  const create = (body: Record<string, unknown>) => api("POST", "/api/auth/console/api-keys/create", { token: adminToken, body });
  const keysOf = async (userId: string) =>
    (await api("GET", `/api/auth/console/api-keys?userId=${userId}`, { token: adminToken })).json.apiKeys as any[];
  const replayedHeader = async (path: string, body: unknown) => {
    const r = await fetch(base + path, {
      method: "POST",
      headers: { origin: base, authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: r.status, replayed: r.headers.get("idempotent-replayed"), json: await r.json() };
  };

  /** The same POST twice at the same instant, on two already-open keep-alive connections, so the server
   *  reads both before either is answered (a network layer re-sending while the first is in flight). */
  async function concurrently(path: string, body: unknown) {
    const agent = new HttpAgent({ keepAlive: true, maxSockets: 2 });
    const u = new URL(base + path);
    const once = (method: string, p: string, payload?: string) =>
      new Promise<{ status: number; text: string }>((ok, ko) => {
        const req = httpRequest(
          { agent, host: u.hostname, port: u.port, method, path: p,
            headers: { origin: base, authorization: `Bearer ${adminToken}`, ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}) } },
          (res) => {
            let text = "";
            res.on("data", (d) => (text += d));
            res.on("end", () => ok({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on("error", ko);
        req.end(payload);
      });
    try {
      await Promise.all([once("GET", "/api/auth/get-session"), once("GET", "/api/auth/get-session")]);   // two open sockets
      const payload = JSON.stringify(body);
      const both = await Promise.all([once("POST", u.pathname, payload), once("POST", u.pathname, payload)]);
      return both.map((r) => ({ status: r.status, text: r.text, json: JSON.parse(r.text) }));
    } finally {
      agent.destroy();
    }
  }

  test("/console/info announces the features, the window and the overlap cap", async () => {
    const r = await api("GET", "/api/auth/console/info", { token: adminToken });
    assert.ok(r.json.features.includes("api-keys.requestId"));
    assert.ok(r.json.features.includes("api-keys.maxOverlapSeconds"));
    assert.equal(r.json.requestIdWindowSeconds, 600);
    assert.equal(r.json.apiKey.maxOverlapSeconds, 30 * 86400);
  });

  test("a retried rotate with the same requestId returns the first reply and mints once, also when concurrent", async () => {
    const svc = await createServiceUser("svc-idem-rotate");
    const { apiKey } = await mint(svc.id);
    const body = { keyId: apiKey.id, overlapSeconds: 3600, expiresIn: 7 * 86400, requestId: randomUUID() };
    const first = await rotate(body);
    assert.equal(first.status, 201, first.text);
    const again = await replayedHeader("/api/auth/console/api-keys/rotate", body);
    assert.equal(again.status, 201);
    assert.equal(again.replayed, "true");
    assert.deepEqual(again.json, first.json, "the same reply, the same new secret");
    assert.equal(await whoIsKey(first.json.key), svc.id);
    assert.equal((await keysOf(svc.id)).length, 2, "the old key and one new key");

    // Sent twice at once (a re-send while the first is still running): still one new key.
    const second = await mint(svc.id);
    const body2 = { keyId: second.apiKey.id, overlapSeconds: 0, requestId: randomUUID() };
    const [a, b] = await concurrently("/api/auth/console/api-keys/rotate", body2);
    assert.equal(a.status, 201, a.text);
    assert.equal(b.status, 201, b.text);
    assert.equal(a.json.key, b.json.key);
    assert.equal((await keysOf(svc.id)).length, 4);

    // The same requestId for another request is refused; a new requestId is a new rotation.
    const reused = await rotate({ ...body, overlapSeconds: 60 });
    assert.equal(reused.status, 409, reused.text);
    assert.equal(reused.json.code, "REQUEST_ID_REUSED");
    const fresh = await rotate({ ...body, requestId: randomUUID() });
    assert.equal(fresh.status, 201, fresh.text);
    assert.notEqual(fresh.json.key, first.json.key);
    // Without a requestId, v1 behaviour: every rotate is a new one.
    const plain = await rotate({ keyId: first.json.apiKey.id, overlapSeconds: 0 });
    assert.equal(plain.status, 201, plain.text);
    assert.equal((await keysOf(svc.id)).length, 6);
  });

  test("a requestId is the caller's own: another admin reusing it never receives the first reply's secret", async () => {
    const svc = await createServiceUser("svc-idem-other");
    const { apiKey } = await mint(svc.id);
    const body = { keyId: apiKey.id, overlapSeconds: 3600, expiresIn: 7 * 86400, requestId: randomUUID() };
    const first = await rotate(body);
    assert.equal(first.status, 201, first.text);
    const email = `admin-idem-${Date.now()}@example.com`;
    const su = await api("POST", "/api/auth/sign-up/email", { body: { email, password: "admin3-password-1", name: "Admin 3" } });
    await api("POST", "/api/auth/admin/set-role", { token: adminToken, body: { userId: su.json.user.id, role: ["admin"] } });
    const other = await signIn(email, "admin3-password-1");
    const theirs = await rotate(body, other);
    assert.equal(theirs.status, 201, theirs.text);
    assert.notEqual(theirs.json.key, first.json.key);
  });

  test("a retried mint with the same requestId returns the same key once; invalid requestIds are refused", async () => {
    const svc = await createServiceUser("svc-idem-mint");
    const body = { userId: svc.id, name: "idem", expiresIn: 7 * 86400, rateLimitEnabled: false, requestId: randomUUID() };
    const first = await create(body);
    assert.equal(first.status, 201, first.text);
    const again = await replayedHeader("/api/auth/console/api-keys/create", body);
    assert.equal(again.replayed, "true");
    assert.deepEqual(again.json, first.json);
    assert.equal((await keysOf(svc.id)).length, 1);
    const reused = await create({ ...body, name: "other" });
    assert.equal(reused.status, 409);
    assert.equal(reused.json.code, "REQUEST_ID_REUSED");
    for (const requestId of ["", "has space", "x".repeat(129), 42, "tab\there"]) {
      const bad = await create({ ...body, requestId });
      assert.equal(bad.status, 400, `${JSON.stringify(requestId)}: ${bad.text}`);
      assert.equal(bad.json.code, "VALIDATION_ERROR");
      assert.match(bad.json.message, /requestId/);
    }
    assert.equal((await keysOf(svc.id)).length, 1);
  });

  test("the rotate overlap is capped at 30 days (400 OVERLAP_TOO_LONG above it), nothing minted", async () => {
    const svc = await createServiceUser("svc-overlap-cap");
    const { apiKey } = await mint(svc.id);
    const tooLong = await rotate({ keyId: apiKey.id, overlapSeconds: 30 * 86400 + 1 });
    assert.equal(tooLong.status, 400, tooLong.text);
    assert.equal(tooLong.json.code, "OVERLAP_TOO_LONG");
    assert.match(tooLong.json.message, /overlapSeconds/);
    assert.equal((await keysOf(svc.id)).length, 1);
    const max = await rotate({ keyId: apiKey.id, overlapSeconds: 30 * 86400 });
    assert.equal(max.status, 201, max.text);
  });
});
