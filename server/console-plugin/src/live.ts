// The console API's live channel (console-api.md, "The live channel"): a WebSocket at {base}/console/live,
// authenticated on upgrade with exactly one credential — Authorization: Bearer (a person) or x-api-key
// (a machine) — and routed Pikku-style by the "action" key.
//
// createLiveChannel(auth) gives an upgrade handler you dispatch to yourself (next to Pikku's own channels);
// attachLiveChannel(server, auth) hangs it on a node:http server's "upgrade" event.
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { randomUUID } from "node:crypto";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { consoleBus, consoleEvents, emitEvent, registerLocalConnections, type CloseTarget, type ConsoleBus, type PublicConnection, type UserChange } from "./events.js";
import { isConsoleAdmin } from "./index.js";

/** A credential is re-read at its expiry, and at least every recheckMs (default 5 min, 1 s to 6 h). */
const DEFAULT_RECHECK_MS = 5 * 60 * 1000;
const MAX_RECHECK_MS = 6 * 3600 * 1000;

export interface LiveChannelOptions {
  /** Request path of the channel; default "/api/auth/console/live" (better-auth's default base path). */
  path?: string;
  /** Diagnostics (socket errors); never given a credential. Default: silent. */
  log?: (...args: unknown[]) => void;
  /** Largest accepted frame in bytes; default 1 MiB (as @pikku/ws). */
  maxPayload?: number;
  /**
   * Every open connection's credential is read again at least this often (and at its expiresAt), so a
   * change no hook reports (a row written straight into the database, a bus message missed while Redis
   * was unreachable) closes it by then. Milliseconds, 1000 to 6 h; default 5 min.
   */
  recheckMs?: number;
  /** The bus to take events from and announce connections on; default the plugin's (consolePlugin({ bus })). */
  bus?: ConsoleBus;
}

export interface LiveChannel {
  readonly path: string;
  /**
   * Takes an HTTP upgrade if its path is the channel's: authenticates it (exactly one of Bearer / x-api-key)
   * and answers with 101 or a plain JSON error response. Returns false, without touching the socket, for
   * any other path, so the caller can hand it to another handler.
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** This instance's open connections (the "list" action adds the other instances'). */
  connections(): PublicConnection[];
  /** Closes every connection (1001) and stops listening to the plugin's events. */
  close(): void;
}

type DateLike = Date | string | number;
type Row = Record<string, unknown>;

/**
 * What the live channel uses of the auth instance (what betterAuth() returns, with the bearer plugin and,
 * for machine connections, the API Key plugin). Typed structurally, as far as the channel reads it.
 */
export interface LiveAuth {
  options: { plugins?: unknown[] };
  $context: PromiseLike<{
    internalAdapter: {
      findSession(token: string): Promise<{ session: { id: string; expiresAt: DateLike } & Row; user: ({ banned?: boolean | null } & Row) | null } | null>;
      findUserById(id: string): Promise<({ id: string; email?: string | null; name?: string | null; role?: string | null; banned?: boolean | null } & Row) | null>;
    };
    adapter: { findOne<T>(args: { model: string; where: { field: string; value: string }[] }): Promise<T | null> };
  }>;
  api: {
    getSession(input: { headers: Headers }): Promise<unknown>;
    verifyApiKey?(input: { body: { key: string } }): Promise<unknown>;
  };
}

