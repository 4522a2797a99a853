// The console API (Pikku Admin's contract, console-api.md v1) as a better-auth plugin.
//
// better-auth alone cannot serve an admin console: over HTTP an admin can neither list nor mint API keys
// for another identity, there is no list of pending device codes, and admin/list-user-sessions hands out
// raw session tokens. This plugin adds those endpoints, checks that the caller is a *person* with the
// admin role (Bearer session; an API key alone is refused, both together are ambiguous), and never
// returns a secret except the new key's plaintext, once.
//
// It also feeds the live channel (./live.ts) from better-auth itself, not only from its own endpoints:
// session create/delete and user update/delete database hooks (so /sign-out, /revoke-session(s),
// /admin/revoke-user-session(s), /admin/ban-user and expiry clean-up all count), and after-hooks on the
// API Key plugin's own /api-key/create|update|delete.
import { APIError, createAuthEndpoint, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";

import { closeChannels, emitEvent, useConsoleBus, userChanged, type ConsoleBus } from "./events.js";

export {
  closeChannels, consoleBus, consoleEvents, emitEvent, useConsoleBus, userChanged,
  type BusMessage, type CloseTarget, type ConsoleBus, type ConsoleEvent, type PublicConnection, type UserChange,
} from "./events.js";
export { memoryBus } from "./bus/memory.js";
export { consoleSecondaryStorage, type SecondaryStorageLike } from "./storage.js";
// redisBus is in "@pikku-admin/better-auth-console/redis" (it needs ioredis).
export { attachLiveChannel, createLiveChannel } from "./live.js";
export type { LiveChannel, LiveChannelOptions } from "./live.js";

export interface ConsoleChannel {
  name: string;
  url: string;
  description: string;
}

export interface ConsolePluginOptions {
  /** Returns the auth instance's `api` (resolved lazily: the plugin is built before the instance). */
  api: () => any;
  apiKey?: {
    metadataEnabled?: boolean;
    /** seconds */
    minExpiresIn?: number;
    /** seconds */
    maxExpiresIn?: number;
    defaultPrefix?: string | null;
    rateLimit?: { enabled: boolean; timeWindow: number; maxRequests: number };
  };
  deviceAuthorization?: { expiresIn: number; interval: number };
  serverVersion?: string;
  /** The role that makes a user a service user, the only kind keys are minted for; default "service". */
  serviceUserRole?: string;
  /** Longest rotate overlap accepted, in seconds; default 30 days. Above it: 400 OVERLAP_TOO_LONG. */
  maxOverlapSeconds?: number;
  /**
   * The event bus shared by every instance (see README, "Several instances"): default in memory (one
   * process); redisBus({ url }) from "@pikku-admin/better-auth-console/redis" for several. One per process.
   */
  bus?: ConsoleBus;
  /** Absolute URLs of live channels; computed per request when a function. */
  channels?: ConsoleChannel[] | ((origin: string, basePath: string) => ConsoleChannel[]);
}


function keyUpdated(apiKey: ReturnType<typeof toApiKey>) {
  emitEvent("key.updated", apiKey);
  if (!apiKey.enabled) closeChannels({ keyId: apiKey.id, reason: "API key disabled" });
  else if (apiKey.expiresAt && Date.parse(apiKey.expiresAt) <= Date.now()) closeChannels({ keyId: apiKey.id, reason: "API key expired" });
}

function keyDeleted(apiKey: ReturnType<typeof toApiKey>) {
  emitEvent("key.deleted", apiKey);
  closeChannels({ keyId: apiKey.id, reason: "API key revoked" });
}

/** Set while a console endpoint calls the API Key plugin, so its hooks do not report the same change twice. */
const insideConsole = new AsyncLocalStorage<true>();
const viaConsole = <T>(fn: () => Promise<T>) => insideConsole.run(true, fn);

type Ctx = any;

/**
 * Every error code the console API answers with (body `{"code","message"}`), and its HTTP status. Stable:
 * clients may branch on the code; the message is for people.
 */
export const CONSOLE_ERROR_CODES = {
  VALIDATION_ERROR: { status: 400, description: "a field is missing or invalid; the message names it" },
  AMBIGUOUS_CREDENTIALS: { status: 400, description: "both Authorization: Bearer and x-api-key were sent" },
  OVERLAP_TOO_LONG: { status: 400, description: "rotate: overlapSeconds is above the server's maximum (/console/info apiKey.maxOverlapSeconds)" },
  UNAUTHORIZED: { status: 401, description: "no session, or an unknown, revoked or expired one" },
  FORBIDDEN: { status: 403, description: "the caller is not a person with the admin role (an API key alone is refused)" },
  OWNER_NOT_SERVICE_USER: { status: 403, description: "mint/rotate: keys are only minted for service users (the service role, not admin, no way to sign in)" },
  NOT_FOUND: { status: 404, description: "no such user, key or session" },
  CONFLICT: { status: 409, description: "a user with that email already exists" },
  REQUEST_ID_REUSED: { status: 409, description: "a requestId was sent again with a different request" },
} as const;
export type ConsoleErrorCode = keyof typeof CONSOLE_ERROR_CODES;

const STATUS_NAMES = { 400: "BAD_REQUEST", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND", 409: "CONFLICT" } as const;

function fail(code: ConsoleErrorCode, message: string): never {
  throw new APIError(STATUS_NAMES[CONSOLE_ERROR_CODES[code].status], { code, message });
}

function validation(field: string, message: string): never {
  fail("VALIDATION_ERROR", `${field}: ${message}`);
}

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const d = value instanceof Date ? value : new Date(value as string);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function parseJsonField(value: unknown): Record<string, unknown> {
  let v: unknown = value;
  // The API key plugin stores JSON text, sometimes encoded twice.
  for (let i = 0; i < 2 && typeof v === "string"; i++) {
    try {
      v = JSON.parse(v);
    } catch {
      return {};
    }
  }
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function roleList(role: unknown): string[] {
  if (Array.isArray(role)) return role.map(String);
  return typeof role === "string" ? role.split(",").map((r) => r.trim()).filter(Boolean) : [];
}

/** The ApiKey of the contract: userId = referenceId, rate-limit window in seconds, no hash, no secret. */
export function toApiKey(row: any) {
  return {
    id: row.id,
    userId: row.referenceId ?? row.userId ?? null,
    name: row.name ?? null,
    start: row.start ?? null,
    prefix: row.prefix ?? null,
    enabled: row.enabled !== false,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    expiresAt: iso(row.expiresAt),
    lastRequest: iso(row.lastRequest),
    requestCount: typeof row.requestCount === "number" ? row.requestCount : 0,
    remaining: typeof row.remaining === "number" ? row.remaining : null,
    rateLimitEnabled: row.rateLimitEnabled !== false,
    rateLimitMax: typeof row.rateLimitMax === "number" ? row.rateLimitMax : null,
    rateLimitTimeWindow: typeof row.rateLimitTimeWindow === "number" ? Math.round(row.rateLimitTimeWindow / 1000) : null,
    permissions: parseJsonField(row.permissions),
    metadata: parseJsonField(row.metadata),
  };
}

export function toSession(row: any, user: any) {
  return {
    id: row.id,
    userId: row.userId,
    userEmail: user?.email ?? null,
    userName: user?.name ?? null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    expiresAt: iso(row.expiresAt),
    ipAddress: row.ipAddress || null,
    userAgent: row.userAgent || null,
    impersonatedBy: row.impersonatedBy ?? null,
  };
}

function paging(query: any): { limit: number; offset: number } {
  const limit = query?.limit === undefined ? 50 : Number(query.limit);
  const offset = query?.offset === undefined ? 0 : Number(query.offset);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) validation("limit", "must be an integer from 1 to 1000");
  if (!Number.isInteger(offset) || offset < 0) validation("offset", "must be a non-negative integer");
  return { limit, offset };
}

function checkCredentialHeaders(ctx: Ctx) {
  const headers: Headers | undefined = ctx.headers ?? ctx.request?.headers;
  const apiKey = headers?.get("x-api-key");
  const authorization = headers?.get("authorization");
  if (apiKey && authorization) fail("AMBIGUOUS_CREDENTIALS", "send exactly one of Authorization: Bearer / x-api-key");
  if (apiKey) fail("FORBIDDEN", "API keys act as machines; console actions need an admin's session");
  if (!authorization) fail("UNAUTHORIZED", "no session: send Authorization: Bearer <session token>");
}

/** The caller must be a person (Bearer session) whose roles include admin. */
export async function requireAdmin(ctx: Ctx) {
  checkCredentialHeaders(ctx);
  const session = await getSessionFromCtx(ctx).catch(() => null);
  if (!session?.user) fail("UNAUTHORIZED", "the session is unknown, revoked or expired");
  if (!roleList((session.user as any).role).includes("admin")) fail("FORBIDDEN", "caller does not have the admin role");
  return session;
}

function asObject(body: unknown): Record<string, any> {
  if (!body || typeof body !== "object" || Array.isArray(body)) validation("body", "must be a JSON object");
  return body as Record<string, any>;
}

function optInt(body: Record<string, any>, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) validation(field, `must be an integer from ${min} to ${max}`);
  return v;
}

function optBool(body: Record<string, any>, field: string): boolean | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") validation(field, "must be true or false");
  return v;
}

