// The plugin at scale: two dev-server instances on one PostgreSQL and one Redis (npm run test:pg), sessions
// kept only in Redis (secondaryStorage), rows changed behind better-auth's back (the periodic re-check), and
// the Redis bus's checks on what it reads.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WebSocket } from "ws";
import { Redis } from "ioredis";
import { parseWire } from "@pikku-admin/better-auth-console/redis";
import { PG, REDIS_URL, sqlExec, storeArgs } from "./store.js";
import { api, ask, closed, until, newPerson, nextMessage, openWs, record, signIn, spawnServer, subscribed, type Server } from "./harness.js";

const TTL_S = 3;

describe("two instances on one PostgreSQL and one Redis", { skip: !PG && "needs PostgreSQL + Redis: npm run test:pg" }, () => {
  let tmp = "";
  let A: Server;
  let B: Server;
  let a = "";
  let b = "";
  let adminA = "";
  let adminB = "";
  let watchA: WebSocket;
  let watchB: WebSocket;
  let instanceA = "";
  let instanceB = "";

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), "pikku-two-"));
    const store = await storeArgs(join(tmp, "shared.db"));
    const args = [...store.args, "--bus-ttl", `${TTL_S}s`];
    // One after the other: the first creates the tables and the admin, the second finds them.
    A = spawnServer(args, store.env);
    a = await A.ready;
    B = spawnServer(args, store.env);
    b = await B.ready;
    adminA = await signIn(a);
    adminB = await signIn(b);
    watchA = await subscribed(a, adminA);
    watchB = await subscribed(b, adminB);
    instanceA = (await ask(watchA, { action: "whoami" })).instanceId;
    instanceB = (await ask(watchB, { action: "whoami" })).instanceId;
    assert.ok(instanceA && instanceB && instanceA !== instanceB, "two instances");
  });

  test("/console/info announces the Redis bus on both instances", async () => {
    for (const [base, token] of [[a, adminA], [b, adminB]]) {
      const info = await api(base, "GET", "/api/auth/console/info", { token });
      assert.deepEqual(info.json.live, { bus: "redis" }, info.text);
    }
  });
  after(async () => {
    watchA?.close();
    watchB?.close();
    await Promise.all([A?.stop(), B?.stop()]);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test("a session revoked through B closes its channel on A (4401); both instances' subscribers hear it once", async (t) => {
    const p = await newPerson(a, "two-revoke");
    const ws = await openWs(a, { authorization: `Bearer ${p.token}` });
    const gone = closed(ws, 5000);
    const framesA = record(watchA);
    const framesB = record(watchB);
    const heardA = nextMessage(watchA, (m) => m.event === "session.revoked" && m.data?.id === p.sessionId);
    const heardB = nextMessage(watchB, (m) => m.event === "session.revoked" && m.data?.id === p.sessionId);
    const t0 = Date.now();
    const r = await api(b, "POST", "/api/auth/console/sessions/revoke", { token: adminB, body: { sessionId: p.sessionId } });
    assert.equal(r.status, 200, r.text);
    const c = await gone;
    assert.equal(c.code, 4401, c.reason);
    t.diagnostic(`closed on A ${c.at - t0} ms after the revoke request to B was sent`);
    assert.equal((await heardA).data.userEmail, p.email);
    assert.equal((await heardB).data.userEmail, p.email);
    // A later event from B reaches A after any repeat of the first would have (one publisher, one channel).
    const q = await newPerson(b, "two-barrier");
    const created = (m: any) => m.event === "session.created" && m.data?.id === q.sessionId;
    await until(() => framesA.some(created) && framesB.some(created), "the later session.created on both");
    const count = (frames: any[], event: string, id: string) => frames.filter((m) => m.event === event && m.data?.id === id).length;
    assert.equal(count(framesA, "session.revoked", p.sessionId), 1, "A's subscriber told once");
    assert.equal(count(framesB, "session.revoked", p.sessionId), 1, "B's subscriber told once");
    assert.equal(count(framesA, "session.created", q.sessionId), 1);
    assert.equal(count(framesB, "session.created", q.sessionId), 1);
    assert.equal((await openWs(a, { authorization: `Bearer ${p.token}` }).catch((e) => e)).message, "upgrade refused: 401");
  });

  test("a key deleted through B closes the machine's channel on A; B's list shows A's connections, B's subscribers A's opens", async () => {
    const svc = await api(b, "POST", "/api/auth/console/service-users/create", { token: adminB, body: { name: "svc-two" } });
    assert.equal(svc.status, 201, svc.text);
    const minted = await api(b, "POST", "/api/auth/console/api-keys/create", {
      token: adminB,
      body: { userId: svc.json.user.id, name: "two-key", expiresIn: 86400 * 7, rateLimitEnabled: false },
    });
    assert.equal(minted.status, 201, minted.text);
    const keyId = minted.json.apiKey.id as string;
    const openedOnB = nextMessage(watchB, (m) => m.event === "connection.opened" && m.data?.keyId === keyId);
    const machine = await openWs(a, { "x-api-key": minted.json.key });
    assert.equal((await openedOnB).data.instanceId, instanceA, "B's subscriber hears of A's new connection");
    const listed = await ask(watchB, { action: "list" });
    const row = listed.connections.find((x: any) => x.keyId === keyId);
    assert.ok(row, "B lists the connection held by A");
    assert.equal(row.instanceId, instanceA);
    assert.ok(listed.connections.some((x: any) => x.instanceId === instanceB), "and its own");
    assert.ok(!JSON.stringify(listed).includes(minted.json.key), "no secret in the list");
    const gone = closed(machine, 5000);
    const deletedOnA = nextMessage(watchA, (m) => m.event === "key.deleted" && m.data?.id === keyId);
    const del = await api(b, "POST", "/api/auth/console/api-keys/delete", { token: adminB, body: { keyId } });
    assert.equal(del.status, 200, del.text);
    const c = await gone;
    assert.equal(c.code, 4401, c.reason);
    assert.equal((await deletedOnA).data.id, keyId);
  });

  test("a user banned through B loses its channels on A", async () => {
    const p = await newPerson(a, "two-ban");
    const ws = await openWs(a, { authorization: `Bearer ${p.token}` });
    const gone = closed(ws, 5000);
    const r = await api(b, "POST", "/api/auth/admin/ban-user", { token: adminB, body: { userId: p.userId } });
    assert.equal(r.status, 200, r.text);
    assert.equal((await gone).code, 4401);
  });

  test("an admin demoted through B loses the channel held by A (4401)", async () => {
    const p = await newPerson(a, "two-demote");
    const set = (role: string) => api(b, "POST", "/api/auth/admin/set-role", { token: adminB, body: { userId: p.userId, role } });
    assert.equal((await set("admin")).status, 200);
    const ws = await subscribed(a, p.token);
    const gone = closed(ws, 5000);
    assert.equal((await set("user")).status, 200);
    const c = await gone;
    assert.equal(c.code, 4401, c.reason);
    assert.match(c.reason, /admin/);
  });

  test("SIGKILL A: its connections leave B's list within the TTL", async (t) => {
    const p = await newPerson(a, "two-kill");
    const ws = await openWs(a, { authorization: `Bearer ${p.token}` });
    const onA = (l: any) => l.connections.filter((x: any) => x.instanceId === instanceA);
    assert.ok(onA(await ask(watchB, { action: "list" })).some((x: any) => x.userId === p.userId), "listed while A lives");
    const t0 = Date.now();
    A.proc.kill("SIGKILL");
    await A.exited;
    ws.terminate();
    let left = -1;
    while (Date.now() - t0 < (TTL_S + 3) * 1000) {
      if (onA(await ask(watchB, { action: "list" })).length === 0) {
        left = Date.now() - t0;
        break;
      }
      await new Promise((ok) => setTimeout(ok, 100));
    }
    assert.notEqual(left, -1, `A's connections still listed ${TTL_S + 3} s after it died`);
    t.diagnostic(`A's connections left B's list ${left} ms after SIGKILL (TTL ${TTL_S} s)`);
    // B goes on: its own channel and bus still work.
    assert.equal((await ask(watchB, { action: "echo", n: 1 })).n, 1);
  });
});

