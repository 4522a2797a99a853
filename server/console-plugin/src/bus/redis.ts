// The Redis bus: every instance of the plugin (one per server process) on one Redis. Messages go over one
// pub/sub channel; each instance delivers its own messages locally at once and ignores their echo, so
// every subscriber on every instance sees each message exactly once. Each instance keeps its open live
// connections in a hash with a TTL, refreshed by a heartbeat: a dead instance's connections leave `list`
// within the TTL.
//
// Pub/sub is fire-and-forget: a message published while an instance is cut off from Redis never reaches
// it. The live channel's periodic re-check of every credential (LiveChannelOptions.recheckMs) closes what
// such an instance missed.
import { randomUUID } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import { CONSOLE_EVENTS, type BusMessage, type CloseTarget, type ConsoleBus, type PublicConnection } from "./types.js";

export interface RedisBusOptions {
  /** redis://[user:password@]host:port[/db]; or give `client`. */
  url?: string;
  /** An ioredis client to use (and duplicate for the subscription); the bus leaves it open on close(). */
  client?: Redis;
  /** Namespace of the channel and keys; default "pikku-console". Instances that share it see each other. */
  prefix?: string;
  /** How long an instance's connections stay listed without a heartbeat; default 15000 ms (min 1000). */
  ttlMs?: number;
  /** Heartbeat period; default ttlMs / 3. */
  heartbeatMs?: number;
  /** Diagnostics (connection errors, dropped messages); never given a credential. Default: silent. */
  log?: (...args: unknown[]) => void;
  /** Options for the clients made from `url` (e.g. `password`, so that it need not be in the URL). */
  redisOptions?: RedisOptions;
  /** ready() rejects if the subscription is not up by then; default 10000 ms. */
  readyTimeoutMs?: number;
}

/** Largest message accepted from Redis; a larger one is dropped (the plugin's own are far smaller). */
const MAX_MESSAGE_BYTES = 256 * 1024;
/** Most connections read from one instance's set for `list`. */
const MAX_REMOTE_CONNECTIONS = 10000;

const str = (v: unknown, max = 512) => typeof v === "string" && v.length > 0 && v.length <= max;
const optStr = (v: unknown) => v === undefined || str(v);

function validTarget(t: unknown): t is CloseTarget {
  if (!t || typeof t !== "object") return false;
  const o = t as Record<string, unknown>;
  if (!str(o.reason, 123) || !optStr(o.sessionId) || !optStr(o.keyId) || !optStr(o.userId)) return false;
  if (o.sessionsOnly !== undefined && typeof o.sessionsOnly !== "boolean") return false;
  return o.sessionId !== undefined || o.keyId !== undefined || o.userId !== undefined;
}

/** A message from Redis, checked: anything malformed is dropped rather than acted on. */
export function parseWire(text: string): { from: string; msg: BusMessage } | null {
  if (Buffer.byteLength(text) > MAX_MESSAGE_BYTES) return null;
  let w: unknown;
  try {
    w = JSON.parse(text);
  } catch {
    return null;
  }
  if (!w || typeof w !== "object") return null;
  const { v, from, msg } = w as Record<string, unknown>;
  if (v !== 1 || !str(from, 128) || !msg || typeof msg !== "object") return null;
  const m = msg as Record<string, unknown>;
  if (m.kind === "event" && CONSOLE_EVENTS.includes(m.name as never)) return { from: from as string, msg: m as BusMessage };
  if (m.kind === "close" && validTarget(m.target)) return { from: from as string, msg: m as BusMessage };
  if (m.kind === "user" && m.user && typeof m.user === "object" && str((m.user as Record<string, unknown>).id))
    return { from: from as string, msg: m as BusMessage };
  return null;
}

function validConnection(c: unknown): c is PublicConnection {
  if (!c || typeof c !== "object") return false;
  const o = c as Record<string, unknown>;
  return str(o.connectionId) && str(o.instanceId) && str(o.userId) && (o.via === "bearer" || o.via === "api-key") &&
    typeof o.messagesIn === "number" && typeof o.messagesOut === "number";
}

