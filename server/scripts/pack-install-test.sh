#!/usr/bin/env bash
# Installs the console plugin the way a user does: `npm pack` it, then `npm install` the tarball into a fresh
# better-auth app in a temporary directory (its own package.json; no workspace, no file: link to the source
# tree), start that app, and run a smoke test against it over HTTP and WebSocket: /console/info, sign-in
# through better-auth's API, create a service user, mint a key, list keys (offset and cursor), the live
# channel's whoami, and consoleClient() from the installed package.
#
# Offline-friendly: `npm install --prefer-offline` takes what the npm cache has. The app uses better-auth's
# memory adapter: better-sqlite3 has no prebuilt binary here and compiles from source (~3 min), and the
# plugin on SQLite is what the node suite and the C++ integration tests run against. About 10 s warm.
#
#   --console-tests BUILD_DIR   then also run the console's own (C++) CLI integration tests against the
#                               installed tarball: the bundled dev server's compiled script in a second fresh
#                               app whose @pikku-admin/better-auth-console is the tarball (PIKKU_DEV_SERVER_SCRIPT,
#                               tests/support/DevServer); its better-sqlite3 is copied from server/node_modules
#                               (the same version, already compiled) rather than compiled again.
set -euo pipefail
console_build=""
if [ "${1:-}" = "--console-tests" ]; then console_build="$(cd "${2:?--console-tests takes the build directory}" && pwd)"; fi
server="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/pikku-pack-XXXXXX")"
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
start=$(date +%s)

echo "== pack-install: npm pack"
tarball="$(cd "$server/console-plugin" && npm pack --silent --pack-destination "$work" | tail -n 1)"
tar -tzf "$work/$tarball" > "$work/contents"
for f in package/package.json package/LICENSE package/README.md package/dist/index.js package/dist/index.d.ts package/dist/client.js; do
  grep -qx "$f" "$work/contents" || { echo "pack-install: $f missing from $tarball" >&2; exit 1; }
done
if grep -E '^package/(src|test)/' "$work/contents"; then echo "pack-install: sources in the tarball" >&2; exit 1; fi

echo "== pack-install: fresh app, npm install $tarball"
mkdir "$work/app"
cd "$work/app"
cat > package.json <<EOF
{
  "name": "pack-install-app",
  "version": "1.0.0",
  "private": true,
  "type": "module",
  "dependencies": {
    "@pikku-admin/better-auth-console": "file:../$tarball",
    "@better-auth/api-key": "1.7.5",
    "better-auth": "1.7.25"
  }
}
EOF
# @better-auth/api-key 1.7.5 pins better-call/utils peers that better-auth 1.7.25 does not ship
# (better-auth-contract.md, install): the same flag a user needs.
echo "legacy-peer-deps=true" > .npmrc
npm install --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null
pkg="node_modules/@pikku-admin/better-auth-console"
if [ -L "$pkg" ] || [ ! -f "$pkg/dist/index.js" ]; then echo "pack-install: $pkg is not an installed copy" >&2; exit 1; fi

cat > app.mjs <<'EOF'
// A user's better-auth app with the console plugin, its live channel next to the app's own WebSocket route.
import { createServer } from "node:http";
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { admin, bearer } from "better-auth/plugins";
import { toNodeHandler } from "better-auth/node";
import { apiKey } from "@better-auth/api-key";
import { consolePlugin, createLiveChannel } from "@pikku-admin/better-auth-console";

const http = createServer();
await new Promise((ok) => http.listen(0, "127.0.0.1", ok));
const baseURL = `http://127.0.0.1:${http.address().port}`;
const db = { user: [], session: [], account: [], verification: [], apikey: [] };
let auth;
auth = betterAuth({
  baseURL,
  secret: "pack-install-test-secret-0123456789abcdef",
  database: memoryAdapter(db),
  telemetry: { enabled: false },
  emailAndPassword: { enabled: true },
  plugins: [
    bearer(),
    admin(),
    consolePlugin({ api: () => auth.api, channels: (origin, path) => [{ name: "live", url: `${origin.replace(/^http/, "ws")}${path}/console/live`, description: "live" }] }),
    apiKey({ enableSessionForAPIKeys: true }),
  ],
});
await auth.api.createUser({ body: { email: "admin@example.com", password: "admin-password-123", name: "Admin", role: "admin" } });
const handler = toNodeHandler(auth);
const live = createLiveChannel(auth, { path: "/api/auth/console/live" });
http.on("request", (req, res) => (req.url.startsWith("/api/auth/") ? handler(req, res) : (res.writeHead(404), res.end())));
http.on("upgrade", (req, socket, head) => {
  if (live.handleUpgrade(req, socket, head)) return;
  socket.end("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");   // the app's own routes would go here
});
process.on("SIGTERM", () => { live.close(); http.close(); process.exit(0); });
console.log(`ready ${baseURL}`);
EOF

