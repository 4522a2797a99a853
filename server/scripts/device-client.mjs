// A third-party device-flow client built on better-auth's own client library (deviceAuthorizationClient),
// as a CLI such as `pikku login` would use it. Used by the console's interop test.
//   node scripts/device-client.mjs BASE_URL [CLIENT_ID]
// Prints {"event":"code",...} when it has a code, then {"event":"token",...} or {"event":"error",...}.
import { createAuthClient } from "better-auth/client";
import { deviceAuthorizationClient } from "better-auth/client/plugins";

const [baseURL, clientId = "pikku-cli"] = process.argv.slice(2);
const client = createAuthClient({ baseURL: `${baseURL}/api/auth`, plugins: [deviceAuthorizationClient()] });
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

const { data: code, error } = await client.device.code({ client_id: clientId, scope: "openid profile" });
if (error) {
  out({ event: "error", error });
  process.exit(1);
}
out({ event: "code", userCode: code.user_code, verificationUri: code.verification_uri, interval: code.interval });
let interval = code.interval * 1000;
const deadline = Date.now() + code.expires_in * 1000;
while (Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, interval));
  const { data, error: e } = await client.device.token({
    grant_type: "urn:ietf:params:oauth:grant-type:device_code",
    device_code: code.device_code,
    client_id: clientId,
  });
  if (data?.access_token) {
    const session = await client.getSession({ fetchOptions: { headers: { authorization: `Bearer ${data.access_token}` } } });
    out({ event: "token", accessToken: data.access_token, email: session.data?.user?.email ?? null });
    process.exit(0);
  }
  const kind = e?.error ?? e?.code;
  if (kind === "authorization_pending") continue;
  if (kind === "slow_down") { interval += 5000; continue; }
  out({ event: "error", error: e });
  process.exit(1);
}
out({ event: "error", error: "expired" });
process.exit(1);
