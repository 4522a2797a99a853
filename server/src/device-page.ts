// The verification page that better-auth's verification_uri points at (/device). A person signs in with
// email + password, the page CLAIMS the code (GET {base}/device?user_code= while signed in — the step
// other projects forget), shows who is asking, and approves or denies it.

const style = `
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f3f5f9; color: #1d1d1d; }
  main { max-width: 520px; margin: 48px auto; background: #fff; border-radius: 10px; padding: 28px 32px;
         box-shadow: 0 2px 12px rgba(0,0,0,.08); }
  h1 { font-size: 22px; margin: 0 0 4px; } p.sub { color: #555; margin: 0 0 20px; }
  label { display: block; margin: 12px 0 4px; font-weight: 600; }
  input[type=text], input[type=email], input[type=password] { width: 100%; box-sizing: border-box; padding: 9px 10px;
         border: 1px solid #c5cad3; border-radius: 6px; font-size: 15px; }
  input.code { font: 600 24px ui-monospace, monospace; letter-spacing: 3px; text-transform: uppercase; text-align: center; }
  button { margin-top: 16px; padding: 9px 18px; border-radius: 6px; border: 1px solid #2448a0; background: #2f5fce;
           color: #fff; font-size: 15px; cursor: pointer; } button.secondary { background: #fff; color: #2448a0; }
  button:disabled { opacity: .5; cursor: default; }
  .warn { background: #fdf4e0; border: 1px solid #e2b755; border-radius: 6px; padding: 10px 12px; margin: 14px 0; }
  .err { background: #fbe9e9; border: 1px solid #e08f8f; border-radius: 6px; padding: 10px 12px; margin: 14px 0; }
  .ok { background: #e7f6ea; border: 1px solid #86c596; border-radius: 6px; padding: 10px 12px; margin: 14px 0; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; } dt { color: #555; } dd { margin: 0; font-weight: 600; }
  .hidden { display: none; } .who { color: #555; font-size: 13px; }
`;

export function devicePage(basePath: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Approve a device sign-in</title><style>${style}</style></head>
<body><main>
<h1>Approve a device sign-in</h1>
<p class="sub">A program (for example <code>pikku-admin</code> or <code>pikku login</code>) asked to sign in and showed you a code.</p>
<div id="msg"></div>
<section id="signin" class="hidden">
  <form id="signinForm">
    <label for="email">Email</label><input id="email" type="email" autocomplete="username" required>
    <label for="password">Password</label><input id="password" type="password" autocomplete="current-password" required>
    <button type="submit">Sign in</button>
  </form>
</section>
<section id="codeStep" class="hidden">
  <p class="who" id="who"></p>
  <form id="codeForm">
    <label for="code">Code shown by the device</label>
    <input id="code" class="code" type="text" maxlength="12" autocomplete="off" required>
    <button type="submit">Continue</button>
  </form>
</section>
<section id="decide" class="hidden">
  <dl><dt>Code</dt><dd id="dCode"></dd><dt>Client</dt><dd id="dClient"></dd><dt>Scope</dt><dd id="dScope"></dd><dt>Status</dt><dd id="dStatus"></dd></dl>
  <div class="warn" id="warning"></div>
  <label><input type="checkbox" id="matches"> The device shows exactly this code, and I started that sign-in.</label>
  <button id="approve" disabled>Approve</button> <button id="deny" class="secondary">Deny</button>
</section>
</main>
<script>
const base = ${JSON.stringify(basePath)};
const $ = (id) => document.getElementById(id);
let me = null, claimed = null;
function show(id, on) { $(id).classList.toggle("hidden", !on); }
function message(kind, text) { $("msg").innerHTML = text ? '<div class="' + kind + '"></div>' : ""; if (text) $("msg").firstChild.textContent = text; }
async function call(method, path, body) {
  const r = await fetch(base + path, { method, credentials: "same-origin",
    headers: body ? { "content-type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined });
  let data = null; try { data = await r.json(); } catch (e) {}
  return { status: r.status, data };
}
function explain(r) {
  const d = r.data || {};
  const desc = d.error_description || d.message || ("HTTP " + r.status);
  if (r.status === 429) return "Too many attempts; wait a few minutes and try again.";
  if (/already processed/i.test(desc)) return "This code was already approved or denied.";
  if (/Invalid user code/i.test(desc)) return "No such code. Check it against the device (8 characters; the dash is optional).";
  if (d.error === "expired_token") return "This code has expired. Start the sign-in on the device again.";
  if (d.error === "access_denied") return "Another account has claimed this code; only it can decide.";
  return desc;
}
async function refresh() {
  const r = await call("GET", "/get-session");
  me = r.data && r.data.user ? r.data.user : null;
  show("signin", !me); show("codeStep", !!me);
  if (me) $("who").textContent = "Signed in as " + (me.email || me.name) + ".";
}
$("signinForm").onsubmit = async (e) => {
  e.preventDefault(); message();
  const r = await call("POST", "/sign-in/email", { email: $("email").value, password: $("password").value });
  if (r.status !== 200) { message("err", explain(r)); return; }
  await refresh();
  if ($("code").value) $("codeForm").requestSubmit();
};
$("codeForm").onsubmit = async (e) => {
  e.preventDefault(); message(); show("decide", false);
  const code = $("code").value.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
  const r = await call("GET", "/device?user_code=" + encodeURIComponent(code));   // claims the code
  if (r.status !== 200) { message("err", explain(r)); return; }
  claimed = code;
  const d = r.data;
  $("dCode").textContent = code.slice(0, 4) + "-" + code.slice(4);
  $("dClient").textContent = d.client_id || "(hidden: claimed by another account)";
  $("dScope").textContent = d.scope || "(none requested)";
  $("dStatus").textContent = d.status;
  $("warning").textContent = "Approving signs that device in as you (" + (me.email || me.name) +
    "), with your rights, until its session ends. Only approve a code you started yourself.";
  const pending = d.status === "pending" && !!d.client_id;
  $("matches").checked = false; $("matches").disabled = !pending; $("deny").disabled = !pending; $("approve").disabled = true;
  show("decide", true);
};
$("matches").onchange = () => { $("approve").disabled = !$("matches").checked; };
async function decide(ok) {
  const r = await call("POST", ok ? "/device/approve" : "/device/deny", { userCode: claimed });
  if (r.status !== 200) { message("err", explain(r)); return; }
  show("decide", false);
  message("ok", ok ? "Approved. The device is now signed in as you; you can close this page." : "Denied. The device will be told.");
}
$("approve").onclick = () => decide(true);
$("deny").onclick = () => decide(false);
$("code").value = new URLSearchParams(location.search).get("user_code") || "";
refresh().then(() => { if (me && $("code").value) $("codeForm").requestSubmit(); });
</script>
</body></html>`;
}

export function homePage(baseURL: string, basePath: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pikku Admin dev server</title><style>${style}</style></head>
<body><main><h1>Pikku Admin dev server</h1>
<p class="sub">better-auth at <code>${basePath}</code> with deviceAuthorization, bearer, admin, apiKey and the console API.</p>
<p>Point the console at <code>${baseURL}</code>. Approve sign-ins at <a href="/device">/device</a>.</p>
</main></body></html>`;
}