describe("sessions kept only in Redis (secondaryStorage, consoleSecondaryStorage)", { skip: !REDIS_URL && "needs Redis: npm run test:pg" }, () => {
  let tmp = "";
  let S: Server;
  let s = "";
  let admin = "";
  let watch: WebSocket;
  let redis: Redis;
  let prefix = "";

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), "pikku-secondary-"));
    const store = await storeArgs(join(tmp, "s.db"));
    prefix = PG ? store.args[store.args.indexOf("--redis-prefix") + 1] : `t-${randomBytes(6).toString("hex")}`;
    const bus = PG ? [] : ["--redis", REDIS_URL, "--redis-prefix", prefix];
    S = spawnServer([...store.args, ...bus, "--secondary-storage"], store.env);
    s = await S.ready;
    admin = await signIn(s);
    watch = await subscribed(s, admin);
    redis = new Redis(REDIS_URL);
  });
  after(async () => {
    watch?.close();
    await S?.stop();
    redis?.disconnect();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const inRedisOnly = async (p: { token: string; sessionId: string }) => {
    assert.equal(await redis.exists(`${prefix}:ba:${p.token}`), 1, "the session is in Redis");
  };

  test("/sign-out closes the channel (4401) and pushes session.revoked", async () => {
    const p = await newPerson(s, "sec-out");
    await inRedisOnly(p);
    const ws = await openWs(s, { authorization: `Bearer ${p.token}` });
    const gone = closed(ws, 5000);
    const ev = nextMessage(watch, (m) => m.event === "session.revoked" && m.data?.id === p.sessionId);
    const r = await api(s, "POST", "/api/auth/sign-out", { token: p.token });
    assert.equal(r.status, 200, r.text);
    const c = await gone;
    assert.equal(c.code, 4401, c.reason);
    const e = await ev;
    assert.equal(e.data.userId, p.userId);
    assert.ok(!JSON.stringify(e).includes(p.token), "no token in the event");
  });

  test("a session in Redis reaching expiresAt closes its connection (4401, expired)", async () => {
    const tmp2 = mkdtempSync(join(tmpdir(), "pikku-secondary-exp-"));
    const store = await storeArgs(join(tmp2, "e.db"));
    const bus = PG ? [] : ["--redis", REDIS_URL, "--redis-prefix", `t-${randomBytes(6).toString("hex")}`];
    const E = spawnServer([...store.args, ...bus, "--secondary-storage", "--session-expires", "3s"], store.env);
    try {
      const e = await E.ready;
      const token = await signIn(e);
      const ws = await openWs(e, { authorization: `Bearer ${token}` });
      const c = await closed(ws, 10000);
      assert.equal(c.code, 4401, c.reason);
      assert.match(c.reason, /expired/);
    } finally {
      await E.stop();
      rmSync(tmp2, { recursive: true, force: true });
    }
  });

  test("admin revoke-user-session and revoke-user-sessions close the channels (4401)", async () => {
    const p = await newPerson(s, "sec-one");
    const ws = await openWs(s, { authorization: `Bearer ${p.token}` });
    const gone = closed(ws, 5000);
    const r = await api(s, "POST", "/api/auth/admin/revoke-user-session", { token: admin, body: { sessionToken: p.token } });
    assert.equal(r.status, 200, r.text);
    assert.equal((await gone).code, 4401);

    const q = await newPerson(s, "sec-all");
    const second = await signIn(s, q.email, "person-password-1");
    const w1 = await openWs(s, { authorization: `Bearer ${q.token}` });
    const w2 = await openWs(s, { authorization: `Bearer ${second}` });
    const g1 = closed(w1, 5000);
    const g2 = closed(w2, 5000);
    const all = await api(s, "POST", "/api/auth/admin/revoke-user-sessions", { token: admin, body: { userId: q.userId } });
    assert.equal(all.status, 200, all.text);
    assert.equal((await g1).code, 4401);
    assert.equal((await g2).code, 4401);
    // The admin's own channel is untouched.
    assert.equal((await ask(watch, { action: "echo", still: 1 })).still, 1);
  });
});

