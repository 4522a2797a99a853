// Sessions kept in better-auth's secondaryStorage (e.g. @better-auth/redis-storage) end without any database
// hook: better-auth deletes the cached session (sign-out, revoke-session(s), admin revoke/ban) or records a
// "revoked before" time for a user, and nothing else is told. consoleSecondaryStorage() wraps the storage so
// that those writes reach the live channels on every instance, like the database hooks do.
import { closeChannels, emitEvent } from "./events.js";
import { toSession, type SessionRow } from "./index.js";

type Awaitable<T> = T | Promise<T>;

/** The part of better-auth's SecondaryStorage this wrapper needs; every other member is passed through. */
export interface SecondaryStorageLike {
  get(key: string): Awaitable<unknown>;
  set(key: string, value: string, ttl?: number): Awaitable<unknown>;
  delete(key: string): Awaitable<unknown>;
}

/** Set on a wrapped storage; consolePlugin warns at start-up when session storage is not wrapped. */
export const WRAPPED_STORAGE = Symbol.for("pikku-console.secondary-storage");

const REVOKED_BEFORE = "revoked-sessions-before-";
/** better-auth's own non-session keys: never read back before a delete. */
const OTHER_KEYS = /^(active-sessions-|verification:|revoked-sessions-before-|rate-limit|ratelimit)/;

interface CachedSession {
  session: SessionRow;
  user?: { email?: string | null; name?: string | null } | null;
}

function cachedSession(key: string, raw: unknown): CachedSession | null {
  let v: unknown = raw;
  if (typeof v === "string") {
    if (v.length > 1024 * 1024) return null;
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (!v || typeof v !== "object") return null;
  const s = (v as { session?: unknown }).session as Record<string, unknown> | undefined;
  if (!s || typeof s.id !== "string" || typeof s.userId !== "string" || s.token !== key) return null;
  const isDate = (d: unknown) => typeof d === "string" || typeof d === "number";
  if (!isDate(s.createdAt) || !isDate(s.expiresAt)) return null;
  return v as CachedSession;
}

/**
 * Wraps a better-auth secondaryStorage: a deleted cached session pushes `session.revoked` and closes that
 * session's connections (4401); a user's "sessions revoked before" mark closes that user's Bearer
 * connections. Everything else is passed through unchanged.
 *
 *   secondaryStorage: consoleSecondaryStorage(redisStorage({ client })),
 */
export function consoleSecondaryStorage<S extends SecondaryStorageLike>(storage: S): S {
  const wrapped = Object.create(storage) as S & { [WRAPPED_STORAGE]: true };
  Object.assign(wrapped, {
    [WRAPPED_STORAGE]: true,
    get: (key: string) => storage.get(key),
    async set(key: string, value: string, ttl?: number) {
      const r = await storage.set(key, value, ttl);
      if (key.startsWith(REVOKED_BEFORE) && key.length > REVOKED_BEFORE.length)
        closeChannels({ userId: key.slice(REVOKED_BEFORE.length), sessionsOnly: true, reason: "sessions revoked" });
      return r;
    },
    async delete(key: string) {
      const before = OTHER_KEYS.test(key) ? null : cachedSession(key, await storage.get(key));
      const r = await storage.delete(key);
      if (before) {
        emitEvent("session.revoked", toSession(before.session, before.user));
        closeChannels({ sessionId: before.session.id, reason: "session revoked" });
      }
      return r;
    },
  });
  return wrapped;
}
