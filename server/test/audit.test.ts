// The audit trail (console API v1.1, "Audit trail"), against the real dev server and its SQLite file: console
// actions and better-auth's own admin, API key and sign-out endpoints each leave one row saying who, with
// which credential (never a secret), what, on which target and how it ended; GET /console/audit filters and
// pages them; subscribers hear each new row as an `audit` event.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { ADMIN, call, signIn, startDevServer, type DevServer } from "./helpers.js";
import { newPerson, nextMessage, subscribed } from "./harness.js";

let s: DevServer;
let token = "";
let adminId = "";
let adminSessionId = "";

interface Entry {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  credential: { kind: string; id: string | null };
  action: string;
  target: string | null;
  outcome: string;
  status: number;
  errorCode: string | null;
  userAgent: string | null;
}

async function audit(query: string): Promise<{ entries: Entry[]; total: number; totalExact: boolean; nextCursor: string | null }> {
  const r = await call(s.base, "GET", `/api/auth/console/audit${query}`, { token });
  assert.equal(r.status, 200, r.text);
  return r.json;
}

before(async () => {
  s = await startDevServer();
  token = await signIn(s.base, ADMIN.email, ADMIN.password);
  const me = await call(s.base, "GET", "/api/auth/get-session", { token });
  adminId = me.json.user.id;
  adminSessionId = me.json.session.id;
});

after(async () => {
  await s?.stop();
});