describe("a row changed behind better-auth's back closes at the next re-check", () => {
  let tmp = "";
  let S: Server;
  let s = "";
  let admin = "";
  let file = "";

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), "pikku-recheck-"));
    file = join(tmp, "r.db");
    const store = await storeArgs(file);
    S = spawnServer([...store.args, "--live-recheck", "1s"], store.env);
    s = await S.ready;
    admin = await signIn(s);
  });
  after(async () => {
    await S?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test("a key row deleted and a session row deleted in the database close their channels (4401)", async () => {
    const svc = await api(s, "POST", "/api/auth/console/service-users/create", { token: admin, body: { name: "svc-behind" } });
    // No expiry: only the periodic re-check can notice this key is gone.
    const minted = await api(s, "POST", "/api/auth/console/api-keys/create", {
      token: admin,
      body: { userId: svc.json.user.id, name: "behind-key", rateLimitEnabled: false },
    });
    assert.equal(minted.status, 201, minted.text);
    assert.equal(minted.json.apiKey.expiresAt, null);
    const machine = await openWs(s, { "x-api-key": minted.json.key });
    const p = await newPerson(s, "behind");
    const person = await openWs(s, { authorization: `Bearer ${p.token}` });
    const mGone = closed(machine, 6000);
    const pGone = closed(person, 6000);
    assert.equal(await sqlExec(file, `DELETE FROM apikey WHERE id = ?`, [minted.json.apiKey.id]), 1);
    assert.equal(await sqlExec(file, `DELETE FROM session WHERE id = ?`, [p.sessionId]), 1);
    const m = await mGone;
    assert.equal(m.code, 4401, m.reason);
    assert.match(m.reason, /revoked/);
    const q = await pGone;
    assert.equal(q.code, 4401, q.reason);
    assert.match(q.reason, /revoked/);
  });
});

