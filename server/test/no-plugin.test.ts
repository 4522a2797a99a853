// The dev server with --no-console-plugin: a better-auth server that never installed ours (admin, bearer, API Key
// and device plugins on). What the console's no-plugin mode relies on: /console/info is 404, no live channel, and
// better-auth's own admin, device and API-key endpoints answer as better-auth-contract.md describes.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { WebSocket } from "ws";
import { ADMIN, call, signIn, signUp, startDevServer, type DevServer } from "./helpers.js";

let s: DevServer;
let token = "";
let adminId = "";

before(async () => {
  s = await startDevServer(["--no-console-plugin"]);
  token = await signIn(s.base, ADMIN.email, ADMIN.password);
  adminId = (await call(s.base, "GET", "/api/auth/get-session", { token })).json.user.id;
});
after(async () => {
  await s?.stop();
});

describe("--no-console-plugin", () => {
  test("/console/info and every /console route are 404; the live channel upgrade is refused", async () => {
    assert.equal((await call(s.base, "GET", "/api/auth/console/info", { token })).status, 404);
    assert.equal((await call(s.base, "GET", "/api/auth/console/sessions", { token })).status, 404);
    assert.equal((await call(s.base, "GET", "/api/auth/console/service-users", { token })).status, 404);
    const status = await new Promise<number>((ok) => {
      const ws = new WebSocket(s.base.replace(/^http/, "ws") + "/api/auth/console/live", { headers: { authorization: `Bearer ${token}` } });
      ws.on("unexpected-response", (_req, res) => ok(res.statusCode ?? 0));
      ws.on("open", () => ok(101));
      ws.on("error", () => {});
    });
    assert.equal(status, 404);
    // better-auth itself still answers.
    assert.equal((await call(s.base, "GET", "/api/auth/ok")).status, 200);
  });

  test("admin: list-users with search, sort, limit and offset", async () => {
    const tag = `np${Date.now()}`;
    for (const n of ["a", "b", "c"]) await signUp(s.base, `${tag}-${n}@example.com`, `${tag}-${n}`);
    const page = await call(s.base, "GET", `/api/auth/admin/list-users?searchValue=${tag}&searchField=email&sortBy=email&sortDirection=desc&limit=2&offset=1`, { token });
    assert.equal(page.status, 200, page.text);
    assert.equal(page.json.total, 3);
    assert.deepEqual(page.json.users.map((u: any) => u.email), [`${tag}-b@example.com`, `${tag}-a@example.com`]);
  });

  test("admin: sessions listed, one revoked by token, all revoked; ban with reason and expiry, unban, set-role", async () => {
    const p = await signUp(s.base, `np-user-${Date.now()}@example.com`, "np-user");
    const second = await signIn(s.base, (await call(s.base, "GET", "/api/auth/get-session", { token: p.token })).json.user.email, "np-user-password-1");
    let list = await call(s.base, "POST", "/api/auth/admin/list-user-sessions", { token, body: { userId: p.id } });
    assert.equal(list.status, 200, list.text);
    assert.equal(list.json.sessions.length, 2);
    const one = list.json.sessions.find((x: any) => x.token === second);
    assert.ok(one, "list-user-sessions hands out the raw token (what revoke-user-session takes)");
    assert.equal((await call(s.base, "POST", "/api/auth/admin/revoke-user-session", { token, body: { sessionToken: one.token } })).status, 200);
    assert.equal((await call(s.base, "GET", "/api/auth/get-session", { token: second })).json, null);
    assert.notEqual((await call(s.base, "GET", "/api/auth/get-session", { token: p.token })).json, null);
    assert.equal((await call(s.base, "POST", "/api/auth/admin/revoke-user-sessions", { token, body: { userId: p.id } })).status, 200);
    list = await call(s.base, "POST", "/api/auth/admin/list-user-sessions", { token, body: { userId: p.id } });
    assert.equal(list.json.sessions.length, 0);

    const ban = await call(s.base, "POST", "/api/auth/admin/ban-user", { token, body: { userId: p.id, banReason: "np test", banExpiresIn: 3600 } });
    assert.equal(ban.status, 200, ban.text);
    assert.equal(ban.json.user.banned, true);
    assert.equal(ban.json.user.banReason, "np test");
    const left = Date.parse(ban.json.user.banExpires) - Date.now();
    assert.ok(left > 3500_000 && left <= 3600_000, `banExpires ${ban.json.user.banExpires}`);
    const unban = await call(s.base, "POST", "/api/auth/admin/unban-user", { token, body: { userId: p.id } });
    assert.equal(unban.json.user.banned, false);
    const role = await call(s.base, "POST", "/api/auth/admin/set-role", { token, body: { userId: p.id, role: ["user", "ops"] } });
    assert.equal(role.status, 200, role.text);
    assert.equal(role.json.user.role, "user,ops");
  });

  test("API Key plugin: the admin's own keys (create, list, update, delete)", async () => {
    const c = await call(s.base, "POST", "/api/auth/api-key/create", { token, body: { name: "np-own" } });
    assert.equal(c.status, 200, c.text);
    assert.equal(c.json.referenceId, adminId);
    const l = await call(s.base, "GET", "/api/auth/api-key/list", { token });
    assert.equal(l.status, 200, l.text);
    assert.ok(l.json.apiKeys.some((k: any) => k.id === c.json.id && !("key" in k)));
    const u = await call(s.base, "POST", "/api/auth/api-key/update", { token, body: { keyId: c.json.id, enabled: false } });
    assert.equal(u.json.enabled, false);
    assert.equal((await call(s.base, "POST", "/api/auth/api-key/delete", { token, body: { keyId: c.json.id } })).json.success, true);
  });

  test("device plugin: claim and approve a code as the admin", async () => {
    const code = await call(s.base, "POST", "/api/auth/device/code", { body: { client_id: "np-test" } });
    assert.equal(code.status, 200, code.text);
    const claim = await call(s.base, "GET", `/api/auth/device?user_code=${code.json.user_code}`, { token });
    assert.equal(claim.json.status, "pending");
    const ok = await call(s.base, "POST", "/api/auth/device/approve", { token, body: { userCode: code.json.user_code } });
    assert.equal(ok.status, 200, ok.text);
  });
});
