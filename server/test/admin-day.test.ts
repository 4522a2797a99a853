// Issue 13's server side, against the real dev server and its SQLite file: service-user lifecycle (rename,
// disable, enable, delete, and the lock-out refusals), the `device.requested` live event, the permission
// catalogue in /console/info, and /console/overview's counts.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, call, signIn, startDevServer, type DevServer } from "./helpers.js";
import Database from "better-sqlite3";
import { closed, newPerson, nextMessage, openWs, subscribed, until } from "./harness.js";

let s: DevServer;
let token = "";
let adminId = "";

async function serviceUser(name: string): Promise<string> {
  const r = await call(s.base, "POST", "/api/auth/console/service-users/create", { token, body: { name } });
  assert.equal(r.status, 201, r.text);
  return r.json.user.id;
}
async function mint(userId: string, name: string, extra: Record<string, unknown> = {}) {
  const r = await call(s.base, "POST", "/api/auth/console/api-keys/create", { token, body: { userId, name, rateLimitEnabled: false, ...extra } });
  assert.equal(r.status, 201, r.text);
  return { id: r.json.apiKey.id as string, key: r.json.key as string };
}
const keyOf = async (keyId: string) => {
  const r = await call(s.base, "GET", `/api/auth/console/api-keys?limit=1000`, { token });
  return (r.json.apiKeys as { id: string; enabled: boolean }[]).find((k) => k.id === keyId);
};

before(async () => {
  s = await startDevServer();
  token = await signIn(s.base, ADMIN.email, ADMIN.password);
  adminId = (await call(s.base, "GET", "/api/auth/get-session", { token })).json.user.id;
});
after(async () => {
  await s?.stop();
});

describe("service-user lifecycle", () => {
  test("rename", async () => {
    const id = await serviceUser("svc-old-name");
    const r = await call(s.base, "POST", "/api/auth/console/service-users/update", { token, body: { userId: id, name: "svc-new-name" } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.user.name, "svc-new-name");
    const bad = await call(s.base, "POST", "/api/auth/console/service-users/update", { token, body: { userId: id, name: "x".repeat(101) } });
    assert.equal(bad.status, 400);
  });

  test("disable: every key off, its channel closed (4401), the user banned; enable: only those keys back on", async () => {
    const id = await serviceUser("svc-disable");
    const a = await mint(id, "a");
    const b = await mint(id, "b");
    const off = await mint(id, "off-before");
    assert.equal((await call(s.base, "POST", "/api/auth/console/api-keys/update", { token, body: { keyId: off.id, enabled: false } })).status, 200);
    const ws = await openWs(s.base, { "x-api-key": a.key });
    const gone = closed(ws, 5000);

    const d = await call(s.base, "POST", "/api/auth/console/service-users/disable", { token, body: { userId: id } });
    assert.equal(d.status, 200, d.text);
    assert.equal(d.json.disabledKeys, 2);
    assert.equal(d.json.user.banned, true);
    assert.equal((await gone).code, 4401);
    for (const k of [a, b, off]) assert.equal((await keyOf(k.id))?.enabled, false);
    await assert.rejects(openWs(s.base, { "x-api-key": b.key }), /upgrade refused/);

    const e = await call(s.base, "POST", "/api/auth/console/service-users/enable", { token, body: { userId: id } });
    assert.equal(e.status, 200, e.text);
    assert.deepEqual([e.json.enabledKeys, e.json.user.banned], [2, false]);
    assert.equal((await keyOf(a.id))?.enabled, true);
    assert.equal((await keyOf(b.id))?.enabled, true);
    assert.equal((await keyOf(off.id))?.enabled, false, "a key disabled on its own stays disabled");
    const again = await openWs(s.base, { "x-api-key": a.key });
    again.close();
  });

  test("delete: the user and its keys, counted in the reply; the key's channel closes", async () => {
    const id = await serviceUser("svc-delete");
    const a = await mint(id, "a");
    await mint(id, "b");
    const ws = await openWs(s.base, { "x-api-key": a.key });
    const gone = closed(ws, 5000);
    const r = await call(s.base, "POST", "/api/auth/console/service-users/delete", { token, body: { userId: id } });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, { success: true, deletedKeys: 2 });
    assert.equal((await gone).code, 4401);
    const list = await call(s.base, "GET", "/api/auth/console/service-users?limit=1000", { token });
    assert.ok(!list.json.users.some((u: { id: string }) => u.id === id));
    assert.equal((await call(s.base, "POST", "/api/auth/console/service-users/delete", { token, body: { userId: id } })).status, 404);
  });

  test("refuses the caller, an admin and people (lock-out and scope)", async () => {
    for (const action of ["update", "disable", "enable", "delete"]) {
      const body = action === "update" ? { userId: adminId, name: "x" } : { userId: adminId };
      const self = await call(s.base, "POST", `/api/auth/console/service-users/${action}`, { token, body });
      assert.equal(self.status, 409, `${action}: ${self.text}`);
      assert.equal(self.json.code, "LOCKOUT");
    }
    const other = await newPerson(s.base, "other-admin");
    assert.equal((await call(s.base, "POST", "/api/auth/admin/set-role", { token, body: { userId: other.userId, role: "admin" } })).status, 200);
    const admin = await call(s.base, "POST", "/api/auth/console/service-users/disable", { token, body: { userId: other.userId } });
    assert.deepEqual([admin.status, admin.json.code], [409, "LOCKOUT"]);
    const person = await newPerson(s.base, "plain-person");
    const p = await call(s.base, "POST", "/api/auth/console/service-users/delete", { token, body: { userId: person.userId } });
    assert.deepEqual([p.status, p.json.code], [400, "NOT_SERVICE_USER"]);
  });
});