function optString(body: Record<string, any>, field: string, maxLen: number): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string" || v.length === 0 || v.length > maxLen) validation(field, `must be a string of 1 to ${maxLen} characters`);
  return v;
}

const NAME_RE = /^[A-Za-z0-9_.:-]+$/;

function optPermissions(body: Record<string, any>): Record<string, string[]> | undefined {
  const v = body.permissions;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object" || Array.isArray(v)) validation("permissions", 'must be an object {"resource": ["action", ...]}');
  for (const [resource, actions] of Object.entries(v)) {
    if (!NAME_RE.test(resource)) validation("permissions", `resource "${resource}" has characters other than A-Z a-z 0-9 _ . : -`);
    if (!Array.isArray(actions) || actions.length === 0) validation("permissions", `resource "${resource}" needs a non-empty list of actions`);
    for (const a of actions) if (typeof a !== "string" || !NAME_RE.test(a)) validation("permissions", `action "${a}" of "${resource}" is not a valid name`);
  }
  return v as Record<string, string[]>;
}

function optMetadata(body: Record<string, any>): Record<string, unknown> | undefined {
  const v = body.metadata;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object" || Array.isArray(v)) validation("metadata", "must be a JSON object");
  return v as Record<string, unknown>;
}

/** Turns an APIError from the API key plugin into the contract's error shape. */
function rethrow(e: unknown): never {
  if (e instanceof APIError) {
    const body: any = (e as any).body ?? {};
    const code: string = body.code ?? "VALIDATION_ERROR";
    const message: string = body.message ?? e.message;
    const status = (e as any).statusCode ?? 400;
    if (status === 404 || code === "KEY_NOT_FOUND") fail("NOT_FOUND", message);
    if (code === "EXPIRES_IN_IS_TOO_SMALL" || code === "EXPIRES_IN_IS_TOO_LARGE") validation("expiresIn", message);
    if (code === "INVALID_NAME_LENGTH") validation("name", message);
    if (code === "INVALID_METADATA_TYPE" || code === "METADATA_DISABLED") validation("metadata", message);
    if (code === "INVALID_PREFIX_LENGTH") validation("prefix", message);
    if (status >= 400 && status < 500) fail("VALIDATION_ERROR", message);
  }
  throw e;
}