describe("the Redis bus reads only well-formed messages", () => {
  const ok = (msg: unknown, from = "other-instance") => JSON.stringify({ v: 1, from, msg });
  test("events, closes and user changes pass; anything else is dropped", () => {
    assert.deepEqual(parseWire(ok({ kind: "event", name: "key.created", data: { id: "k" } }))?.msg, { kind: "event", name: "key.created", data: { id: "k" } });
    assert.equal(parseWire(ok({ kind: "close", target: { keyId: "k", reason: "API key revoked" } }))?.from, "other-instance");
    assert.ok(parseWire(ok({ kind: "user", user: { id: "u", role: "user" } })));
    for (const bad of [
      "not json",
      JSON.stringify(null),
      JSON.stringify({ v: 2, from: "x", msg: { kind: "event", name: "key.created" } }),
      ok({ kind: "event", name: "key.created" }, ""),
      ok({ kind: "event", name: "user.pwned", data: {} }),
      ok({ kind: "close", target: { reason: "no target at all" } }),
      ok({ kind: "close", target: { keyId: 7, reason: "not a string" } }),
      ok({ kind: "close", target: { userId: "u", reason: "x".repeat(200) } }),
      ok({ kind: "close", target: { userId: "u", sessionsOnly: "yes", reason: "r" } }),
      ok({ kind: "user", user: { role: "admin" } }),
      ok({ kind: "event", name: "key.created", data: "x".repeat(300 * 1024) }),
    ])
      assert.equal(parseWire(bad), null, bad.slice(0, 80));
  });
});