export function redisBus(options: RedisBusOptions): ConsoleBus {
  if (!options.client && !options.url) throw new Error("redisBus: give url or client");
  const log = options.log ?? (() => {});
  const prefix = options.prefix ?? "pikku-console";
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(prefix)) throw new Error("redisBus: prefix is 1 to 64 of A-Z a-z 0-9 _ . : -");
  const ttlMs = Math.max(1000, Math.min(options.ttlMs ?? 15000, 3600_000));
  const heartbeatMs = Math.max(100, Math.min(options.heartbeatMs ?? Math.floor(ttlMs / 3), ttlMs - 100));
  const ownsClient = !options.client;
  const pub = options.client ?? new Redis(options.url!, { lazyConnect: false, ...options.redisOptions });
  const sub = pub.duplicate();
  // ioredis retries for ever; say each distinct failure once, and when the link is back.
  for (const [name, c] of [["publisher", pub], ["subscriber", sub]] as const) {
    let last = "";
    c.on("error", (e: Error) => {
      if (e.message !== last) log(`redis bus (${name}):`, e.message);
      last = e.message;
    });
    c.on("ready", () => {
      if (last) log(`redis bus (${name}): connected again`);
      last = "";
    });
  }

  const instanceId = randomUUID();
  const channel = `${prefix}:bus`;
  const instancesKey = `${prefix}:instances`;
  const connsKey = (id: string) => `${prefix}:conns:${id}`;
  const handlers = new Set<(msg: BusMessage) => void>();
  const sources = new Set<() => PublicConnection[]>();
  let closed = false;

  const deliver = (msg: BusMessage) => {
    for (const h of [...handlers]) {
      try {
        h(msg);
      } catch (e) {
        log("redis bus: a subscriber failed:", (e as Error)?.message ?? e);
      }
    }
  };

  sub.on("message", (ch: string, text: string) => {
    if (ch !== channel || closed) return;
    const w = parseWire(text);
    if (!w) return log("redis bus: dropped a malformed message");
    if (w.from === instanceId) return; // our own, delivered when published
    deliver(w.msg);
  });
  const subscribed = sub.subscribe(channel).then(() => undefined);
  subscribed.catch((e: Error) => log("redis bus: subscribe failed:", e.message));

  // The registry: this instance's connections, rewritten whole at every heartbeat and soon after a change.
  let flushing: Promise<void> | null = null;
  let again = false;
  const flush = async (): Promise<void> => {
    if (closed) return;
    if (flushing) {
      again = true;
      return flushing;
    }
    flushing = (async () => {
      do {
        again = false;
        const conns = [...sources].flatMap((s) => s());
        const now = Date.now();
        const m = pub.multi().del(connsKey(instanceId));
        if (conns.length) m.hset(connsKey(instanceId), ...conns.flatMap((c) => [c.connectionId, JSON.stringify(c)]));
        m.pexpire(connsKey(instanceId), ttlMs).zadd(instancesKey, now, instanceId).zremrangebyscore(instancesKey, "-inf", now - ttlMs);
        await m.exec();
      } while (again && !closed);
    })()
      .catch((e: Error) => log("redis bus: heartbeat failed:", e.message))
      .finally(() => (flushing = null));
    return flushing;
  };
  const heartbeat = setInterval(() => void flush(), heartbeatMs);
  heartbeat.unref?.();
  void flush();

  return {
    instanceId,
    kind: "redis",
    ready: async () => {
      const ms = Math.max(100, Math.min(options.readyTimeoutMs ?? 10000, 600_000));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, ko) => {
        timer = setTimeout(() => ko(new Error(`redis bus: not subscribed after ${ms} ms (is Redis reachable?)`)), ms);
      });
      try {
        await Promise.race([subscribed, late]);
      } finally {
        clearTimeout(timer);
      }
      await flush();
    },
    publish(msg) {
      deliver(msg);
      if (closed) return;
      pub.publish(channel, JSON.stringify({ v: 1, from: instanceId, msg })).catch((e: Error) => log("redis bus: publish failed:", e.message));
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    registerConnections(source) {
      sources.add(source);
      void flush();
      return () => {
        sources.delete(source);
        void flush();
      };
    },
    connectionsChanged() {
      void flush();
    },
    async remoteConnections() {
      const now = Date.now();
      const ids = (await pub.zrangebyscore(instancesKey, now - ttlMs, "+inf")).filter((id) => id !== instanceId);
      if (ids.length === 0) return [];
      const p = pub.pipeline();
      for (const id of ids) p.hvals(connsKey(id));
      const replies = (await p.exec()) ?? [];
      const out: PublicConnection[] = [];
      for (const [err, vals] of replies) {
        if (err || !Array.isArray(vals)) continue;
        for (const v of vals) {
          if (out.length >= MAX_REMOTE_CONNECTIONS) return out;
          try {
            const c: unknown = JSON.parse(String(v));
            if (validConnection(c)) out.push(c);
          } catch {
            /* a malformed row is left out */
          }
        }
      }
      return out;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      handlers.clear();
      sources.clear();
      await flushing;
      try {
        await pub.multi().del(connsKey(instanceId)).zrem(instancesKey, instanceId).exec();
      } catch (e) {
        log("redis bus: leaving the registry failed:", (e as Error).message);
      }
      sub.disconnect();
      if (ownsClient) await pub.quit().catch(() => pub.disconnect());
    },
  };
}