interface SessionReply {
  user: { id: string; email?: string | null; name?: string | null; role?: string | null };
  session: { id: string; token?: unknown; expiresAt: DateLike };
}
interface VerifyReply {
  valid?: boolean;
  error?: { code?: string; message?: string } | null;
  key?: { id: string; referenceId?: string | null; userId?: string | null; name?: string | null; permissions?: unknown; expiresAt?: DateLike | null } | null;
}
interface KeyRowLite {
  enabled?: boolean | null;
  expiresAt?: DateLike | null;
}
interface UserRowLite {
  role?: string | null;
  banned?: boolean | null;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface Conn {
  connectionId: string;
  ws: WebSocket;
  userId: string;
  email: string | null;
  name: string | null;
  role: string;
  via: "bearer" | "api-key";
  sessionId: string | null;
  /** The session's token, kept in memory only to read the session again (never listed, sent or logged). */
  sessionToken: string | null;
  keyId: string | null;
  keyName: string | null;
  permissions: Record<string, string[]> | null;
  expiresAt: string | null;
  openedAt: string;
  remoteAddress: string | null;
  messagesIn: number;
  messagesOut: number;
  topics: Set<string>;
  /** Fires at the credential's expiresAt (or MAX_RECHECK_MS), re-reads it, closes or re-arms. */
  timer: ReturnType<typeof setTimeout> | null;
  /** Frames are handled one after the other (a privileged one awaits a role check), replies in order. */
  queue: Promise<void>;
}

function reject(socket: Duplex, status: number, code: string, message: string) {
  const body = JSON.stringify({ code, message });
  const reason = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error" }[status] ?? "Error";
  socket.write(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  socket.destroy();
}


function publicConn(c: Conn, instanceId: string): PublicConnection {
  return {
    connectionId: c.connectionId,
    instanceId, // additive to console-api.md: which server instance holds the connection
    userId: c.userId,
    email: c.email,
    via: c.via,
    keyId: c.keyId,
    keyName: c.keyName, // additive to console-api.md: saves clients a key lookup
    openedAt: c.openedAt,
    remoteAddress: c.remoteAddress,
    messagesIn: c.messagesIn,
    messagesOut: c.messagesOut,
  };
}

/**
 * The live channel for one better-auth instance (built with consolePlugin and the bearer plugin; apiKey for
 * machine connections). `auth` is what betterAuth() returned.
 */
export function createLiveChannel(auth: LiveAuth, options: LiveChannelOptions = {}): LiveChannel {
  const path = options.path ?? "/api/auth/console/live";
  const log = options.log ?? (() => {});
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? 1024 * 1024 });
  const conns = new Map<string, Conn>();
  // The admin plugin's rule (adminUserIds, adminRoles), the same as the console endpoints' middleware.
  const isAdmin = (userId: string, role: unknown) =>
    isConsoleAdmin({ options: auth.options } as Parameters<typeof isConsoleAdmin>[0], { id: userId, role });
  const bus = options.bus ?? consoleBus();
  const recheckMs = Math.max(1000, Math.min(Number.isFinite(options.recheckMs) ? Number(options.recheckMs) : DEFAULT_RECHECK_MS, MAX_RECHECK_MS));
  const pub = (c: Conn) => publicConn(c, bus.instanceId);
  const unregisterBus = bus.registerConnections(() => [...conns.values()].map(pub));
  const unregisterLocal = registerLocalConnections(() => [...conns.values()].map(pub));
  const unregister = () => {
    unregisterBus();
    unregisterLocal();
  };

  const send = (c: Conn, data: unknown) => {
    if (c.ws.readyState !== c.ws.OPEN) return;
    c.messagesOut++;
    c.ws.send(JSON.stringify(data));
  };
  const broadcast = (event: string, data: unknown) => {
    const frame = { topic: "sessions", event, at: new Date().toISOString(), data };
    for (const c of conns.values()) if (c.topics.has("sessions")) send(c, frame);
  };

  const closeConn = (c: Conn, reason: string) => {
    if (c.timer) clearTimeout(c.timer);
    c.timer = null;
    c.ws.close(4401, reason);
  };

