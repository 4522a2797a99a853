// better-auth conventions of the console plugin, against the real dev server (real better-auth + SQLite):
// the admin check honours the admin plugin's adminUserIds and adminRoles, errors come from one table,
// and the typed client plugin consoleClient() works through better-auth's own client.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { createAuthClient } from "better-auth/client";
import { CONSOLE_$ERROR_CODES, CONSOLE_ERROR_CODES } from "@pikku-admin/better-auth-console";
import { consoleClient, CONSOLE_CLIENT_ERROR_CODES } from "@pikku-admin/better-auth-console/client";
import { ADMIN, call, signIn, signUp, startDevServer, type DevServer } from "./helpers.js";
import { ask, openWs } from "./harness.js";

const servers: DevServer[] = [];
after(async () => {
  for (const s of servers) await s.stop();
});

describe("console API: admin by the admin plugin's rules", () => {
  test("a user in adminUserIds without the admin role, and a user with a custom adminRoles role, can use the console", async () => {
    // First with admin()'s defaults: neither user is an admin.
    const plain = await startDevServer();
    servers.push(plain);
    const listed = await signUp(plain.base, "listed@example.com", "listed");
    const ops = await signUp(plain.base, "ops@example.com", "ops");
    const other = await signUp(plain.base, "other@example.com", "other");
    const db = new Database(plain.db);
    db.prepare(`UPDATE "user" SET role = 'ops' WHERE id = ?`).run(ops.id);
    db.close();
    for (const u of [listed, ops, other]) {
      const r = await call(plain.base, "GET", "/api/auth/console/info", { token: u.token });
      assert.equal(r.status, 403, r.text);
      assert.equal(r.json.code, "FORBIDDEN");
    }
    await plain.stop();

    // The same database with admin({ adminUserIds: [listed], adminRoles: ["admin", "ops"] }).
    const configured = await startDevServer(["--admin-roles", "admin,ops", "--admin-user-ids", listed.id], plain.db);
    servers.push(configured);
    const b = configured.base;
    for (const [who, email] of [["listed", "listed@example.com"], ["ops", "ops@example.com"]] as const) {
      const token = await signIn(b, email, `${who}-password-1`);
      const info = await call(b, "GET", "/api/auth/console/info", { token });
      assert.equal(info.status, 200, `${who}: ${info.text}`);
      const created = await call(b, "POST", "/api/auth/console/service-users/create", { token, body: { name: `svc-by-${who}` } });
      assert.equal(created.status, 201, `${who}: ${created.text}`);
      const keys = await call(b, "GET", "/api/auth/console/api-keys", { token });
      assert.equal(keys.status, 200, `${who}: ${keys.text}`);
      // The live channel's privileged frames follow the same rule as the HTTP endpoints.
      const ws = await openWs(b, { authorization: `Bearer ${token}` });
      assert.ok(Array.isArray((await ask(ws, { action: "list" })).connections), `${who}: live list`);
      assert.equal((await ask(ws, { action: "subscribe", topic: "sessions" })).code, undefined, `${who}: live subscribe`);
      ws.close();
    }
    const otherToken = await signIn(b, "other@example.com", "other-password-1");
    assert.equal((await call(b, "GET", "/api/auth/console/info", { token: otherToken })).status, 403);
    // The default admin keeps working (its role "admin" is still in adminRoles).
    const adminToken = await signIn(b, ADMIN.email, ADMIN.password);
    assert.equal((await call(b, "GET", "/api/auth/console/info", { token: adminToken })).status, 200);
    // Keys are never minted for an admin by adminUserIds, even one given the service role.
    const dbw = new Database(configured.db);
    dbw.prepare(`UPDATE "user" SET role = 'service' WHERE id = ?`).run(listed.id);
    dbw.close();
    const mint = await call(b, "POST", "/api/auth/console/api-keys/create", { token: adminToken, body: { userId: listed.id, name: "nope" } });
    assert.equal(mint.status, 403, mint.text);
    assert.equal(mint.json.code, "OWNER_NOT_SERVICE_USER");
    await configured.stop();
  });
});

describe("console API: zod validation keeps the contract's error shape", () => {
  test("bodies and queries are validated: 400 VALIDATION_ERROR naming the field; unknown fields are ignored", async () => {
    const s = await startDevServer();
    servers.push(s);
    const token = await signIn(s.base, ADMIN.email, ADMIN.password);
    const cases: [string, string, unknown, RegExp][] = [
      ["GET", "/api/auth/console/api-keys?limit=0", undefined, /limit/],
      ["GET", "/api/auth/console/api-keys?limit=abc", undefined, /limit/],
      ["GET", "/api/auth/console/sessions?offset=-1", undefined, /offset/],
      ["GET", "/api/auth/console/api-keys?sortBy=hash", undefined, /sortBy/],
      ["POST", "/api/auth/console/service-users/create", { email: "x@example.com" }, /name/],
      ["POST", "/api/auth/console/service-users/create", { name: "x", email: "not-an-email" }, /email/],
      ["POST", "/api/auth/console/api-keys/create", { name: "k" }, /userId/],
      ["POST", "/api/auth/console/api-keys/create", { userId: "u", name: "k", expiresIn: 1.5 }, /expiresIn/],
      ["POST", "/api/auth/console/api-keys/create", { userId: "u", name: "k", permissions: { "bad resource": ["x"] } }, /permissions/],
      ["POST", "/api/auth/console/api-keys/update", { keyId: "k", enabled: "yes" }, /enabled/],
      ["POST", "/api/auth/console/api-keys/rotate", { keyId: "k" }, /overlapSeconds/],
      ["POST", "/api/auth/console/sessions/revoke", [], /body/],
    ];
    for (const [method, path, body, field] of cases) {
      const r = await call(s.base, method, path, { token, body });
      assert.equal(r.status, 400, `${method} ${path} ${JSON.stringify(body)}: ${r.text}`);
      assert.equal(r.json.code, "VALIDATION_ERROR");
      assert.match(r.json.message, field);
    }
    const created = await call(s.base, "POST", "/api/auth/console/service-users/create", { token, body: { name: "svc-extra", surprise: true } });
    assert.equal(created.status, 201, created.text);
    // Unauthenticated requests are refused before validation reads anything.
    assert.equal((await call(s.base, "POST", "/api/auth/console/api-keys/create", { body: { name: "k" } })).status, 401);
    await s.stop();
  });
});