describe("device.requested", () => {
  test("a new device code is pushed to subscribers, never with its device_code", async () => {
    const ws = await subscribed(s.base, token);
    try {
      const heard = nextMessage(ws, (m) => m.event === "device.requested");
      const code = await call(s.base, "POST", "/api/auth/device/code", { body: { client_id: "pikku-cli", scope: "openid profile" } });
      assert.equal(code.status, 200, code.text);
      const m = await heard;
      assert.equal(m.topic, "sessions");
      assert.deepEqual([m.data.userCode, m.data.clientId, m.data.scope], [code.json.user_code, "pikku-cli", "openid profile"]);
      const left = Date.parse(m.data.expiresAt) - Date.now();
      assert.ok(left > 0 && left <= code.json.expires_in * 1000, `expiresAt ${m.data.expiresAt}`);
      assert.ok(!JSON.stringify(m).includes(code.json.device_code));
    } finally {
      ws.close();
    }
  });
});

describe("permission catalogue and overview", () => {
  test("/console/info announces the catalogue", async () => {
    const info = await call(s.base, "GET", "/api/auth/console/info", { token });
    assert.ok(info.json.features.includes("permissions.catalogue"));
    const files = info.json.permissions.catalogue.find((r: { resource: string }) => r.resource === "files");
    assert.deepEqual(files.actions.map((a: { name: string }) => a.name), ["read", "write"]);
  });

  test("/console/overview counts what item 7 lists", async () => {
    const before = (await call(s.base, "GET", "/api/auth/console/overview", { token })).json.counts;
    const lonely = await serviceUser("svc-lonely");
    const id = await serviceUser("svc-overview");
    await mint(id, "soon", { expiresIn: 2 * 86400 });
    const off = await mint(id, "off", { expiresIn: 30 * 86400 });
    await call(s.base, "POST", "/api/auth/console/api-keys/update", { token, body: { keyId: off.id, enabled: false } });
    const code = await call(s.base, "POST", "/api/auth/device/code", { body: { client_id: "pikku-cli" } });
    assert.equal(code.status, 200);
    const ws = await subscribed(s.base, token);
    try {
      const r = await call(s.base, "GET", "/api/auth/console/overview", { token });
      assert.equal(r.status, 200, r.text);
      const c = r.json.counts;
      assert.equal(c.keysExpiringWithin7Days, before.keysExpiringWithin7Days + 1);
      assert.equal(c.disabledKeys, before.disabledKeys + 1);
      assert.equal(c.keysNeverUsed, before.keysNeverUsed + 2);
      assert.equal(c.serviceUsersWithoutKeys, before.serviceUsersWithoutKeys + 1);
      assert.equal(c.serviceUsers, before.serviceUsers + 2);
      assert.equal(c.pendingDeviceCodes, before.pendingDeviceCodes + 1);
      assert.equal(c.liveConnections, before.liveConnections + 1);
      assert.ok(c.sessions >= 1);
      assert.equal(r.json.liveConnectionsComplete, true);
      assert.ok(r.json.recentAudit.length > 0 && r.json.recentAudit.length <= 10);
      assert.equal(r.json.recentAudit[0].action, "/console/api-keys/update");
      void lonely;
    } finally {
      ws.close();
    }
    const p = await newPerson(s.base, "overview-nonadmin");
    assert.equal((await call(s.base, "GET", "/api/auth/console/overview", { token: p.token })).status, 403);
  });
});