  // Each connection closes when its credential reaches expiresAt: a timer at that time re-reads the session
  // or key (it may have been extended, shortened, disabled or deleted meanwhile) and closes or re-arms. The
  // timer also fires every recheckMs, for what no hook reports.
  const arm = (c: Conn) => {
    if (c.timer) clearTimeout(c.timer);
    c.timer = null;
    if (c.ws.readyState !== c.ws.OPEN) return;
    const untilExpiry = c.expiresAt ? Date.parse(c.expiresAt) - Date.now() : Number.POSITIVE_INFINITY;
    const delay = Math.max(0, Math.min(untilExpiry, recheckMs));
    c.timer = setTimeout(() => {
      c.timer = null;
      recheck(c).catch((e: unknown) => log("live channel re-check failed:", errorText(e)));
    }, delay);
    c.timer.unref?.();
  };
  const recheck = async (c: Conn) => {
    const ctx = await auth.$context;
    const now = Date.now();
    if (c.via === "bearer") {
      // Through better-auth's internal adapter: the database, or secondary storage (with its revocations).
      const found = c.sessionToken ? await ctx.internalAdapter.findSession(c.sessionToken) : null;
      const row = found?.session?.id === c.sessionId ? found.session : null;
      const pastExpiry = c.expiresAt !== null && Date.parse(c.expiresAt) <= now;
      if (!row) return closeConn(c, pastExpiry ? "session expired" : "session revoked");
      if (new Date(row.expiresAt).getTime() <= now) return closeConn(c, "session expired");
      if (found?.user?.banned === true) return closeConn(c, "user banned");
      c.expiresAt = new Date(row.expiresAt).toISOString();
    } else {
      const row = c.keyId ? await ctx.adapter.findOne<KeyRowLite>({ model: "apikey", where: [{ field: "id", value: c.keyId }] }) : null;
      if (!row) return closeConn(c, "API key revoked");
      if (row.enabled === false) return closeConn(c, "API key disabled");
      if (row.expiresAt && new Date(row.expiresAt).getTime() <= now) return closeConn(c, "API key expired");
      c.expiresAt = row.expiresAt ? new Date(row.expiresAt).toISOString() : null;
    }
    arm(c);
  };

  const onEvent = (event: string, data: unknown) => {
    // A key's new expiry (an update, or rotation ending the overlap) re-arms its connections' timers.
    const key = event === "key.updated" && data && typeof data === "object" ? (data as { id?: unknown; expiresAt?: unknown }) : null;
    if (key && typeof key.id === "string")
      for (const c of conns.values())
        if (c.keyId === key.id) {
          c.expiresAt = typeof key.expiresAt === "string" ? key.expiresAt : null;
          arm(c);
        }
    broadcast(event, data);
  };
  // A role change: a person who is no longer an admin loses the connections that could list and subscribe.
  const onUser = (user: UserChange) => {
    if (!user?.id || !("role" in user)) return;
    const role = String(user.role ?? "");
    for (const c of conns.values()) {
      if (c.userId !== user.id) continue;
      const wasAdmin = c.via === "bearer" && isAdmin(c.userId, c.role);
      c.role = role;
      if (wasAdmin && !isAdmin(c.userId, role)) closeConn(c, "admin role removed");
    }
  };
  // A revoked session, a deleted/disabled/expired key or a banned/deleted user loses its open connections.
  const onClose = (t: CloseTarget) => {
    for (const c of conns.values()) {
      const hit =
        (t.sessionId !== undefined && c.sessionId === t.sessionId) ||
        (t.keyId !== undefined && c.keyId === t.keyId) ||
        (t.userId !== undefined && c.userId === t.userId && (!t.sessionsOnly || c.via === "bearer"));
      if (hit) closeConn(c, t.reason);
    }
  };
  consoleEvents.on("event", onEvent);
  consoleEvents.on("close", onClose);
  consoleEvents.on("user", onUser);

  /** The person's admin role, read again now: a role changed without the plugin's hooks still counts. */
  const stillAdmin = async (c: Conn) => {
    if (c.via !== "bearer" || !isAdmin(c.userId, c.role)) return false;
    const ctx = await auth.$context;
    const user = await ctx.adapter.findOne<UserRowLite>({ model: "user", where: [{ field: "id", value: c.userId }] });
    c.role = String(user?.role ?? "");
    if (user && !user.banned && isAdmin(c.userId, c.role)) return true;
    c.topics.clear();
    return false;
  };