describe("consoleClient(): the typed client plugin through better-auth's client", () => {
  test("info, create, list and errors with codes, against the dev server", async () => {
    const s = await startDevServer();
    servers.push(s);
    const token = await signIn(s.base, ADMIN.email, ADMIN.password);
    const client = createAuthClient({
      baseURL: `${s.base}/api/auth`,
      plugins: [consoleClient()],
      fetchOptions: { auth: { type: "Bearer", token }, headers: { origin: s.base } },
    });
    const info = await client.console.info();
    assert.equal(info.error, null);
    assert.equal(info.data?.apiVersion, 1);
    assert.ok(info.data?.features.includes("cursor"));

    const created = await client.console.serviceUsers.create({ name: "svc-client" });
    assert.equal(created.error, null);
    const userId = created.data!.user.id;
    const minted = await client.console.apiKeys.create({ userId, name: "from-client", expiresIn: 86400 * 2, rateLimitEnabled: false });
    assert.equal(minted.error, null, JSON.stringify(minted.error));
    assert.match(minted.data!.key, /^[A-Za-z]{20,}/);

    const page = await client.console.apiKeys({ query: { userId, cursor: "", limit: 10 } });
    assert.equal(page.error, null);
    assert.deepEqual(page.data!.apiKeys.map((k) => k.name), ["from-client"]);
    assert.equal(page.data!.total, 1);

    const missing = await client.console.apiKeys.delete({ keyId: "no-such-key" });
    assert.equal(missing.error?.status, 404);
    assert.equal(missing.error?.code, CONSOLE_CLIENT_ERROR_CODES.NOT_FOUND.code);

    const anonymous = createAuthClient({ baseURL: `${s.base}/api/auth`, plugins: [consoleClient()], fetchOptions: { headers: { origin: s.base } } });
    const refused = await anonymous.console.info();
    assert.equal(refused.error?.status, 401);
    assert.equal(refused.error?.code, "UNAUTHORIZED");
    await s.stop();
  });

  test("the client's $ERROR_CODES are the server's table", () => {
    assert.deepEqual(CONSOLE_CLIENT_ERROR_CODES, CONSOLE_$ERROR_CODES);
    assert.deepEqual(Object.keys(CONSOLE_$ERROR_CODES), Object.keys(CONSOLE_ERROR_CODES));
  });
});

describe("OpenAPI metadata", () => {
  test("better-auth's openAPI() plugin documents every console endpoint, with the zod query and body schemas", async () => {
    const s = await startDevServer(["--openapi"]);
    servers.push(s);
    const r = await call(s.base, "GET", "/api/auth/open-api/generate-schema");
    assert.equal(r.status, 200, r.text.slice(0, 300));
    const paths = r.json.paths as Record<string, Record<string, { operationId?: string; parameters?: { name: string }[]; requestBody?: unknown; responses?: Record<string, unknown> }>>;
    const ops: [string, string, string][] = [
      ["/console/info", "get", "consoleInfo"],
      ["/console/service-users", "get", "consoleListServiceUsers"],
      ["/console/service-users/create", "post", "consoleCreateServiceUser"],
      ["/console/api-keys", "get", "consoleListApiKeys"],
      ["/console/api-keys/create", "post", "consoleCreateApiKey"],
      ["/console/api-keys/update", "post", "consoleUpdateApiKey"],
      ["/console/api-keys/delete", "post", "consoleDeleteApiKey"],
      ["/console/api-keys/rotate", "post", "consoleRotateApiKey"],
      ["/console/device-codes", "get", "consoleDeviceCodes"],
      ["/console/sessions", "get", "consoleListSessions"],
      ["/console/sessions/revoke", "post", "consoleRevokeSession"],
    ];
    for (const [path, method, operationId] of ops) {
      const op = paths[path]?.[method];
      assert.ok(op, `${method} ${path} documented`);
      assert.equal(op.operationId, operationId);
      if (method === "post") assert.ok(op.requestBody, `${path} has a request body schema`);
    }
    const listParams = (paths["/console/api-keys"].get.parameters ?? []).map((p) => p.name).sort();
    for (const q of ["cursor", "limit", "offset", "search", "sortBy", "sortDirection", "userId"]) assert.ok(listParams.includes(q), `query ${q}: ${listParams}`);
    assert.match(JSON.stringify(paths["/console/api-keys"].get.responses), /nextCursor/);
    assert.match(JSON.stringify(paths["/console/api-keys/create"].post.requestBody), /permissions/);
    await s.stop();
  });
});