/** How long a mint/rotate reply is kept for a retry with the same requestId (memory only, never on disk). */
export const REQUEST_ID_WINDOW_SECONDS = 600;
const REQUEST_ID_MAX_ENTRIES = 1000;
const REQUEST_ID_RE = /^[\x21-\x7e]{1,128}$/;

function optRequestId(body: Record<string, any>): string | undefined {
  const v = body.requestId;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string" || !REQUEST_ID_RE.test(v)) validation("requestId", "must be 1 to 128 printable ASCII characters without spaces (a UUID)");
  return v;
}

/** JSON with object keys sorted, so two equal requests have the same fingerprint. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as any)[k])}`).join(",")}}`;
  return JSON.stringify(v) ?? "null";
}

/**
 * Replies of mint and rotate by (caller, operation, requestId), for REQUEST_ID_WINDOW_SECONDS: a retry
 * (the first reply was lost) gets the first reply, new secret included, instead of a second key. A retry
 * that arrives while the first is still running waits for it. Kept in memory only, so the secret is never
 * written anywhere; a server restart forgets them (then a retry is a new request). A first attempt that
 * failed is forgotten, so its retry runs again.
 */
class RequestIds {
  private entries = new Map<string, { fingerprint: string; at: number; reply: Promise<unknown> }>();