  const onMessage = async (c: Conn, raw: RawData, isBinary: boolean) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(isBinary ? raw.toString() : String(raw));
    } catch {
      return send(c, { action: null, error: "frames must be JSON objects", code: "BAD_REQUEST" });
    }
    const obj = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    if (!obj || typeof obj.action !== "string")
      return send(c, { action: obj?.action ?? null, error: 'frames are JSON objects with an "action"', code: "BAD_REQUEST" });
    const msg = obj as Record<string, unknown> & { action: string; topic?: unknown };
    const adminOnly = async () => {
      if (await stillAdmin(c)) return false;
      send(c, { action: msg.action, error: "admin only (and only as a person)", code: "FORBIDDEN" });
      return true;
    };
    switch (msg.action) {
      case "whoami": {
        const session: Record<string, unknown> = { userId: c.userId, email: c.email, name: c.name, role: c.role, via: c.via, expiresAt: c.expiresAt };
        if (c.via === "api-key") Object.assign(session, { keyId: c.keyId, keyName: c.keyName, permissions: c.permissions });
        return send(c, { action: "whoami", session, instanceId: bus.instanceId }); // instanceId: additive
      }
      case "list": {
        if (await adminOnly()) return;
        // This instance's connections as they are now, then every other live instance's (as of its last
        // heartbeat). If the bus cannot be read, this instance's alone, marked incomplete (additive).
        const here = [...conns.values()].map(pub);
        try {
          const there = await bus.remoteConnections();
          return send(c, { action: "list", connections: [...here, ...there] });
        } catch (e) {
          log("live channel: other instances' connections unavailable:", errorText(e));
          return send(c, { action: "list", connections: here, incomplete: true });
        }
      }
      case "subscribe":
      case "unsubscribe":
        if (msg.topic !== "sessions") return send(c, { action: msg.action, error: `unknown topic ${msg.topic}`, code: "NOT_FOUND" });
        if (msg.action === "subscribe" && (await adminOnly())) return;
        if (msg.action === "subscribe") c.topics.add("sessions");
        else c.topics.delete("sessions");
        return send(c, { action: msg.action, topic: "sessions" });
      case "echo":
        return send(c, msg);
      default:
        return send(c, { action: msg.action, error: `unknown action ${msg.action}`, code: "NOT_FOUND" });
    }
  };

  const matches = (req: IncomingMessage) => new URL(req.url ?? "/", "http://localhost").pathname === path;

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const authorization = req.headers["authorization"];
    const key = req.headers["x-api-key"];
    if (authorization && key) return reject(socket, 400, "AMBIGUOUS_CREDENTIALS", "send exactly one of Authorization: Bearer / x-api-key");
    if (!authorization && !key) return reject(socket, 401, "UNAUTHORIZED", "send Authorization: Bearer <session token> or x-api-key");
    let identity: Omit<Conn, "ws" | "connectionId" | "openedAt" | "messagesIn" | "messagesOut" | "topics" | "remoteAddress" | "timer" | "queue">;
    try {
      if (authorization) {
        // Only the Authorization header: with x-api-key present getSession would resolve the key's user.
        const s = (await auth.api.getSession({ headers: new Headers({ authorization: String(authorization) }) })) as SessionReply | null;
        if (!s?.user) return reject(socket, 401, "UNAUTHORIZED", "the session is unknown, revoked or expired");
        identity = {
          userId: s.user.id, email: s.user.email ?? null, name: s.user.name ?? null, role: s.user.role ?? "",
          via: "bearer", sessionId: s.session.id, sessionToken: typeof s.session.token === "string" ? s.session.token : null,
          keyId: null, keyName: null, permissions: null,
          expiresAt: new Date(s.session.expiresAt).toISOString(),
        };
      } else {
        if (!auth.api.verifyApiKey) return reject(socket, 401, "UNAUTHORIZED", "API keys are not enabled on this server");
        const v = (await auth.api.verifyApiKey({ body: { key: String(key) } })) as VerifyReply | null;
        if (!v?.valid || !v.key) {
          const code = v?.error?.code ?? "INVALID_API_KEY";
          return reject(socket, code === "RATE_LIMITED" ? 429 : 401, code, v?.error?.message ?? "invalid API key");
        }
        const ctx = await auth.$context;
        const ownerId = v.key.referenceId ?? v.key.userId;
        const owner = ownerId ? await ctx.internalAdapter.findUserById(ownerId) : null;
        if (!owner) return reject(socket, 401, "UNAUTHORIZED", "the key's owner no longer exists");
        if (owner.banned) return reject(socket, 403, "FORBIDDEN", "the key's owner is banned");
        let permissions: unknown = v.key.permissions ?? null;
        if (typeof permissions === "string") try { permissions = JSON.parse(permissions); } catch { permissions = null; }
        const perms = permissions && typeof permissions === "object" && !Array.isArray(permissions) ? (permissions as Record<string, string[]>) : null;
        identity = {
          userId: owner.id, email: owner.email ?? null, name: owner.name ?? null, role: owner.role ?? "",
          via: "api-key", sessionId: null, sessionToken: null, keyId: v.key.id, keyName: v.key.name ?? null, permissions: perms,
          expiresAt: v.key.expiresAt ? new Date(v.key.expiresAt).toISOString() : null,
        };
      }
    } catch (e: unknown) {
      const err = (e && typeof e === "object" ? e : {}) as { statusCode?: unknown; body?: { code?: unknown; message?: unknown } };
      const status = typeof err.statusCode === "number" && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 401;
      return reject(socket, status, typeof err.body?.code === "string" ? err.body.code : "UNAUTHORIZED",
        typeof err.body?.message === "string" ? err.body.message : "authentication failed");
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const c: Conn = {
        ...identity, ws, connectionId: randomUUID(), openedAt: new Date().toISOString(),
        remoteAddress: req.socket.remoteAddress ?? null, messagesIn: 0, messagesOut: 0, topics: new Set(),
        timer: null, queue: Promise.resolve(),
      };
      conns.set(c.connectionId, c);
      bus.connectionsChanged();
      emitEvent("connection.opened", pub(c));
      ws.on("message", (raw, isBinary) => {
        c.messagesIn++;
        c.queue = c.queue.then(() => onMessage(c, raw, isBinary)).catch((e: unknown) => log("live channel frame failed:", errorText(e)));
      });
      arm(c);
      ws.on("close", () => {
        if (c.timer) clearTimeout(c.timer);
        c.timer = null;
        conns.delete(c.connectionId);
        bus.connectionsChanged();
        emitEvent("connection.closed", pub(c));
      });
      ws.on("error", (e) => log("live channel error:", e.message));
    });
  };

  return {
    path,
    handleUpgrade(req, socket, head) {
      if (!matches(req)) return false;
      upgrade(req, socket, head).catch((e: unknown) => {
        log("live channel upgrade failed:", errorText(e));
        if (!socket.destroyed) reject(socket, 500, "INTERNAL", "upgrade failed");
      });
      return true;
    },
    connections: () => [...conns.values()].map(pub),
    close() {
      unregister();
      consoleEvents.off("event", onEvent);
      consoleEvents.off("close", onClose);
      consoleEvents.off("user", onUser);
      for (const c of conns.values()) c.ws.close(1001, "server closing");
    },
  };
}

/**
 * Serves the live channel on a node:http (or https) server's "upgrade" event. Upgrades to other paths are
 * left to the server's other "upgrade" listeners, or answered 404 with `rejectOtherPaths` (use that only
 * when nothing else serves WebSockets on this server). Returns the channel.
 */
export function attachLiveChannel(
  server: Server,
  auth: LiveAuth,
  options: LiveChannelOptions & { rejectOtherPaths?: boolean } = {},
): LiveChannel {
  const channel = createLiveChannel(auth, options);
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (channel.handleUpgrade(req, socket, head)) return;
    if (options.rejectOtherPaths) reject(socket, 404, "NOT_FOUND", `no channel at ${new URL(req.url ?? "/", "http://localhost").pathname}`);
  });
  return channel;
}
