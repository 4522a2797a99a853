// Helpers shared by the node tests: the dev server as a child process, JSON requests with a Bearer session,
// sign-in, live-channel frames. Each call names its server, so a test can run several at once.
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";

const here = dirname(fileURLToPath(import.meta.url));
export const devServerScript = resolve(here, "..", "src", "dev-server.js");
const script = devServerScript;

export interface Server {
  proc: ChildProcess;
  ready: Promise<string>;
  stderr(): string;
  stop(): Promise<void>;
  exited: Promise<void>;
}

/** Starts the built dev server (as `.ci/dev` and the C++ tests start it) on `port` (default 0: any free one). */
export function spawnServer(args: string[], env: Record<string, string | undefined> = {}, opts: { port?: number } = {}): Server {
  const child = spawn(process.execPath, [script, "--exit-on-stdin-close", "--port", String(opts.port ?? 0), ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
  const ready = new Promise<string>((ok, ko) => {
    let out = "";
    const t = setTimeout(() => ko(new Error("dev server not ready: " + err)), 30000);
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /pikku-dev-server ready (\S+)/.exec(out);
      if (m) {
        clearTimeout(t);
        ok(m[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(t);
      ko(new Error(`dev server exited ${code}: ${err}`));
    });
  });
  ready.catch(() => {});
  return {
    proc: child,
    ready,
    exited,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

export async function api(base: string, method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { origin: base };
  if (opts.token) headers["authorization"] = `Bearer ${opts.token}`;
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

export async function signIn(base: string, email = "admin@example.com", password = "admin-password-123") {
  const r = await api(base, "POST", "/api/auth/sign-in/email", { body: { email, password } });
  if (r.status !== 200) throw new Error(`sign-in ${r.status}: ${r.text}`);
  return r.json.token as string;
}

/** A new person signed in at `base`: their token, user id and session id. */
export async function newPerson(base: string, tag: string) {
  const email = `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const su = await api(base, "POST", "/api/auth/sign-up/email", { body: { email, password: "person-password-1", name: tag } });
  if (su.status !== 200) throw new Error(`sign-up ${su.status}: ${su.text}`);
  const token = await signIn(base, email, "person-password-1");
  const s = await api(base, "GET", "/api/auth/get-session", { token });
  return { email, token, userId: s.json.user.id as string, sessionId: s.json.session.id as string };
}

/** A live-channel connection at `base`, open; rejects with the HTTP status if the upgrade is refused. */
export function openWs(base: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((ok, ko) => {
    const ws = new WebSocket(base.replace(/^http/, "ws") + "/api/auth/console/live", { headers });
    ws.on("open", () => ok(ws));
    ws.on("unexpected-response", (_req, res) => ko(new Error(`upgrade refused: ${res.statusCode}`)));
    ws.on("error", () => {});
  });
}

export function nextMessage(ws: WebSocket, pred: (m: any) => boolean = () => true, ms = 5000): Promise<any> {
  return new Promise((ok, ko) => {
    const t = setTimeout(() => {
      ws.off("message", on);
      ko(new Error("no message"));
    }, ms);
    const on = (data: any) => {
      const m = JSON.parse(String(data));
      if (pred(m)) {
        clearTimeout(t);
        ws.off("message", on);
        ok(m);
      }
    };
    ws.on("message", on);
  });
}

/** Sends a frame and resolves with the reply to its action. */
export async function ask(ws: WebSocket, frame: Record<string, unknown>) {
  const reply = nextMessage(ws, (m) => m.action === frame.action && !("topic" in m && "event" in m));
  ws.send(JSON.stringify(frame));
  return reply;
}

/** Every frame the connection receives from now on. */
export function record(ws: WebSocket): any[] {
  const frames: any[] = [];
  ws.on("message", (d) => frames.push(JSON.parse(String(d))));
  return frames;
}

/** Resolves with the close code, reason and time, or code -1 if still open after `ms`. */
export function closed(ws: WebSocket, ms: number) {
  return new Promise<{ code: number; reason: string; at: number }>((ok) => {
    const t = setTimeout(() => ok({ code: -1, reason: "still open", at: Date.now() }), ms);
    ws.on("close", (code, reason) => {
      clearTimeout(t);
      ok({ code, reason: String(reason), at: Date.now() });
    });
  });
}

export async function subscribed(base: string, token: string) {
  const ws = await openWs(base, { authorization: `Bearer ${token}` });
  const r = await ask(ws, { action: "subscribe", topic: "sessions" });
  if (r.topic !== "sessions" || r.error) throw new Error(`subscribe: ${JSON.stringify(r)}`);
  return ws;
}

/** Resolves once `cond()` holds (checked every 20 ms); rejects naming `what` after `ms`. */
export async function until(cond: () => boolean, what: string, ms = 5000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
}
