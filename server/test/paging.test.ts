// Keyset (cursor) paging, search and sort on the console's lists (console API v1.1, additive), against the
// real dev server and its SQLite file. Rows with equal creation times (ties) are written straight into the
// database, which no endpoint does on demand.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { ADMIN, call, signIn, signUp, startDevServer, type DevServer } from "./helpers.js";

let s: DevServer;
let token = "";
let ownerId = "";
let otherOwnerId = "";

/** Copies of a minted key's row with new ids, names and creation times (`at` ms); the same format as the row. */
function insertKeys(db: Database.Database, templateId: string, rows: { id: string; name: string; at: number; prefix?: string; owner?: string }[]) {
  const row = db.prepare("SELECT * FROM apikey WHERE id = ?").get(templateId) as Record<string, unknown>;
  const cols = Object.keys(row);
  const insert = db.prepare(`INSERT INTO apikey (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map(() => "?").join(",")})`);
  const asStored = (ms: number) => (typeof row.createdAt === "number" ? ms : new Date(ms).toISOString());
  db.transaction(() => {
    for (const r of rows) {
      const copy: Record<string, unknown> = { ...row, id: r.id, name: r.name, key: `hash-${r.id}`, createdAt: asStored(r.at), updatedAt: asStored(r.at) };
      if (r.prefix !== undefined) copy.prefix = r.prefix;
      if (r.owner !== undefined) copy.referenceId = r.owner;
      insert.run(cols.map((c) => copy[c] as never));
    }
  })();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON replies
async function walk(path: string, list: string, limit: number): Promise<{ ids: string[]; pages: number; totals: any[] }> {
  const ids: string[] = [];
  const totals: unknown[] = [];
  let cursor = "";
  let pages = 0;
  for (;;) {
    const sep = path.includes("?") ? "&" : "?";
    const r = await call(s.base, "GET", `${path}${sep}limit=${limit}&cursor=${encodeURIComponent(cursor)}`, { token });
    assert.equal(r.status, 200, r.text);
    pages++;
    assert.ok(r.json[list].length <= limit);
    ids.push(...r.json[list].map((x: { id: string }) => x.id));
    totals.push([r.json.total, r.json.totalExact]);
    if (r.json.nextCursor === null) break;
    assert.equal(typeof r.json.nextCursor, "string");
    cursor = r.json.nextCursor;
    assert.ok(pages < 100, "paging does not end");
  }
  return { ids, pages, totals };
}

before(async () => {
  s = await startDevServer();
  token = await signIn(s.base, ADMIN.email, ADMIN.password);
  const mk = async (name: string) => {
    const r = await call(s.base, "POST", "/api/auth/console/service-users/create", { token, body: { name, email: `${name}@service.test` } });
    assert.equal(r.status, 201, r.text);
    return r.json.user.id as string;
  };
  ownerId = await mk("svc-paging");
  otherOwnerId = await mk("svc-other");
  const minted = await call(s.base, "POST", "/api/auth/console/api-keys/create", {
    token,
    body: { userId: ownerId, name: "template", expiresIn: 7 * 86400, rateLimitEnabled: false, prefix: "tpl_" },
  });
  assert.equal(minted.status, 201, minted.text);
  const db = new Database(s.db);
  // 60 more keys in groups of 4 with the same creation time (ties), and 3 for another owner in between.
  const t0 = Date.parse("2026-01-01T00:00:00.000Z");
  const rows: { id: string; name: string; at: number; prefix?: string; owner?: string }[] = [];
  for (let i = 0; i < 60; i++) rows.push({ id: `k${String(59 - i).padStart(3, "0")}x${(i * 7919) % 97}`, name: `bulk-${i}`, at: t0 + Math.floor(i / 4) * 1000, prefix: i % 10 === 0 ? "ten_" : "blk_" });
  rows.push({ id: "zz-other-1", name: "other-1", at: t0 + 2000, owner: otherOwnerId }, { id: "zz-other-2", name: "other-2", at: t0 + 2000, owner: otherOwnerId });
  insertKeys(db, minted.json.apiKey.id, rows);
  db.close();
});

after(async () => {
  await s?.stop();
});

describe("console API v1.1: keyset paging", () => {
  test("/console/info announces cursor, search and sort", async () => {
    const r = await call(s.base, "GET", "/api/auth/console/info", { token });
    for (const f of ["cursor", "search", "sort"]) assert.ok(r.json.features.includes(f), f);
    assert.equal(r.json.paging.cursor, true);
    assert.equal(r.json.paging.total, "lower-bound");
    assert.deepEqual(r.json.paging.count, ["exact"]);
    assert.ok(r.json.features.includes("count.exact"));
    assert.ok(r.json.features.includes("live.bus"));
    assert.deepEqual(r.json.live, { bus: "memory" });
    assert.deepEqual(r.json.paging.sortFields.apiKeys, ["createdAt", "expiresAt"]);
  });

  test("the plugin's schema adds its indexes through better-auth's migration", () => {
    const db = new Database(s.db, { readonly: true });
    const names = (t: string) => (db.prepare(`SELECT name FROM pragma_index_list(?)`).all(t) as { name: string }[]).map((r) => r.name);
    assert.ok(names("apikey").includes("pikku_apikey_owner_created"), names("apikey").join());
    assert.ok(names("session").includes("pikku_session_user_created"));
    assert.ok(names("user").includes("pikku_user_created"));
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM apikey WHERE referenceId = ? AND createdAt < ? ORDER BY createdAt DESC LIMIT 51`).all("x", "y") as { detail: string }[];
    assert.match(plan.map((p) => p.detail).join(" | "), /pikku_apikey_owner_created/);
    assert.doesNotMatch(plan.map((p) => p.detail).join(" | "), /TEMP B-TREE/);
    db.close();
  });

  for (const dir of ["desc", "asc"] as const) {
    test(`a cursor walk (${dir}) returns every key once, in (createdAt, id) order, ties included; count=exact: totals exact then carried`, async () => {
      const db = new Database(s.db, { readonly: true });
      const expected = (db.prepare(`SELECT id FROM apikey WHERE referenceId = ? ORDER BY createdAt ${dir}, id ${dir}`).all(ownerId) as { id: string }[]).map((r) => r.id);
      db.close();
      assert.equal(expected.length, 61);
      for (const limit of [1, 3, 4, 7, 61, 1000]) {
        const w = await walk(`/api/auth/console/api-keys?userId=${ownerId}&sortDirection=${dir}&count=exact`, "apiKeys", limit);
        assert.deepEqual(w.ids, expected, `limit ${limit}`);
        assert.equal(w.pages, Math.ceil(61 / limit));
        assert.deepEqual(w.totals[0], [61, true]);
        for (const t of w.totals.slice(1)) assert.deepEqual(t, [61, false]);
      }
    });
  }

  test("cursor mode without count=exact counts nothing: total is the rows through this page, exact on the last", async () => {
    for (const limit of [7, 61, 100]) {
      const w = await walk(`/api/auth/console/api-keys?userId=${ownerId}`, "apiKeys", limit);
      assert.equal(w.ids.length, 61);
      const expected = Array.from({ length: w.pages }, (_, i) => [Math.min(61, (i + 1) * limit), i === w.pages - 1]);
      assert.deepEqual(w.totals, expected, `limit ${limit}`);
    }
    const bad = await call(s.base, "GET", `/api/auth/console/api-keys?userId=${ownerId}&cursor=&count=estimate`, { token });
    assert.equal(bad.status, 400, bad.text);
    assert.match(bad.json.message, /count/);
  });

  test("offset paging (v1) is unchanged: total, no cursor fields, the same first page", async () => {
    const off = await call(s.base, "GET", `/api/auth/console/api-keys?userId=${ownerId}&limit=5&offset=0`, { token });
    assert.equal(off.status, 200);
    assert.equal(off.json.total, 61);
    assert.ok(!("nextCursor" in off.json) && !("totalExact" in off.json));
    const all = await call(s.base, "GET", `/api/auth/console/api-keys?userId=${ownerId}&limit=1000&offset=0`, { token });
    assert.equal(all.json.apiKeys.length, 61);
    const tail = await call(s.base, "GET", `/api/auth/console/api-keys?userId=${ownerId}&limit=50&offset=60`, { token });
    assert.equal(tail.json.apiKeys.length, 1);
  });

  test("all service users' keys (no userId) page by cursor too", async () => {
    const w = await walk(`/api/auth/console/api-keys`, "apiKeys", 9);
    assert.ok(w.ids.includes("zz-other-1") && w.ids.includes("zz-other-2"));
    assert.equal(new Set(w.ids).size, w.ids.length);
    assert.deepEqual(w.totals[w.totals.length - 1], [w.ids.length, true]);
  });

  test("search: keys by name, prefix and owner; sort by expiresAt", async () => {
    const byName = await call(s.base, "GET", `/api/auth/console/api-keys?userId=${ownerId}&search=BULK-5&cursor=&limit=100`, { token });
    assert.deepEqual(byName.json.apiKeys.map((k: { name: string }) => k.name).sort(), ["bulk-5", "bulk-50", "bulk-51", "bulk-52", "bulk-53", "bulk-54", "bulk-55", "bulk-56", "bulk-57", "bulk-58", "bulk-59"]);
    assert.equal(byName.json.total, 11);
    const byPrefix = await call(s.base, "GET", `/api/auth/console/api-keys?userId=${ownerId}&search=ten_&limit=100`, { token });
    assert.equal(byPrefix.json.total, 6);
    assert.ok(byPrefix.json.apiKeys.every((k: { prefix: string }) => k.prefix === "ten_"));
    const byOwner = await call(s.base, "GET", `/api/auth/console/api-keys?userId=${otherOwnerId}&cursor=`, { token });
    assert.deepEqual(byOwner.json.apiKeys.map((k: { id: string }) => k.id).sort(), ["zz-other-1", "zz-other-2"]);
    const none = await call(s.base, "GET", `/api/auth/console/api-keys?userId=${ownerId}&search=${encodeURIComponent("%")}&cursor=`, { token });
    assert.equal(none.status, 200);
    const sorted = await walk(`/api/auth/console/api-keys?userId=${ownerId}&sortBy=expiresAt&sortDirection=asc`, "apiKeys", 8);
    assert.equal(sorted.ids.length, 61);
    assert.equal(new Set(sorted.ids).size, 61);
  });

  test("a cursor is checked: garbage, another sort or another query is 400 VALIDATION_ERROR naming cursor", async () => {
    const first = await call(s.base, "GET", `/api/auth/console/api-keys?userId=${ownerId}&cursor=&limit=2`, { token });
    const c = encodeURIComponent(first.json.nextCursor);
    const bad = [
      `/api/auth/console/api-keys?userId=${ownerId}&cursor=not!a*cursor`,
      `/api/auth/console/api-keys?userId=${ownerId}&cursor=${Buffer.from('{"s":"createdAt:desc"}').toString("base64url")}`,
      `/api/auth/console/api-keys?userId=${ownerId}&cursor=${c}&sortDirection=asc`,
      `/api/auth/console/api-keys?userId=${otherOwnerId}&cursor=${c}`,
      `/api/auth/console/api-keys?userId=${ownerId}&cursor=${c}&search=bulk`,
      `/api/auth/console/api-keys?userId=${ownerId}&cursor=${"A".repeat(2000)}`,
    ];
    for (const path of bad) {
      const r = await call(s.base, "GET", path, { token });
      assert.equal(r.status, 400, `${path}: ${r.text}`);
      assert.equal(r.json.code, "VALIDATION_ERROR");
      assert.match(r.json.message, /cursor/);
    }
  });
});

describe("console API v1.1: service users and sessions", () => {
  test("service users: search by name and email, sort by name, cursor walk", async () => {
    for (let i = 0; i < 11; i++) {
      const r = await call(s.base, "POST", "/api/auth/console/service-users/create", { token, body: { name: `svc-walk-${String(i).padStart(2, "0")}`, email: `walk${i}@service.test` } });
      assert.equal(r.status, 201);
    }
    const w = await walk(`/api/auth/console/service-users?search=svc-walk&sortBy=name&sortDirection=asc`, "users", 4);
    assert.equal(w.ids.length, 11);
    const names = await call(s.base, "GET", `/api/auth/console/service-users?search=svc-walk&sortBy=name&sortDirection=asc&limit=100`, { token });
    assert.deepEqual(names.json.users.map((u: { name: string }) => u.name), Array.from({ length: 11 }, (_, i) => `svc-walk-${String(i).padStart(2, "0")}`));
    const byEmail = await call(s.base, "GET", `/api/auth/console/service-users?search=WALK7@&cursor=`, { token });
    assert.deepEqual(byEmail.json.users.map((u: { email: string }) => u.email), ["walk7@service.test"]);
    const all = await call(s.base, "GET", `/api/auth/console/service-users?limit=1000`, { token });
    assert.equal(all.json.total, 13);
    assert.ok(all.json.users.every((u: { role: string }) => u.role === "service"));
  });

  test("sessions: search by the user's name or email, cursor walk, userId filter", async () => {
    const bob = await signUp(s.base, "bob.sessions@example.com", "bob");
    for (let i = 0; i < 4; i++) await signIn(s.base, "bob.sessions@example.com", "bob-password-1");
    const w = await walk(`/api/auth/console/sessions?search=bob.sessions`, "sessions", 2);
    assert.equal(w.ids.length, 5);
    assert.equal(new Set(w.ids).size, 5);
    const byName = await call(s.base, "GET", `/api/auth/console/sessions?search=BOB&cursor=&limit=100`, { token });
    assert.equal(byName.json.total, 5);
    assert.ok(byName.json.sessions.every((x: { userId: string }) => x.userId === bob.id));
    const byId = await call(s.base, "GET", `/api/auth/console/sessions?userId=${bob.id}&sortBy=expiresAt&cursor=&limit=100`, { token });
    assert.equal(byId.json.sessions.length, 5);
    const nobody = await call(s.base, "GET", `/api/auth/console/sessions?search=no-such-person&cursor=`, { token });
    assert.deepEqual([nobody.json.sessions, nobody.json.total, nobody.json.nextCursor], [[], 0, null]);
  });
});

describe("console API v1.1: bounds", () => {
  test("all service users' keys: above 30,000 service users a userId is required (400), one owner still lists", async () => {
    const db = new Database(s.db);
    const row = db.prepare(`SELECT * FROM "user" WHERE id = ?`).get(otherOwnerId) as Record<string, unknown>;
    const cols = Object.keys(row);
    const insert = db.prepare(`INSERT INTO "user" (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map(() => "?").join(",")})`);
    db.transaction(() => {
      for (let i = 0; i < 30000; i++) insert.run(cols.map((c) => (c === "id" ? `many${i}` : c === "email" ? `many${i}@service.test` : row[c]) as never));
    })();
    db.close();
    const all = await call(s.base, "GET", "/api/auth/console/api-keys?cursor=", { token });
    assert.equal(all.status, 400, all.text);
    assert.equal(all.json.code, "VALIDATION_ERROR");
    assert.match(all.json.message, /userId/);
    const one = await call(s.base, "GET", `/api/auth/console/api-keys?userId=${otherOwnerId}&cursor=`, { token });
    assert.equal(one.status, 200);
    assert.equal(one.json.total, 2);
  });
});