describe("key usage", () => {
  let u: DevServer;
  let t = "";
  before(async () => {
    u = await startDevServer(["--key-usage-flush", "1s"]);
    t = await signIn(u.base, ADMIN.email, ADMIN.password);
  });
  after(async () => {
    await u?.stop();
  });

  test("verifications are counted per key and hour (success, failure), flushed to the table, read back by day and hour", async () => {
    const svc = await call(u.base, "POST", "/api/auth/console/service-users/create", { token: t, body: { name: "svc-usage" } });
    const k = await call(u.base, "POST", "/api/auth/console/api-keys/create", { token: t, body: { userId: svc.json.user.id, name: "counted", rateLimitEnabled: false } });
    const other = await call(u.base, "POST", "/api/auth/console/api-keys/create", { token: t, body: { userId: svc.json.user.id, name: "idle", rateLimitEnabled: false } });
    const keyId = k.json.apiKey.id as string;
    // Each live-channel upgrade with x-api-key is one auth.api.verifyApiKey.
    for (let i = 0; i < 3; i++) (await openWs(u.base, { "x-api-key": k.json.key })).close();
    await call(u.base, "POST", "/api/auth/console/api-keys/update", { token: t, body: { keyId, enabled: false } });
    await assert.rejects(openWs(u.base, { "x-api-key": k.json.key }), /upgrade refused/);

    const day = await call(u.base, "GET", `/api/auth/console/api-keys/${keyId}/usage?days=30`, { token: t });
    assert.equal(day.status, 200, day.text);
    assert.equal(day.json.buckets.length, 30);
    assert.deepEqual(day.json.total, { success: 3, failure: 1, rateLimited: 0 });
    assert.deepEqual(day.json.buckets[29], { start: new Date(Math.floor(Date.now() / 86400_000) * 86400_000).toISOString(), success: 3, failure: 1, rateLimited: 0 });
    const hour = await call(u.base, "GET", `/api/auth/console/api-keys/${keyId}/usage?days=1&bucket=hour`, { token: t });
    assert.equal(hour.json.buckets.at(-1).success, 3);

    // Flushed within a second or two: the table has the row.
    const db = new Database(u.db, { readonly: true });
    try {
      await until(() => (db.prepare(`SELECT COALESCE(SUM(success), 0) AS n FROM consoleKeyUsage WHERE keyId = ?`).get(keyId) as { n: number }).n === 3, "the flush");
    } finally {
      db.close();
    }

    const list = await call(u.base, "GET", `/api/auth/console/api-keys?userId=${svc.json.user.id}&usage=7d`, { token: t });
    const row = list.json.apiKeys.find((r: { id: string }) => r.id === keyId);
    assert.equal(row.usage7d.length, 7);
    assert.deepEqual(row.usage7d[6], { day: new Date().toISOString().slice(0, 10), success: 3, failure: 1, rateLimited: 0 });
    const idle = list.json.apiKeys.find((r: { id: string }) => r.id === other.json.apiKey.id);
    assert.ok(idle.usage7d.every((b: { success: number; failure: number }) => b.success === 0 && b.failure === 0));
    const plain = await call(u.base, "GET", `/api/auth/console/api-keys?userId=${svc.json.user.id}`, { token: t });
    assert.ok(!("usage7d" in plain.json.apiKeys[0]));

    for (const q of ["?days=0", "?days=91", "?days=40&bucket=hour", "?bucket=week"])
      assert.equal((await call(u.base, "GET", `/api/auth/console/api-keys/${keyId}/usage${q}`, { token: t })).status, 400, q);
    assert.equal((await call(u.base, "GET", `/api/auth/console/api-keys/no-such-key/usage`, { token: t })).status, 404);
  });
});