  async once<T>(callerId: string, op: string, requestId: string | undefined, fingerprint: string, run: () => Promise<T>): Promise<{ reply: T; replayed: boolean }> {
    if (requestId === undefined) return { reply: await run(), replayed: false };
    const now = Date.now();
    for (const [k, e] of this.entries) if (now - e.at >= REQUEST_ID_WINDOW_SECONDS * 1000) this.entries.delete(k);
    const k = `${callerId}\n${op}\n${requestId}`;
    const hit = this.entries.get(k);
    if (hit) {
      if (hit.fingerprint !== fingerprint)
        fail("REQUEST_ID_REUSED", `requestId ${requestId} was already used for a different ${op} request; use a new one per request`);
      return { reply: (await hit.reply) as T, replayed: true };
    }
    while (this.entries.size >= REQUEST_ID_MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const reply = run();
    this.entries.set(k, { fingerprint, at: now, reply });
    reply.catch(() => {
      if (this.entries.get(k)?.reply === reply) this.entries.delete(k);
    });
    return { reply: await reply, replayed: false };
  }
}

export function consolePlugin(options: ConsolePluginOptions) {
  const serviceRole = options.serviceUserRole ?? "service";
  const maxOverlap = options.maxOverlapSeconds ?? 30 * 86400;
  const requestIds = new RequestIds();
  if (options.bus) useConsoleBus(options.bus);

  const findKey = async (ctx: Ctx, keyId: unknown) => {
    if (typeof keyId !== "string" || !keyId) validation("keyId", "is required");
    const row = await ctx.context.adapter.findOne({ model: "apikey", where: [{ field: "id", value: keyId }] });
    if (!row) fail("NOT_FOUND", `no API key with id ${keyId}`);
    return row;
  };

  const findUser = async (ctx: Ctx, userId: string) => {
    const user = await ctx.context.adapter.findOne({ model: "user", where: [{ field: "id", value: userId }] });
    if (!user) fail("NOT_FOUND", `no user with id ${userId}`);
    return user;
  };

  /** The roles that make a user an admin: "admin" and the admin plugin's own adminRoles. */
  const adminRoles = (ctx: Ctx): Set<string> => {
    const plugin = (ctx.context.options.plugins ?? []).find((p: any) => p?.id === "admin");
    const configured = plugin?.options?.adminRoles;
    return new Set(["admin", ...(Array.isArray(configured) ? configured : configured ? [configured] : []).map(String)]);
  };

  /**
   * Keys are minted (and rotated) only for service identities: a user with the service role, without an
   * admin role, and with no way to sign in as a person (no account: no password, no social login). A key
   * for anyone else would act as that person (enableSessionForAPIKeys) and outlive their sessions.
   */
  const requireServiceOwner = async (ctx: Ctx, user: any) => {
    const roles = roleList(user.role);
    const who = `user ${user.id}`;
    if (!roles.includes(serviceRole))
      fail("OWNER_NOT_SERVICE_USER", `${who} is not a service user (no "${serviceRole}" role): keys are minted for service users only`);
    const admin = roles.find((r) => adminRoles(ctx).has(r));
    if (admin) fail("OWNER_NOT_SERVICE_USER", `${who} has the "${admin}" role: keys are never minted for admins`);
    const accounts = await ctx.context.adapter.count({ model: "account", where: [{ field: "userId", value: user.id }] });
    if (accounts > 0) fail("OWNER_NOT_SERVICE_USER", `${who} can sign in (a password or social account): keys are never minted for people`);
  };

  const serviceUsers = async (ctx: Ctx): Promise<any[]> => {
    const users: any[] = await ctx.context.adapter.findMany({
      model: "user",
      where: [{ field: "role", operator: "contains", value: serviceRole }],
    });
    return users
      .filter((u) => roleList(u.role).includes(serviceRole))
      .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
  };

  const toServiceUser = async (ctx: Ctx, u: any) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    banned: !!u.banned,
    createdAt: iso(u.createdAt),
    apiKeyCount: await ctx.context.adapter.count({ model: "apikey", where: [{ field: "referenceId", value: u.id }] }),
  });

  const readKey = async (ctx: Ctx, id: string) =>
    toApiKey(await ctx.context.adapter.findOne({ model: "apikey", where: [{ field: "id", value: id }] }));

  // Rows of keys about to be deleted through the API Key plugin's own /api-key/delete, by id: the
  // after-hook reports them (the row is gone by then).
  const deleting = new Map<string, any>();
  const keyRow = (ctx: Ctx, id: string) => ctx.context.adapter.findOne({ model: "apikey", where: [{ field: "id", value: id }] });
  const succeeded = (ctx: Ctx) => {
    const r = ctx.context?.returned;
    return r !== undefined && r !== null && !(r instanceof Error) && !(typeof r === "object" && "statusCode" in r && r.statusCode >= 400);
  };
  const apiKeyPath = (ctx: Ctx, ...paths: string[]) => !insideConsole.getStore() && paths.includes(ctx.path);

  return {
    id: "pikku-console",
    // Database hooks contributed by the plugin (better-auth merges init().options.databaseHooks with the
    // app's own): every session that is created or deleted, by any endpoint or by expiry clean-up, reaches
    // the live channel, and a deleted session's or banned user's open connections are closed.
    init(authCtx: any) {
      const storage = authCtx.options?.secondaryStorage;
      if (storage && !authCtx.options?.session?.storeSessionInDatabase && !storage[Symbol.for("pikku-console.secondary-storage")])
        authCtx.logger?.warn?.(
          "pikku-console: sessions live in secondaryStorage without database hooks; wrap it in consoleSecondaryStorage() " +
            "so revoked sessions close their live channels at once (otherwise only at the next re-check)",
        );
      const userOf = (id: string) =>
        authCtx.adapter.findOne({ model: "user", where: [{ field: "id", value: id }] }).catch(() => null);
      return {
        options: {
          databaseHooks: {
            session: {
              create: {
                after: async (session: any) => {
                  emitEvent("session.created", toSession(session, await userOf(session.userId)));
                },
              },
              delete: {
                after: async (session: any) => {
                  emitEvent("session.revoked", toSession(session, await userOf(session.userId)));
                  closeChannels({ sessionId: session.id, reason: "session revoked" });
                },
              },
            },
            user: {
              update: {
                after: async (user: any) => {
                  if (user?.banned === true) closeChannels({ userId: user.id, reason: "user banned" });
                  else if (user?.id) userChanged(user);   // a role change: demoted admins lose their channels
                },
              },
              delete: {
                after: async (user: any) => {
                  if (user?.id) closeChannels({ userId: user.id, reason: "user deleted" });
                },
              },
            },
          },
        },
      };
    },
    hooks: {
      before: [
        // Runs before the API key plugin's own hook (list this plugin first), so a console request that
        // carries a key is refused for what it is, without spending one of the key's rate-limit slots.
        {
          matcher: (ctx: Ctx) => typeof ctx.path === "string" && ctx.path.startsWith("/console/"),
          handler: createAuthMiddleware(async (ctx: Ctx) => {
            checkCredentialHeaders(ctx);
          }),
        },
        {
          matcher: (ctx: Ctx) => apiKeyPath(ctx, "/api-key/delete"),
          handler: createAuthMiddleware(async (ctx: Ctx) => {
            const id = ctx.body?.keyId;
            if (typeof id !== "string" || !id) return;
            const row = await keyRow(ctx, id).catch(() => null);
            if (row) deleting.set(id, row);
          }),
        },
      ],
      // The API Key plugin writes through the adapter without database hooks: report its own endpoints'
      // changes here (HTTP and auth.api calls alike; the console's own calls report themselves).
      after: [
        {
          matcher: (ctx: Ctx) => apiKeyPath(ctx, "/api-key/create", "/api-key/update", "/api-key/delete"),
          handler: createAuthMiddleware(async (ctx: Ctx) => {
            if (ctx.path === "/api-key/delete") {
              const id = ctx.body?.keyId;
              const row = deleting.get(id);
              deleting.delete(id);
              if (row && succeeded(ctx) && !(await keyRow(ctx, id))) keyDeleted(toApiKey(row));
              return;
            }
            if (!succeeded(ctx)) return;
            const id = ctx.path === "/api-key/create" ? (ctx.context.returned as any)?.id : ctx.body?.keyId;
            const row = typeof id === "string" ? await keyRow(ctx, id) : null;
            if (!row) return;
            if (ctx.path === "/api-key/create") emitEvent("key.created", toApiKey(row));
            else keyUpdated(toApiKey(row));
          }),
        },
      ],
    },
    endpoints: {
      consoleInfo: createAuthEndpoint("/console/info", { method: "GET" }, async (ctx: Ctx) => {
        await requireAdmin(ctx);
        const ids = new Set((ctx.context.options.plugins ?? []).map((p: any) => p.id));
        const base = new URL(ctx.context.baseURL);
        const basePath = ctx.context.options.basePath ?? "/api/auth";
        const channels =
          typeof options.channels === "function" ? options.channels(base.origin, basePath) : options.channels ?? [];
        const k = options.apiKey ?? {};
        return ctx.json({
          apiVersion: 1,
          serverVersion: options.serverVersion ?? null,
          basePath,
          plugins: {
            deviceAuthorization: ids.has("device-authorization"),
            bearer: ids.has("bearer"),
            admin: ids.has("admin"),
            apiKey: ids.has("api-key"),
          },
          apiKey: {
            metadataEnabled: k.metadataEnabled ?? false,
            minExpiresIn: k.minExpiresIn ?? 86400,
            maxExpiresIn: k.maxExpiresIn ?? 365 * 86400,
            defaultPrefix: k.defaultPrefix ?? null,
            rateLimit: k.rateLimit ?? { enabled: true, timeWindow: 86400, maxRequests: 10 },
            maxOverlapSeconds: maxOverlap,
          },
          deviceAuthorization: options.deviceAuthorization ?? null,
          serviceUserRole: serviceRole,
          channels,
          // Additive to console-api.md v1: what this server does beyond the v1 contract.
          features: ["api-keys.requestId", "api-keys.maxOverlapSeconds", "api-keys.serviceOwnersOnly", "live.recheck"],
          requestIdWindowSeconds: REQUEST_ID_WINDOW_SECONDS,
        });
      }),

      consoleListServiceUsers: createAuthEndpoint("/console/service-users", { method: "GET" }, async (ctx: Ctx) => {
        await requireAdmin(ctx);
        const { limit, offset } = paging(ctx.query);
        const search = typeof ctx.query?.search === "string" ? ctx.query.search.toLowerCase() : "";
        let users = await serviceUsers(ctx);
        if (search) users = users.filter((u) => `${u.name} ${u.email}`.toLowerCase().includes(search));
        const page = await Promise.all(users.slice(offset, offset + limit).map((u) => toServiceUser(ctx, u)));
        return ctx.json({ users: page, total: users.length });
      }),

      consoleCreateServiceUser: createAuthEndpoint("/console/service-users/create", { method: "POST" }, async (ctx: Ctx) => {
        await requireAdmin(ctx);
        const body = asObject(ctx.body);
        const name = optString(body, "name", 100);
        if (!name) validation("name", "is required");
        let email = optString(body, "email", 254)?.toLowerCase();
        if (email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(email)) validation("email", "is not an email address");
        if (email) {
          const existing = await ctx.context.adapter.findOne({ model: "user", where: [{ field: "email", value: email }] });
          if (existing) fail("CONFLICT", `a user with email ${email} already exists`);
        } else {
          email = `svc-${randomBytes(6).toString("hex")}@service.invalid`;
        }
        const now = new Date();
        const user = await ctx.context.adapter.create({
          model: "user",
          data: { name, email, emailVerified: true, role: serviceRole, banned: false, createdAt: now, updatedAt: now },
        });
        ctx.setStatus(201);
        return ctx.json({ user: await toServiceUser(ctx, user) });
      }),

      consoleListApiKeys: createAuthEndpoint("/console/api-keys", { method: "GET" }, async (ctx: Ctx) => {
        await requireAdmin(ctx);
        const { limit, offset } = paging(ctx.query);
        const userId = typeof ctx.query?.userId === "string" && ctx.query.userId ? ctx.query.userId : undefined;
        let where: any[];
        if (userId) {
          await findUser(ctx, userId);
          where = [{ field: "referenceId", value: userId }];
        } else {
          const ids = (await serviceUsers(ctx)).map((u) => u.id);
          if (ids.length === 0) return ctx.json({ apiKeys: [], total: 0 });
          where = [{ field: "referenceId", operator: "in", value: ids }];
        }
        const [rows, total] = await Promise.all([
          ctx.context.adapter.findMany({ model: "apikey", where, limit, offset, sortBy: { field: "createdAt", direction: "desc" } }),
          ctx.context.adapter.count({ model: "apikey", where }),
        ]);
        return ctx.json({ apiKeys: rows.map(toApiKey), total });
      }),

      consoleCreateApiKey: createAuthEndpoint("/console/api-keys/create", { method: "POST" }, async (ctx: Ctx) => {
        const caller = await requireAdmin(ctx);
        const body = asObject(ctx.body);
        const requestId = optRequestId(body);
        if (typeof body.userId !== "string" || !body.userId) validation("userId", "is required");
        await requireServiceOwner(ctx, await findUser(ctx, body.userId));
        const name = optString(body, "name", 32);
        if (!name) validation("name", "is required (1 to 32 characters)");
        const fields: Record<string, unknown> = {
          userId: body.userId,
          name,
          expiresIn: optInt(body, "expiresIn", 1),
          permissions: optPermissions(body),
          metadata: optMetadata(body),
          prefix: optString(body, "prefix", 32),
          rateLimitEnabled: optBool(body, "rateLimitEnabled"),
          rateLimitMax: optInt(body, "rateLimitMax", 1),
          rateLimitTimeWindow: (() => {
            const s = optInt(body, "rateLimitTimeWindow", 1);
            return s === undefined ? undefined : s * 1000;
          })(),
          remaining: optInt(body, "remaining", 0),
        };
        if (fields.prefix !== undefined && !/^[a-zA-Z0-9_-]+$/.test(fields.prefix as string))
          validation("prefix", "may only contain letters, digits, _ and -");
        for (const k of Object.keys(fields)) if (fields[k] === undefined) delete fields[k];
        const { reply, replayed } = await requestIds.once(caller.user.id, "create", requestId, canonical(fields), async () => {
          let created: any;
          try {
            // No headers: with headers the API key plugin silently ignores userId and gives the key to the caller.
            created = await viaConsole(() => options.api().createApiKey({ body: fields }));
          } catch (e) {
            rethrow(e);
          }
          const apiKey = await readKey(ctx, created.id);
          emitEvent("key.created", apiKey);
          return { apiKey, key: created.key as string };
        });
        if (replayed) ctx.setHeader("idempotent-replayed", "true");
        ctx.setStatus(201);
        return ctx.json(reply);
      }),

      consoleUpdateApiKey: createAuthEndpoint("/console/api-keys/update", { method: "POST" }, async (ctx: Ctx) => {
        await requireAdmin(ctx);
        const body = asObject(ctx.body);
        const row = await findKey(ctx, body.keyId);
        const fields: Record<string, unknown> = {
          name: optString(body, "name", 32),
          enabled: optBool(body, "enabled"),
          permissions: optPermissions(body),
          metadata: optMetadata(body),
          rateLimitEnabled: optBool(body, "rateLimitEnabled"),
          rateLimitMax: optInt(body, "rateLimitMax", 1),
          rateLimitTimeWindow: (() => {
            const s = optInt(body, "rateLimitTimeWindow", 1);
            return s === undefined ? undefined : s * 1000;
          })(),
          remaining: optInt(body, "remaining", 0),
        };
        if ("expiresIn" in body) fields.expiresIn = body.expiresIn === null ? null : optInt(body, "expiresIn", 1);
        for (const k of Object.keys(fields)) if (fields[k] === undefined) delete fields[k];
        if (Object.keys(fields).length === 0) validation("body", "nothing to update");
        try {
          await viaConsole(() => options.api().updateApiKey({ body: { keyId: row.id, userId: row.referenceId, ...fields } }));
        } catch (e) {
          rethrow(e);
        }
        const apiKey = await readKey(ctx, row.id);
        keyUpdated(apiKey);
        return ctx.json({ apiKey });
      }),

      consoleDeleteApiKey: createAuthEndpoint("/console/api-keys/delete", { method: "POST" }, async (ctx: Ctx) => {
        await requireAdmin(ctx);
        const body = asObject(ctx.body);
        const row = await findKey(ctx, body.keyId);
        await ctx.context.adapter.delete({ model: "apikey", where: [{ field: "id", value: row.id }] });
        keyDeleted(toApiKey(row));
        return ctx.json({ success: true });
      }),

      consoleRotateApiKey: createAuthEndpoint("/console/api-keys/rotate", { method: "POST" }, async (ctx: Ctx) => {
        const caller = await requireAdmin(ctx);
        const body = asObject(ctx.body);
        const requestId = optRequestId(body);
        if (typeof body.keyId !== "string" || !body.keyId) validation("keyId", "is required");
        const overlapIn = optInt(body, "overlapSeconds", 0);
        if (overlapIn === undefined) validation("overlapSeconds", "is required (0 retires the old key at once)");
        if (overlapIn > maxOverlap)
          fail("OVERLAP_TOO_LONG", `overlapSeconds: at most ${maxOverlap} (${Math.floor(maxOverlap / 86400)} days); got ${overlapIn}`);
        const expiresInIn = optInt(body, "expiresIn", 1);
        const fingerprint = canonical({ keyId: body.keyId, overlapSeconds: overlapIn, expiresIn: expiresInIn ?? null });
        // A retry with the same requestId is answered from the first reply, before the key is looked at again
        // (by then it is the retiring key, and rotating it again would mint a second new key).
        const { reply, replayed } = await requestIds.once(caller.user.id, "rotate", requestId, fingerprint, async () => {
          const old = await findKey(ctx, body.keyId);
          const owner = await ctx.context.adapter.findOne({ model: "user", where: [{ field: "id", value: old.referenceId }] });
          if (!owner) fail("NOT_FOUND", `the owner of API key ${old.id} no longer exists`);
          await requireServiceOwner(ctx, owner);
          const overlap = overlapIn;
          const now = Date.now();
          const oldExpiry = old.expiresAt ? new Date(old.expiresAt).getTime() : null;
          let expiresIn = expiresInIn;
          if (expiresIn === undefined && oldExpiry !== null) {
            // The new key lives as long as the old key's lifetime, counted from now, within the API Key
            // plugin's bounds: a key already in its overlap (its expiry shortened by an earlier rotation) has
            // a short "lifetime" that the plugin would refuse as below its minimum.
            const k = options.apiKey ?? {};
            const lifetime = Math.round((oldExpiry - new Date(old.createdAt).getTime()) / 1000);
            expiresIn = Math.min(k.maxExpiresIn ?? 365 * 86400, Math.max(k.minExpiresIn ?? 86400, lifetime));
          }
          const prev = toApiKey(old);
          const fields: Record<string, unknown> = {
            userId: old.referenceId,
            name: old.name ?? undefined,
            expiresIn,
            permissions: Object.keys(prev.permissions).length ? prev.permissions : undefined,
            metadata: Object.keys(prev.metadata).length ? prev.metadata : undefined,
            prefix: old.prefix ?? undefined,
            rateLimitEnabled: old.rateLimitEnabled,
            rateLimitMax: old.rateLimitMax ?? undefined,
            rateLimitTimeWindow: old.rateLimitTimeWindow ?? undefined,
            remaining: old.remaining ?? undefined,
          };
          for (const k of Object.keys(fields)) if (fields[k] === undefined || fields[k] === null) delete fields[k];
          let created: any;
          try {
            created = await viaConsole(() => options.api().createApiKey({ body: fields }));
            if (old.enabled === false)
              await viaConsole(() => options.api().updateApiKey({ body: { keyId: created.id, userId: old.referenceId, enabled: false } }));
          } catch (e) {
            rethrow(e);
          }
          // Shorter than the plugin's one-day minimum is fine here: we write the expiry directly.
          const retireAt = Math.min(now + overlap * 1000, oldExpiry ?? Number.POSITIVE_INFINITY);
          await ctx.context.adapter.update({
            model: "apikey",
            where: [{ field: "id", value: old.id }],
            update: { expiresAt: new Date(retireAt) },
          });
          const apiKey = await readKey(ctx, created.id);
          const previous = await readKey(ctx, old.id);
          emitEvent("key.created", apiKey);
          keyUpdated(previous);
          return { apiKey, key: created.key as string, previous };
        });
        if (replayed) ctx.setHeader("idempotent-replayed", "true");
        ctx.setStatus(201);
        return ctx.json(reply);
      }),

      consoleDeviceCodes: createAuthEndpoint("/console/device-codes", { method: "GET" }, async (ctx: Ctx) => {
        await requireAdmin(ctx);
        const rows: any[] = await ctx.context.adapter.findMany({ model: "deviceCode", where: [{ field: "status", value: "pending" }] });
        const lifetime = (options.deviceAuthorization?.expiresIn ?? 1800) * 1000;
        const now = Date.now();
        const deviceCodes = rows
          .filter((r) => new Date(r.expiresAt).getTime() > now)
          .map((r) => ({
            // never the device_code itself: it is the polling client's secret
            userCode: r.userCode,
            clientId: r.clientId ?? null,
            scope: r.scope ?? null,
            status: r.status,
            createdAt: iso(new Date(new Date(r.expiresAt).getTime() - lifetime)),
            expiresAt: iso(r.expiresAt),
          }))
          .sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
        return ctx.json({ deviceCodes });
      }),

      consoleListSessions: createAuthEndpoint("/console/sessions", { method: "GET" }, async (ctx: Ctx) => {
        await requireAdmin(ctx);
        const { limit, offset } = paging(ctx.query);
        const where: any[] = [{ field: "expiresAt", operator: "gt", value: new Date() }];
        const userId = typeof ctx.query?.userId === "string" && ctx.query.userId ? ctx.query.userId : undefined;
        if (userId) {
          await findUser(ctx, userId);
          where.push({ field: "userId", value: userId });
        }
        const [rows, total] = await Promise.all([
          ctx.context.adapter.findMany({ model: "session", where, limit, offset, sortBy: { field: "createdAt", direction: "desc" } }),
          ctx.context.adapter.count({ model: "session", where }),
        ]);
        const ids = [...new Set(rows.map((r: any) => r.userId))];
        const users: any[] = ids.length
          ? await ctx.context.adapter.findMany({ model: "user", where: [{ field: "id", operator: "in", value: ids }] })
          : [];
        const byId = new Map(users.map((u) => [u.id, u]));
        return ctx.json({ sessions: rows.map((r: any) => toSession(r, byId.get(r.userId))), total });
      }),

      consoleRevokeSession: createAuthEndpoint("/console/sessions/revoke", { method: "POST" }, async (ctx: Ctx) => {
        await requireAdmin(ctx);
        const body = asObject(ctx.body);
        if (typeof body.sessionId !== "string" || !body.sessionId) validation("sessionId", "is required");
        const row = await ctx.context.adapter.findOne({ model: "session", where: [{ field: "id", value: body.sessionId }] });
        if (!row) fail("NOT_FOUND", `no session with id ${body.sessionId}`);
        // The session delete hook (init below) emits session.revoked and closes the session's channels.
        await ctx.context.internalAdapter.deleteSession(row.token);
        return ctx.json({ success: true });
      }),
    },
  };
}