describe("audit trail", () => {
  test("/console/info announces it; the table has its time index", async () => {
    const info = await call(s.base, "GET", "/api/auth/console/info", { token });
    assert.ok(info.json.features.includes("audit"));
    const db = new Database(s.db, { readonly: true });
    const names = (db.prepare(`SELECT name FROM pragma_index_list('consoleAudit')`).all() as { name: string }[]).map((r) => r.name);
    db.close();
    assert.ok(names.includes("pikku_audit_at"), names.join());
  });

  test("console actions: who, which session, what, which target, outcome; never a secret", async () => {
    const since = new Date().toISOString();
    const svc = await call(s.base, "POST", "/api/auth/console/service-users/create", { token, body: { name: "svc-audit" } });
    assert.equal(svc.status, 201);
    const minted = await call(s.base, "POST", "/api/auth/console/api-keys/create", { token, body: { userId: svc.json.user.id, name: "audited", rateLimitEnabled: false } });
    assert.equal(minted.status, 201, minted.text);
    const refused = await call(s.base, "POST", "/api/auth/console/api-keys/delete", { token, body: { keyId: "no-such-key" } });
    assert.equal(refused.status, 404);

    const page = await audit(`?since=${encodeURIComponent(since)}&actor=${adminId}`);
    const byAction = new Map(page.entries.map((e) => [e.action, e]));
    const created = byAction.get("/console/service-users/create")!;
    assert.deepEqual([created.actorId, created.actorEmail, created.credential, created.target, created.outcome],
      [adminId, ADMIN.email, { kind: "session", id: adminSessionId }, svc.json.user.id, "success"]);
    const mint = byAction.get("/console/api-keys/create")!;
    assert.equal(mint.target, minted.json.apiKey.id);
    const del = byAction.get("/console/api-keys/delete")!;
    assert.deepEqual([del.outcome, del.status, del.errorCode, del.target], ["failure", 404, "NOT_FOUND", "no-such-key"]);
    // The console's own call to the API Key plugin is not a second entry.
    assert.ok(!page.entries.some((e) => e.action === "/api-key/create"), JSON.stringify(page.entries.map((e) => e.action)));
    assert.ok(page.entries.every((e) => e.userAgent !== undefined));

    const text = JSON.stringify(page) + JSON.stringify(new Database(s.db, { readonly: true }).prepare(`SELECT * FROM consoleAudit`).all());
    assert.ok(!text.includes(minted.json.key), "the new key's plaintext is not in the trail");
    assert.ok(!text.includes(token), "the admin's session token is not in the trail");
  });

  test("better-auth's admin endpoints and a person's sign-out are recorded, with the ended session as credential", async () => {
    const p = await newPerson(s.base, "audit-person");
    const ban = await call(s.base, "POST", "/api/auth/admin/ban-user", { token, body: { userId: p.userId, banReason: "test" } });
    assert.equal(ban.status, 200, ban.text);
    const banned = await audit(`?action=${encodeURIComponent("/admin/ban-user")}&target=${p.userId}`);
    assert.equal(banned.entries.length, 1);
    assert.deepEqual([banned.entries[0].actorId, banned.entries[0].outcome], [adminId, "success"]);

    const q = await newPerson(s.base, "audit-signout");
    const out = await call(s.base, "POST", "/api/auth/sign-out", { token: q.token, body: {} });
    assert.equal(out.status, 200, out.text);
    const signOut = await audit(`?actor=${encodeURIComponent(q.email.toUpperCase())}&action=${encodeURIComponent("/sign-out")}`);
    assert.equal(signOut.entries.length, 1, JSON.stringify(signOut));
    assert.deepEqual(signOut.entries[0].credential, { kind: "session", id: q.sessionId });

    const missing = await call(s.base, "POST", "/api/auth/admin/set-role", { token, body: { userId: "nobody-here", role: "admin" } });
    assert.notEqual(missing.status, 200);
    const failed = await audit(`?target=nobody-here`);
    assert.deepEqual([failed.entries[0]?.action, failed.entries[0]?.outcome], ["/admin/set-role", "failure"]);
  });

  test("filters: action prefix, since/until; a cursor walk returns every entry once, newest first", async () => {
    const admins = await audit(`?action=${encodeURIComponent("/admin/*")}&limit=1000`);
    assert.ok(admins.entries.length >= 2);
    assert.ok(admins.entries.every((e) => e.action.startsWith("/admin/")));
    const future = await audit(`?since=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`);
    assert.deepEqual([future.entries.length, future.total, future.nextCursor], [0, 0, null]);
    const old = await audit(`?until=2000-01-01T00:00:00Z`);
    assert.equal(old.entries.length, 0);

    const all = await audit(`?limit=1000`);
    const ids: string[] = [];
    let cursor = "";
    for (let i = 0; i < 100; i++) {
      const p = await audit(`?limit=2&cursor=${encodeURIComponent(cursor)}`);
      ids.push(...p.entries.map((e) => e.id));
      if (p.nextCursor === null) break;
      cursor = p.nextCursor;
    }
    assert.deepEqual(ids, all.entries.map((e) => e.id));
    assert.ok(!all.entries.some((e) => e.action === "/console/audit" || e.action === "/console/info"), "reads are not actions");
    const times = all.entries.map((e) => Date.parse(e.at));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
  });

  test("bounded queries: bad times, limits and cursors are 400", async () => {
    for (const q of ["?since=yesterday", "?limit=1001", "?limit=0", "?cursor=not-a-cursor!", `?actor=${"x".repeat(300)}`]) {
      const r = await call(s.base, "GET", `/api/auth/console/audit${q}`, { token });
      assert.equal(r.status, 400, `${q}: ${r.text}`);
      assert.equal(r.json.code, "VALIDATION_ERROR");
    }
    const p = await newPerson(s.base, "audit-nonadmin");
    assert.equal((await call(s.base, "GET", "/api/auth/console/audit", { token: p.token })).status, 403);
  });

  test("subscribers hear each new entry as an `audit` event", async () => {
    const ws = await subscribed(s.base, token);
    try {
      const heard = nextMessage(ws, (m) => m.topic === "sessions" && m.event === "audit" && m.data?.action === "/console/service-users/create");
      const svc = await call(s.base, "POST", "/api/auth/console/service-users/create", { token, body: { name: "svc-live-audit" } });
      const m = await heard;
      assert.equal(m.data.target, svc.json.user.id);
      assert.equal(m.data.actorId, adminId);
    } finally {
      ws.close();
    }
  });
});