cat > smoke.mjs <<'EOF'
import assert from "node:assert/strict";
import { WebSocket } from "ws";
import { createAuthClient } from "better-auth/client";
import { consoleClient } from "@pikku-admin/better-auth-console/client";
const base = process.argv[2];
const call = async (method, path, token, body) => {
  const headers = { origin: base, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) };
  const r = await fetch(base + "/api/auth" + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null, text };
};
assert.equal((await call("GET", "/console/info")).status, 401);
const signIn = await call("POST", "/sign-in/email", null, { email: "admin@example.com", password: "admin-password-123" });
assert.equal(signIn.status, 200, signIn.text);
const token = signIn.json.token;
const info = await call("GET", "/console/info", token);
assert.equal(info.status, 200, info.text);
assert.equal(info.json.apiVersion, 1);
assert.ok(info.json.features.includes("cursor"));
const svc = await call("POST", "/console/service-users/create", token, { name: "svc-smoke" });
assert.equal(svc.status, 201, svc.text);
const minted = await call("POST", "/console/api-keys/create", token, { userId: svc.json.user.id, name: "smoke", rateLimitEnabled: false });
assert.equal(minted.status, 201, minted.text);
const keys = await call("GET", "/console/api-keys", token);
assert.equal(keys.status, 200, keys.text);
assert.deepEqual(keys.json.apiKeys.map((k) => k.name), ["smoke"]);
assert.ok(!keys.text.includes(minted.json.key), "no secret in the list");
const page = await call("GET", `/console/api-keys?cursor=&limit=1&userId=${svc.json.user.id}`, token);
assert.deepEqual([page.json.total, page.json.nextCursor], [1, null]);
const client = createAuthClient({ baseURL: base + "/api/auth", plugins: [consoleClient()], fetchOptions: { auth: { type: "Bearer", token }, headers: { origin: base } } });
const viaClient = await client.console.apiKeys({ query: { userId: svc.json.user.id } });
assert.equal(viaClient.data?.apiKeys[0]?.id, minted.json.apiKey.id);
const whoami = await new Promise((ok, ko) => {
  const ws = new WebSocket(info.json.channels[0].url, { headers: { "x-api-key": minted.json.key } });
  ws.on("open", () => ws.send(JSON.stringify({ action: "whoami" })));
  ws.on("message", (d) => { ok(JSON.parse(String(d))); ws.close(); });
  ws.on("error", ko);
  ws.on("unexpected-response", (_q, r) => ko(new Error(`upgrade ${r.statusCode}`)));
});
assert.equal(whoami.session.userId, svc.json.user.id);
assert.equal(whoami.session.via, "api-key");
console.log("pack-install smoke: info, sign-in, service user, mint, list (offset, cursor, consoleClient), live whoami: ok");
EOF

echo "== pack-install: start the app, smoke test"
node app.mjs > app.out 2> app.err &
app_pid=$!
for _ in $(seq 1 200); do
  grep -q '^ready ' app.out 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { cat app.err >&2; echo "pack-install: the app exited" >&2; exit 1; }
  sleep 0.1
done
base="$(sed -n 's/^ready //p' app.out)"
[ -n "$base" ] || { cat app.err >&2; echo "pack-install: the app did not start" >&2; exit 1; }
node smoke.mjs "$base"

if [ -n "$console_build" ]; then
  echo "== pack-install: the console's CLI integration tests against the installed tarball"
  mkdir -p "$work/devapp/dist/src" "$work/devapp/node_modules"
  cd "$work/devapp"
  cp "$server/dist/src/dev-server.js" "$server/dist/src/device-page.js" dist/src/
  # The dev server's own dependencies at the versions server/package.json pins, the plugin from the tarball.
  node -e '
    const s = require(process.argv[1]);
    const deps = { ...s.dependencies, "@pikku-admin/better-auth-console": "file:../" + process.argv[2] };
    console.log(JSON.stringify({ name: "pack-install-devapp", version: "1.0.0", private: true, type: "module", dependencies: deps }, null, 2));
  ' "$server/package.json" "$tarball" > ../devapp-package.json   # not "> package.json": node reads the empty file first
  mv ../devapp-package.json package.json
  echo "legacy-peer-deps=true" > .npmrc
  cp -a "$server/node_modules/better-sqlite3" node_modules/
  npm install --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null
  pkg="node_modules/@pikku-admin/better-auth-console"
  if [ -L "$pkg" ] || [ ! -f "$pkg/dist/index.js" ]; then echo "pack-install: $pkg is not an installed copy" >&2; exit 1; fi
  node -e 'require("better-sqlite3")(":memory:").close()' || { echo "pack-install: better-sqlite3 does not load in the fresh app" >&2; exit 1; }
  # No display: the keychain tests start their own D-Bus + gnome-keyring (tests/support/with-keyring.sh).
  PIKKU_DEV_SERVER_SCRIPT="$work/devapp/dist/src/dev-server.js" env -u DISPLAY -u WAYLAND_DISPLAY \
    ctest --test-dir "$console_build" -R '^(tst_cli_admin_live|tst_cli_parity_live)$' --output-on-failure --timeout 300 -V \
    > "$work/ctest.log" 2>&1 || { cat "$work/ctest.log" >&2; echo "pack-install: console tests failed against the tarball" >&2; exit 1; }
  grep -q "dev server script: $work/devapp/dist/src/dev-server.js" "$work/ctest.log" \
    || { echo "pack-install: the console tests did not run against the installed tarball" >&2; exit 1; }
  grep -E '^[0-9]+% tests passed|Totals:' "$work/ctest.log"
fi
echo "== pack-install: passed in $(( $(date +%s) - start )) s"
