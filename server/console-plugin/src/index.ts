// The console API (Pikku Admin's contract, console-api.md v1, plus the additive v1.1 in
// docs/console-api-v1.1.md) as a better-auth plugin.
//
// better-auth alone cannot serve an admin console: over HTTP an admin can neither list nor mint API keys
// for another identity, there is no list of pending device codes, and admin/list-user-sessions hands out
// raw session tokens. This plugin adds those endpoints, checks that the caller is a *person* who is an
// admin by the admin plugin's own rules (adminUserIds, adminRoles; Bearer session; an API key alone is
// refused, both together are ambiguous), and never returns a secret except the new key's plaintext, once.
//
// better-auth's conventions: every endpoint is createAuthEndpoint with zod schemas for its body and query,
// the admin check is `use: [consoleAdminMiddleware]`, errors come from one table ($ERROR_CODES), each
// endpoint has OpenAPI metadata, and ./client.ts is the typed client plugin (consoleClient()).
//
// It also feeds the live channel (./live.ts) from better-auth itself, not only from its own endpoints:
// session create/delete and user update/delete database hooks (so /sign-out, /revoke-session(s),
// /admin/revoke-user-session(s), /admin/ban-user and expiry clean-up all count), and after-hooks on the
// API Key plugin's own /api-key/create|update|delete.
import type { BetterAuthPlugin, Where } from "better-auth";
import { APIError, createAuthEndpoint, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import * as z from "zod";

import { closeChannels, consoleBus, emitEvent, localConnections, useConsoleBus, userChanged, type ConsoleBus } from "./events.js";
import { CursorError, decodeCursor, keysetPage, type PagingAdapter, type SortSpec } from "./paging.js";
import { createHash } from "node:crypto";
import {
  AUDIT_MODEL, apiKeyHash, auditSchema, auditTarget, bounded, isAudited, toAuditEntry, type AuditActor, type AuditRow,
} from "./audit.js";
import { USAGE_MODEL, UsageCounter, buckets, usageSchema, type UsageAdapter, type UsageOutcome } from "./usage.js";

export {
  closeChannels, consoleBus, consoleEvents, emitEvent, useConsoleBus, userChanged,
  type BusMessage, type CloseTarget, type ConsoleBus, type ConsoleEvent, type PublicConnection, type UserChange,
} from "./events.js";
export { memoryBus } from "./bus/memory.js";
export { consoleSecondaryStorage, type SecondaryStorageLike } from "./storage.js";
// redisBus is in "@pikku-admin/better-auth-console/redis" (it needs ioredis).
export { attachLiveChannel, createLiveChannel } from "./live.js";
export { AUDIT_MODEL, toAuditEntry, type AuditRow, type ConsoleAuditEntry } from "./audit.js";
export type { LiveAuth, LiveChannel, LiveChannelOptions } from "./live.js";

export interface ConsoleChannel {
  name: string;
  url: string;
  description: string;
}

/** What the plugin calls on the auth instance: the API Key plugin's server-side create and update. */
export interface ConsoleAuthApi {
  createApiKey(input: { body: Record<string, unknown> }): Promise<{ id: string; key: string }>;
  updateApiKey(input: { body: Record<string, unknown> }): Promise<unknown>;
}

/** One resource of the permission catalogue: its actions (API key permissions are {resource: [action, ...]}). */
export interface PermissionResource {
  resource: string;
  description?: string;
  actions: { name: string; description?: string }[];
}

export interface ConsolePluginOptions {
  /**
   * The permissions this deployment's keys use, announced in /console/info (`permissions.catalogue`) so a
   * console can show them as a grid. Informational: keys may still carry permissions outside it.
   * At most 200 resources of at most 100 actions; names use A-Z a-z 0-9 _ . : -; descriptions ≤ 200 characters.
   */
  permissionCatalogue?: PermissionResource[];
  /**
   * Per-key hourly verification counts (success, failure, rate-limited) in the consoleKeyUsage table: counted
   * in memory on each auth.api.verifyApiKey (the live channel's too) and written every flushSeconds (1 to
   * 3600, default 10). false: not counted. A process that dies loses at most the last flushSeconds.
   */
  keyUsage?: false | { flushSeconds?: number };
  /** Returns the auth instance's `api` (resolved lazily: the plugin is built before the instance). */
  api: () => ConsoleAuthApi;
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

/** better-auth's endpoint context (what hooks, middleware and helpers receive). */
type Ctx = Parameters<typeof getSessionFromCtx>[0];
type AuthCtx = Ctx["context"];
type DateLike = Date | string | number;
/** What the plugin's endpoint hooks read from their context. */
interface HookCtx {
  path?: string;
  body?: unknown;
  context: { adapter: AuthCtx["adapter"]; returned?: unknown };
}

/** The rows the plugin reads, as far as it reads them (the adapter returns the database's columns). */
export interface UserRow {
  id: string;
  name: string;
  email: string;
  role?: string | null;
  banned?: boolean | null;
  createdAt: DateLike;
}
export interface ApiKeyRow {
  id: string;
  referenceId?: string | null;
  userId?: string | null;
  name?: string | null;
  start?: string | null;
  prefix?: string | null;
  enabled?: boolean | null;
  createdAt: DateLike;
  updatedAt?: DateLike | null;
  expiresAt?: DateLike | null;
  lastRequest?: DateLike | null;
  requestCount?: number | null;
  remaining?: number | null;
  rateLimitEnabled?: boolean | null;
  rateLimitMax?: number | null;
  rateLimitTimeWindow?: number | null;
  permissions?: unknown;
  metadata?: unknown;
}
export interface SessionRow {
  id: string;
  userId: string;
  token: string;
  createdAt: DateLike;
  updatedAt?: DateLike | null;
  expiresAt: DateLike;
  ipAddress?: string | null;
  userAgent?: string | null;
  impersonatedBy?: string | null;
}
interface DeviceCodeRow {
  userCode: string;
  clientId?: string | null;
  scope?: string | null;
  status: string;
  expiresAt: DateLike;
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

/**
 * Every error code the console API answers with (body `{"code","message"}`), and its HTTP status. Stable:
 * clients may branch on the code; the message is for people.
 */
export const CONSOLE_ERROR_CODES = {
  VALIDATION_ERROR: { status: 400, description: "a field is missing or invalid; the message names it" },
  AMBIGUOUS_CREDENTIALS: { status: 400, description: "both Authorization: Bearer and x-api-key were sent" },
  OVERLAP_TOO_LONG: { status: 400, description: "rotate: overlapSeconds is above the server's maximum (/console/info apiKey.maxOverlapSeconds)" },
  UNAUTHORIZED: { status: 401, description: "no session, or an unknown, revoked or expired one" },
  FORBIDDEN: { status: 403, description: "the caller is not a person who is an admin (adminUserIds or an adminRoles role; an API key alone is refused)" },
  OWNER_NOT_SERVICE_USER: { status: 403, description: "mint/rotate: keys are only minted for service users (the service role, not admin, no way to sign in)" },
  NOT_FOUND: { status: 404, description: "no such user, key or session" },
  CONFLICT: { status: 409, description: "a user with that email already exists" },
  REQUEST_ID_REUSED: { status: 409, description: "a requestId was sent again with a different request" },
  NOT_SERVICE_USER: { status: 400, description: "service-user lifecycle: the user is not a service user (people go through the admin plugin's endpoints)" },
  LOCKOUT: { status: 409, description: "refused: it would act on the caller's own account or on an admin (the console never locks its admins out)" },
} as const;
export type ConsoleErrorCode = keyof typeof CONSOLE_ERROR_CODES;

/**
 * The same table in better-auth's `$ERROR_CODES` shape (what `defineErrorCodes` makes: code → {code,
 * message}), on the server plugin and on consoleClient(), so a client can branch on `error.code`.
 */
export const CONSOLE_$ERROR_CODES = Object.fromEntries(
  Object.entries(CONSOLE_ERROR_CODES).map(([code, v]) => [code, { code, message: v.description }]),
) as { [K in ConsoleErrorCode]: { code: K; message: (typeof CONSOLE_ERROR_CODES)[K]["description"] } };

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
export function toApiKey(row: ApiKeyRow) {
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
export type ConsoleApiKey = ReturnType<typeof toApiKey>;

export function toSession(row: SessionRow, user: { email?: string | null; name?: string | null } | null | undefined) {
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
export type ConsoleSession = ReturnType<typeof toSession>;

function checkCredentialHeaders(headers: Headers | undefined | null) {
  const apiKey = headers?.get("x-api-key");
  const authorization = headers?.get("authorization");
  if (apiKey && authorization) fail("AMBIGUOUS_CREDENTIALS", "send exactly one of Authorization: Bearer / x-api-key");
  if (apiKey) fail("FORBIDDEN", "API keys act as machines; console actions need an admin's session");
  if (!authorization) fail("UNAUTHORIZED", "no session: send Authorization: Bearer <session token>");
}

const requestHeaders = (ctx: Ctx): Headers | undefined => ctx.headers ?? ctx.request?.headers;

/** The admin plugin's options as given to admin() (adminRoles, adminUserIds), if it is installed. */
interface AdminPluginOptions {
  adminRoles?: string | string[];
  adminUserIds?: string[];
}
function adminOptions(context: Pick<AuthCtx, "options">): AdminPluginOptions {
  const plugins = (context.options.plugins ?? []) as ReadonlyArray<{ id?: string; options?: unknown } | undefined>;
  const plugin = plugins.find((p) => p?.id === "admin") as { options?: AdminPluginOptions } | undefined;
  return plugin?.options ?? {};
}

/** The roles the admin plugin treats as admin roles: its `adminRoles`, default ["admin"]. */
export function consoleAdminRoles(context: Pick<AuthCtx, "options">): string[] {
  const configured = adminOptions(context).adminRoles;
  if (configured === undefined) return ["admin"];
  return (Array.isArray(configured) ? configured : configured.split(",")).map((r) => r.trim()).filter(Boolean);
}

/** Whether the admin plugin would call this user an admin: listed in adminUserIds, or a role in adminRoles. */
export function isConsoleAdmin(context: Pick<AuthCtx, "options">, user: { id: string; role?: unknown }): boolean {
  if (adminOptions(context).adminUserIds?.includes(user.id)) return true;
  const roles = new Set(consoleAdminRoles(context));
  return roleList(user.role).some((r) => roles.has(r));
}

/**
 * `use:` middleware of every console endpoint: the caller is a person (Bearer session, no API key) whom the
 * admin plugin counts as an admin. The endpoint gets the session as ctx.context.session.
 */
export const consoleAdminMiddleware = createAuthMiddleware(async (ctx) => {
  checkCredentialHeaders(requestHeaders(ctx));
  const session = await getSessionFromCtx(ctx).catch(() => null);
  if (!session?.user) fail("UNAUTHORIZED", "the session is unknown, revoked or expired");
  if (!isConsoleAdmin(ctx.context, session.user)) fail("FORBIDDEN", "caller is not an admin (admin plugin: adminUserIds or an adminRoles role)");
  return { session };
});

/** The caller must be a person (Bearer session) who is an admin (kept for callers of v0.1's export). */
export async function requireAdmin(ctx: Ctx) {
  checkCredentialHeaders(requestHeaders(ctx));
  const session = await getSessionFromCtx(ctx).catch(() => null);
  if (!session?.user) fail("UNAUTHORIZED", "the session is unknown, revoked or expired");
  if (!isConsoleAdmin(ctx.context, session.user)) fail("FORBIDDEN", "caller is not an admin (admin plugin: adminUserIds or an adminRoles role)");
  return session;
}

// ---- zod schemas (bodies and queries). better-call answers a failure with
// 400 {"code":"VALIDATION_ERROR","message":"[body.<field>] <message>"}: the message names the field.

const MAX_INT = Number.MAX_SAFE_INTEGER;
const intIn = (min: number, max = MAX_INT) => {
  const error = `must be an integer from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
const text = (maxLen: number) => {
  const error = `must be a string of 1 to ${maxLen} characters`;
  return z.string({ error }).min(1, { error }).max(maxLen, { error });
};
const bool = () => z.boolean({ error: "must be true or false" });
const id = (what: string) => z.string({ error: `is required (the ${what} id)` }).min(1, { error: `is required (the ${what} id)` }).max(256, { error: "is too long" });

const NAME_RE = /^[A-Za-z0-9_.:-]+$/;
const permissionsSchema = z.record(
  z.string().regex(NAME_RE, { error: "resource names use only A-Z a-z 0-9 _ . : -" }),
  z.array(z.string({ error: "an action is a name" }).regex(NAME_RE, { error: "action names use only A-Z a-z 0-9 _ . : -" }), {
    error: 'must be an object {"resource": ["action", ...]}',
  }).min(1, { error: "needs a non-empty list of actions" }),
  { error: 'must be an object {"resource": ["action", ...]}' },
);
const metadataSchema = z.record(z.string(), z.unknown(), { error: "must be a JSON object" });

/** How long a mint/rotate reply is kept for a retry with the same requestId (memory only, never on disk). */
export const REQUEST_ID_WINDOW_SECONDS = 600;
const REQUEST_ID_MAX_ENTRIES = 1000;
const REQUEST_ID_RE = /^[\x21-\x7e]{1,128}$/;
const requestIdSchema = z.string({ error: "must be 1 to 128 printable ASCII characters without spaces (a UUID)" }).regex(REQUEST_ID_RE, {
  error: "must be 1 to 128 printable ASCII characters without spaces (a UUID)",
});

const rateLimitFields = {
  rateLimitEnabled: bool().nullish(),
  rateLimitMax: intIn(1).nullish(),
  /** seconds */
  rateLimitTimeWindow: intIn(1).nullish(),
  remaining: intIn(0).nullish(),
};

const createServiceUserBody = z.object({
  name: text(100),
  email: text(254).regex(/^[^\s@]+@[^\s@]+$/, { error: "is not an email address" }).nullish(),
});

const createApiKeyBody = z.object({
  userId: id("owner's user"),
  name: z.string({ error: "is required (1 to 32 characters)" }).min(1, { error: "is required (1 to 32 characters)" }).max(32, { error: "must be a string of 1 to 32 characters" }),
  expiresIn: intIn(1).nullish(),
  permissions: permissionsSchema.nullish(),
  metadata: metadataSchema.nullish(),
  prefix: text(32).regex(/^[a-zA-Z0-9_-]+$/, { error: "may only contain letters, digits, _ and -" }).nullish(),
  requestId: requestIdSchema.nullish(),
  ...rateLimitFields,
});

const updateApiKeyBody = z.object({
  keyId: id("API key"),
  name: text(32).nullish(),
  enabled: bool().nullish(),
  /** null: never expires */
  expiresIn: intIn(1).nullish(),
  permissions: permissionsSchema.nullish(),
  metadata: metadataSchema.nullish(),
  ...rateLimitFields,
});

const keyIdBody = z.object({ keyId: id("API key") });

const rotateApiKeyBody = z.object({
  keyId: id("API key"),
  overlapSeconds: z.number({
    error: (issue) => (issue.input === undefined ? "is required (0 retires the old key at once)" : `must be an integer from 0 to ${MAX_INT}`),
  }).int({ error: `must be an integer from 0 to ${MAX_INT}` }).min(0, { error: `must be an integer from 0 to ${MAX_INT}` }),
  expiresIn: intIn(1).nullish(),
  requestId: requestIdSchema.nullish(),
});

const sessionIdBody = z.object({ sessionId: id("session") });
const userIdBody = z.object({ userId: id("service user") });
const renameServiceUserBody = z.object({ userId: id("service user"), name: text(100) });

// Queries arrive as strings (and as numbers from auth.api calls): limit and offset are coerced.
const limitQuery = z.coerce.number({ error: "must be an integer from 1 to 1000" }).int({ error: "must be an integer from 1 to 1000" })
  .min(1, { error: "must be an integer from 1 to 1000" }).max(1000, { error: "must be an integer from 1 to 1000" }).optional()
  .meta({ description: "page size, 1 to 1000 (default 50)" });
const offsetQuery = z.coerce.number({ error: "must be a non-negative integer" }).int({ error: "must be a non-negative integer" })
  .min(0, { error: "must be a non-negative integer" }).max(MAX_INT, { error: "must be a non-negative integer" }).optional()
  .meta({ description: "rows to skip (offset paging, v1); ignored when cursor is given" });
const cursorQuery = z.string({ error: "must be a cursor string" }).max(1024, { error: "is not a cursor this server issued" }).optional()
  .meta({ description: "keyset paging (v1.1): empty for the first page, then the previous reply's nextCursor" });
const countQuery = z.enum(["exact"], { error: 'must be "exact"' }).optional()
  .meta({ description: "cursor mode: count the total exactly on the first page (O(rows)); default: total is a lower bound, no count" });
const searchQuery = z.string({ error: "must be a string" }).max(200, { error: "must be at most 200 characters" }).optional();
const sortDirectionQuery = z.enum(["asc", "desc"], { error: 'must be "asc" or "desc"' }).optional().meta({ description: "default desc" });
const userIdQuery = z.string({ error: "must be a user id" }).max(256, { error: "is too long" }).optional();
const sortByQuery = <T extends readonly [string, ...string[]]>(fields: T) =>
  z.enum(fields, { error: `must be one of ${fields.join(", ")}` }).optional().meta({ description: `default ${fields[0]}` });

/** Sortable fields per list (each has an index from the plugin's schema; id breaks ties). */
export const CONSOLE_SORT_FIELDS = {
  serviceUsers: ["createdAt", "name", "email"],
  apiKeys: ["createdAt", "expiresAt"],
  sessions: ["createdAt", "expiresAt"],
} as const;
const DATE_FIELDS = new Set(["createdAt", "expiresAt", "updatedAt", "at"]);

const listServiceUsersQuery = z.object({
  limit: limitQuery, offset: offsetQuery, cursor: cursorQuery, count: countQuery,
  search: searchQuery.meta({ description: "part of the name or email (case-insensitive)" }),
  sortBy: sortByQuery(CONSOLE_SORT_FIELDS.serviceUsers), sortDirection: sortDirectionQuery,
});
const usageQuery = z.object({
  days: z.coerce.number({ error: "must be an integer from 1 to 90" }).int({ error: "must be an integer from 1 to 90" })
    .min(1, { error: "must be an integer from 1 to 90" }).max(90, { error: "must be an integer from 1 to 90" }).optional()
    .meta({ description: "how many days back, 1 to 90 (default 30)" }),
  bucket: z.enum(["hour", "day"], { error: 'must be "hour" or "day"' }).optional().meta({ description: "bucket size (default day; hour only up to 31 days)" }),
});
const listApiKeysQuery = z.object({
  usage: z.enum(["7d"], { error: 'must be "7d"' }).optional().meta({ description: "add usage7d to each row: 7 daily buckets of verifications" }),
  userId: userIdQuery.meta({ description: "the owner (all service users' keys when absent)" }),
  limit: limitQuery, offset: offsetQuery, cursor: cursorQuery, count: countQuery,
  search: searchQuery.meta({ description: "part of the key's name, or the start of its prefix or of its visible start" }),
  sortBy: sortByQuery(CONSOLE_SORT_FIELDS.apiKeys), sortDirection: sortDirectionQuery,
});
const listSessionsQuery = z.object({
  userId: userIdQuery.meta({ description: "only this user's sessions" }),
  limit: limitQuery, offset: offsetQuery, cursor: cursorQuery, count: countQuery,
  search: searchQuery.meta({ description: "the user: part of their name or email (case-insensitive)" }),
  sortBy: sortByQuery(CONSOLE_SORT_FIELDS.sessions), sortDirection: sortDirectionQuery,
});

const isoDate = (what: string) =>
  z.string({ error: `must be an ISO 8601 time (${what})` }).max(40, { error: "is too long" })
    .refine((v) => !Number.isNaN(Date.parse(v)), { error: `must be an ISO 8601 time (${what})` }).optional();
const listAuditQuery = z.object({
  limit: limitQuery, cursor: cursorQuery, count: countQuery,
  actor: z.string({ error: "must be a user id or an email" }).min(1).max(256, { error: "is too long" }).optional()
    .meta({ description: "the actor: a user id, or an email (exact, case-insensitive)" }),
  action: z.string({ error: "must be an action" }).min(1).max(128, { error: "is too long" }).optional()
    .meta({ description: "the action (an endpoint path such as /admin/ban-user); a trailing * matches a prefix" }),
  target: z.string({ error: "must be an id" }).min(1).max(256, { error: "is too long" }).optional().meta({ description: "the target id (exact)" }),
  since: isoDate("since").meta({ description: "entries at or after this time" }),
  until: isoDate("until").meta({ description: "entries before this time" }),
});

/** OpenAPI metadata (better-auth's openAPI() plugin reads it): summary and the success reply's shape. */
function openapi(operationId: string, summary: string, reply: { status?: number; description: string; properties: Record<string, object> }) {
  return {
    openapi: {
      operationId,
      summary,
      description: `${summary} (Pikku Admin console API; caller: an admin's Bearer session)`,
      responses: {
        [String(reply.status ?? 200)]: {
          description: reply.description,
          content: { "application/json": { schema: { type: "object" as const, properties: reply.properties } } },
        },
      },
    },
  };
}
const arrayOf = (description: string) => ({ type: "array", description, items: { type: "object" } });
const pageProps = (list: string, description: string) => ({
  [list]: arrayOf(description),
  total: { type: "integer", description: "all matches: exact in offset mode and with count=exact; otherwise (cursor mode) the rows through this page, a lower bound until the last page" },
  totalExact: { type: "boolean", description: "cursor mode: whether total is an exact count" },
  nextCursor: { type: "string", nullable: true, description: "the next page's cursor; null on the last page" },
});

/** JSON with object keys sorted, so two equal requests have the same fingerprint. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`;
  return JSON.stringify(v) ?? "null";
}

/** Turns an APIError from the API key plugin into the contract's error shape. */
function rethrow(e: unknown): never {
  if (e instanceof APIError) {
    const body = (e.body ?? {}) as { code?: unknown; message?: unknown };
    const code = typeof body.code === "string" ? body.code : "VALIDATION_ERROR";
    const message = typeof body.message === "string" ? body.message : e.message;
    const status = typeof e.statusCode === "number" ? e.statusCode : 400;
    if (status === 404 || code === "KEY_NOT_FOUND") fail("NOT_FOUND", message);
    if (code === "EXPIRES_IN_IS_TOO_SMALL" || code === "EXPIRES_IN_IS_TOO_LARGE") validation("expiresIn", message);
    if (code === "INVALID_NAME_LENGTH") validation("name", message);
    if (code === "INVALID_METADATA_TYPE" || code === "METADATA_DISABLED") validation("metadata", message);
    if (code === "INVALID_PREFIX_LENGTH") validation("prefix", message);
    if (status >= 400 && status < 500) fail("VALIDATION_ERROR", message);
  }
  throw e;
}

/** Removes undefined (and, with dropNull, null) entries: absent and null mean "not given". */
function defined(fields: Record<string, unknown>, dropNull = true): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && !(dropNull && v === null)) out[k] = v;
  return out;
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

  async once<T>(callerId: string, op: string, requestId: string | undefined | null, fingerprint: string, run: () => Promise<T>): Promise<{ reply: T; replayed: boolean }> {
    if (requestId === undefined || requestId === null) return { reply: await run(), replayed: false };
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

/**
 * The indexes keyset paging needs (created by better-auth's migration with the plugin's schema): each list's
 * filter first, then its sort field. The id tie-breaker cannot be named in a plugin index (better-auth refuses
 * "id" there); a tie group is read by its sort value, a short range.
 */
export const consoleSchema = {
  apikey: {
    fields: {
      /** set when a service user's disable turned the key off, so enable turns back on only those keys */
      pikkuDisabledWithOwner: { type: "boolean", required: false, input: false },
    },
    indexes: [
      { name: "pikku_apikey_owner_created", fields: ["referenceId", "createdAt"] },
      { name: "pikku_apikey_owner_expires", fields: ["referenceId", "expiresAt"] },
      { name: "pikku_apikey_created", fields: ["createdAt"] },
    ],
  },
  session: {
    fields: {},
    indexes: [
      { name: "pikku_session_created", fields: ["createdAt"] },
      { name: "pikku_session_expires", fields: ["expiresAt"] },
      { name: "pikku_session_user_created", fields: ["userId", "createdAt"] },
    ],
  },
  user: {
    fields: {},
    indexes: [
      { name: "pikku_user_created", fields: ["createdAt"] },
      { name: "pikku_user_name", fields: ["name"] },
    ],
  },
  ...auditSchema,
  ...usageSchema,
} satisfies BetterAuthPlugin["schema"];

/** What /console/info announces beyond v1 (additive): the console uses a feature only when it is listed. */
export const CONSOLE_FEATURES = [
  "api-keys.requestId",
  "api-keys.maxOverlapSeconds",
  "api-keys.serviceOwnersOnly",
  "live.recheck",
  "cursor",
  "search",
  "sort",
  "count.exact",
  "live.bus",
  "audit",
  "device.requested",
  "service-users.lifecycle",
  "overview",
  "api-keys.usage",
] as const;

interface ListQuery {
  count?: "exact";
  limit?: number;
  offset?: number;
  cursor?: string;
  sortBy?: string;
  sortDirection?: "asc" | "desc";
}

/**
 * One page of a list, by offset (v1: `offset`, exact `total`) or by keyset (v1.1: `cursor` given, empty for
 * the first page). In cursor mode nothing is counted unless `count=exact` is asked for on the first page:
 *  - default: `total` is a lower bound, the rows of the walk through this page (`totalExact: false`), exact
 *    only on the last page (`nextCursor: null`, `totalExact: true`); no page ever runs a COUNT;
 *  - `count=exact`: the first page counts exactly (`totalExact: true`, O(rows)); later pages carry that count
 *    in the cursor (`totalExact: false`) and never count again.
 * `total` is always an integer, so v1 readers of it keep working.
 */
async function listPage<T extends { id: string }>(ctx: Ctx, model: string, where: Where[], q: ListQuery, identity: unknown) {
  const adapter = ctx.context.adapter;
  const limit = q.limit ?? 50;
  const field = q.sortBy ?? "createdAt";
  const sort: SortSpec = { field, direction: q.sortDirection ?? "desc", kind: DATE_FIELDS.has(field) ? "date" : "string" };
  const sortKey = `${sort.field}:${sort.direction}`;
  if (q.cursor === undefined) {
    const [rows, total] = await Promise.all([
      adapter.findMany<T>({ model, where, limit, offset: q.offset ?? 0, sortBy: { field: sort.field, direction: sort.direction } }),
      adapter.count({ model, where }),
    ]);
    return { rows, total, totalExact: true };
  }
  const fingerprint = createHash("sha256").update(canonical({ model, identity })).digest("base64url").slice(0, 16);
  let after: { value: string; id: string; total: number; exact: boolean } | null = null;
  if (q.cursor !== "") {
    try {
      after = decodeCursor(q.cursor, sortKey, fingerprint);
    } catch (e) {
      if (e instanceof CursorError) validation("cursor", e.message);
      throw e;
    }
  }
  const exact = after ? after.exact : q.count === "exact";
  const counted = exact ? (after ? after.total : await adapter.count({ model, where })) : 0;
  const seenBefore = after && !after.exact ? after.total : 0;
  const page = await keysetPage<T>(adapter as PagingAdapter, model, where, sort, limit, after, sortKey, fingerprint, {
    exact,
    value: (n) => (exact ? counted : seenBefore + n),
  });
  if (exact) return { rows: page.rows, total: counted, totalExact: after === null, nextCursor: page.nextCursor };
  const total = seenBefore + page.rows.length;
  return { rows: page.rows, total, totalExact: page.nextCursor === null, nextCursor: page.nextCursor };
}

/** Search terms as one OR group (the adapter ANDs every other condition with it); trimmed, case-insensitive. */
function searchGroup(search: string | undefined, fields: { field: string; operator: "contains" | "starts_with" }[]): Where[] {
  const q = search?.trim();
  if (!q) return [];
  return fields.map((f) => ({ field: f.field, operator: f.operator, value: q, connector: "OR" as const, mode: "insensitive" as const }));
}

/** Above this many service users, listing every service user's keys at once needs a userId. */
const MAX_SERVICE_OWNERS = 30000;

const pagingReply = (p: { total: number; totalExact: boolean; nextCursor?: string | null }) =>
  p.nextCursor === undefined ? { total: p.total } : { total: p.total, totalExact: p.totalExact, nextCursor: p.nextCursor };

/** Checks the catalogue once, at start-up (a bad one is a configuration error, thrown). */
export function checkPermissionCatalogue(catalogue: PermissionResource[]): PermissionResource[] {
  const name = /^[A-Za-z0-9_.:-]{1,64}$/;
  const desc = (d: unknown, where: string) => {
    if (d === undefined) return undefined;
    if (typeof d !== "string" || d.length > 200) throw new Error(`consolePlugin permissionCatalogue: ${where}: description is a string of at most 200 characters`);
    return d;
  };
  if (!Array.isArray(catalogue) || catalogue.length > 200) throw new Error("consolePlugin permissionCatalogue: at most 200 resources");
  const seen = new Set<string>();
  return catalogue.map((r, i) => {
    if (!r || typeof r.resource !== "string" || !name.test(r.resource)) throw new Error(`consolePlugin permissionCatalogue[${i}]: resource is 1 to 64 of A-Z a-z 0-9 _ . : -`);
    if (seen.has(r.resource)) throw new Error(`consolePlugin permissionCatalogue: resource ${r.resource} listed twice`);
    seen.add(r.resource);
    if (!Array.isArray(r.actions) || r.actions.length === 0 || r.actions.length > 100) throw new Error(`consolePlugin permissionCatalogue: ${r.resource}: 1 to 100 actions`);
    const actions = new Set<string>();
    return {
      resource: r.resource,
      description: desc(r.description, r.resource) ?? null,
      actions: r.actions.map((a) => {
        if (!a || typeof a.name !== "string" || !name.test(a.name)) throw new Error(`consolePlugin permissionCatalogue: ${r.resource}: an action name is 1 to 64 of A-Z a-z 0-9 _ . : -`);
        if (actions.has(a.name)) throw new Error(`consolePlugin permissionCatalogue: ${r.resource}: action ${a.name} listed twice`);
        actions.add(a.name);
        return { name: a.name, description: desc(a.description, `${r.resource}.${a.name}`) ?? null };
      }),
    } as PermissionResource;
  });
}

/** Above this many service users, /console/overview does not count those without keys (null). */
const OVERVIEW_MAX_SERVICE_USERS = 2000;

export function consolePlugin(options: ConsolePluginOptions) {
  const usageOpt = options.keyUsage === false ? null : options.keyUsage ?? {};
  const flushSeconds = Math.max(1, Math.min(Math.round(Number(usageOpt?.flushSeconds ?? 10)) || 10, 3600));
  const usage = usageOpt ? new UsageCounter(flushSeconds * 1000, (m) => console.error(`pikku-console: ${m}`)) : null;
  /** Key hashes seen verifying, so a later failure of the same key (expired, disabled, rate-limited) counts for it. */
  const knownKeys = new Map<string, string>();
  const catalogue = options.permissionCatalogue ? checkPermissionCatalogue(options.permissionCatalogue) : null;
  const serviceRole = options.serviceUserRole ?? "service";
  const maxOverlap = options.maxOverlapSeconds ?? 30 * 86400;
  const requestIds = new RequestIds();
  if (options.bus) useConsoleBus(options.bus);

  const findKey = async (ctx: Ctx, keyId: string) => {
    const row = await ctx.context.adapter.findOne<ApiKeyRow>({ model: "apikey", where: [{ field: "id", value: keyId }] });
    if (!row) fail("NOT_FOUND", `no API key with id ${keyId}`);
    return row;
  };

  const findUser = async (ctx: Ctx, userId: string) => {
    const user = await ctx.context.adapter.findOne<UserRow>({ model: "user", where: [{ field: "id", value: userId }] });
    if (!user) fail("NOT_FOUND", `no user with id ${userId}`);
    return user;
  };

  /**
   * Keys are minted (and rotated) only for service identities: a user with the service role, not an admin
   * (neither "admin" nor one of the admin plugin's adminRoles nor in its adminUserIds), and with no way to
   * sign in as a person (no account: no password, no social login). A key for anyone else would act as that
   * person (enableSessionForAPIKeys) and outlive their sessions.
   */
  const requireServiceOwner = async (ctx: Ctx, user: UserRow) => {
    const roles = roleList(user.role);
    const who = `user ${user.id}`;
    if (!roles.includes(serviceRole))
      fail("OWNER_NOT_SERVICE_USER", `${who} is not a service user (no "${serviceRole}" role): keys are minted for service users only`);
    const adminRoles = new Set(["admin", ...consoleAdminRoles(ctx.context)]);
    const admin = roles.find((r) => adminRoles.has(r));
    if (admin) fail("OWNER_NOT_SERVICE_USER", `${who} has the "${admin}" role: keys are never minted for admins`);
    if (isConsoleAdmin(ctx.context, user)) fail("OWNER_NOT_SERVICE_USER", `${who} is an admin (adminUserIds): keys are never minted for admins`);
    const accounts = await ctx.context.adapter.count({ model: "account", where: [{ field: "userId", value: user.id }] });
    if (accounts > 0) fail("OWNER_NOT_SERVICE_USER", `${who} can sign in (a password or social account): keys are never minted for people`);
  };

  /** Service users: the role text contains the service role (indexable scan), then the exact role list. */
  const serviceUserWhere: Where[] = [{ field: "role", operator: "contains", value: serviceRole }];
  const isServiceUser = (u: UserRow) => roleList(u.role).includes(serviceRole);
  /** Owners for "all service users' keys": at most MAX_SERVICE_OWNERS (one IN list; SQLite binds at most 32766). */
  const serviceUserIds = async (ctx: Ctx): Promise<string[]> => {
    const users = await ctx.context.adapter.findMany<UserRow>({ model: "user", where: serviceUserWhere, limit: MAX_SERVICE_OWNERS + 1 });
    const ids = users.filter(isServiceUser).map((u) => u.id);
    if (users.length > MAX_SERVICE_OWNERS)
      validation("userId", `is required when there are more than ${MAX_SERVICE_OWNERS} service users (list one owner's keys at a time)`);
    return ids;
  };

  const toServiceUser = async (ctx: Ctx, u: UserRow) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role ?? null,
    banned: !!u.banned,
    createdAt: iso(u.createdAt),
    apiKeyCount: await ctx.context.adapter.count({ model: "apikey", where: [{ field: "referenceId", value: u.id }] }),
  });

  const readKey = async (ctx: Ctx, keyId: string) => toApiKey(await findKey(ctx, keyId));

  /** The target of a lifecycle action: an existing service user who is neither the caller nor an admin. */
  const lifecycleTarget = async (ctx: Ctx, userId: string, callerId: string) => {
    const user = await findUser(ctx, userId);
    if (user.id === callerId) fail("LOCKOUT", "refused: that is your own account");
    if (isConsoleAdmin(ctx.context, user) || roleList(user.role).some((r) => r === "admin" || consoleAdminRoles(ctx.context).includes(r)))
      fail("LOCKOUT", `refused: user ${user.id} is an admin`);
    if (!isServiceUser(user)) fail("NOT_SERVICE_USER", `user ${user.id} is not a service user (no "${serviceRole}" role): use the admin plugin for people`);
    return user;
  };
  /** Every key of one owner (a service user has at most a few thousand; bounded). */
  const MAX_KEYS_PER_OWNER = 10000;
  const keysOf = (ctx: Ctx, userId: string) =>
    ctx.context.adapter.findMany<ApiKeyRow & { pikkuDisabledWithOwner?: boolean | null }>({
      model: "apikey", where: [{ field: "referenceId", value: userId }], limit: MAX_KEYS_PER_OWNER,
    });

  // Rows of keys about to be deleted through the API Key plugin's own /api-key/delete, by id: the
  // after-hook reports them (the row is gone by then).
  const deleting = new Map<string, ApiKeyRow>();
  const keyRow = (ctx: HookCtx, keyId: string) => ctx.context.adapter.findOne<ApiKeyRow>({ model: "apikey", where: [{ field: "id", value: keyId }] });
  const succeeded = (ctx: HookCtx) => {
    const r: unknown = ctx.context?.returned;
    return (
      r !== undefined && r !== null && !(r instanceof Error) &&
      !(typeof r === "object" && "statusCode" in r && typeof r.statusCode === "number" && r.statusCode >= 400)
    );
  };
  const apiKeyPath = (ctx: HookCtx, ...paths: string[]) => !insideConsole.getStore() && typeof ctx.path === "string" && paths.includes(ctx.path);
  const bodyKeyId = (ctx: HookCtx): string | undefined => {
    const body: unknown = ctx.body;
    const v = body && typeof body === "object" && "keyId" in body ? body.keyId : undefined;
    return typeof v === "string" && v ? v : undefined;
  };

  // ---- the audit trail (./audit.ts). The caller is read before the endpoint runs (a sign-out's session is
  // gone afterwards) and kept by the request's Headers object, which every hook and the endpoint share.
  const actors = new WeakMap<object, AuditActor>();
  const auditKey = (ctx: Ctx): object | null => ctx.headers ?? ctx.request ?? null;
  const resolveActor = async (ctx: Ctx): Promise<AuditActor> => {
    const h = requestHeaders(ctx);
    const key = h?.get("x-api-key");
    if (key && !h?.get("authorization")) {
      // The key's row by its hash (the API Key plugin's default sha256): its id and owner, never the key.
      const row = await ctx.context.adapter.findOne<ApiKeyRow>({ model: "apikey", where: [{ field: "key", value: apiKeyHash(key) }] }).catch(() => null);
      const ownerId = row?.referenceId ?? row?.userId ?? null;
      const owner = ownerId ? await ctx.context.adapter.findOne<UserRow>({ model: "user", where: [{ field: "id", value: ownerId }] }).catch(() => null) : null;
      return { actorId: ownerId, actorEmail: owner?.email ?? null, credentialKind: "api-key", credentialId: row?.id ?? null };
    }
    const bearer = /^Bearer\s+(\S{1,1024})$/i.exec(h?.get("authorization") ?? "")?.[1];
    if (bearer) {
      // Who the token names, for the record only (the endpoint authorizes on its own). Before-hooks run
      // before the bearer plugin's header rewrite takes effect, so the session is looked up by its token
      // (a signed token is "token.signature"). Never stored.
      const token = decodeURIComponent(bearer).split(".")[0] ?? "";
      const found = token ? await ctx.context.internalAdapter.findSession(token).catch(() => null) : null;
      if (found?.user && new Date(found.session.expiresAt).getTime() > Date.now())
        return { actorId: found.user.id, actorEmail: found.user.email ?? null, credentialKind: "session", credentialId: found.session.id };
    } else if (h?.get("cookie")) {
      const s = await getSessionFromCtx(ctx).catch(() => null);
      if (s?.user) return { actorId: s.user.id, actorEmail: s.user.email ?? null, credentialKind: "session", credentialId: s.session.id };
    }
    return { actorId: null, actorEmail: null, credentialKind: "none", credentialId: null };
  };
  const rememberActor = async (ctx: Ctx) => {
    const k = auditKey(ctx);
    if (!k) return;
    const actor = await resolveActor(ctx);
    // /revoke-session names its session by token: the target is the session's id (the token is never stored).
    const body: unknown = ctx.body;
    const token = body && typeof body === "object" && "token" in body && typeof body.token === "string" ? body.token : null;
    if (ctx.path === "/revoke-session" && token) {
      const found = await ctx.context.internalAdapter.findSession(token).catch(() => null);
      actor.target = found?.session?.id ?? null;
    }
    actors.set(k, actor);
  };
  const writeAudit = async (ctx: Ctx) => {
    const k = auditKey(ctx);
    const actor = (k && actors.get(k)) || (await resolveActor(ctx));
    if (k) actors.delete(k);
    const returned: unknown = (ctx.context as { returned?: unknown }).returned;
    let status = 200;
    let errorCode: string | null = null;
    if (returned instanceof APIError) {
      status = typeof returned.statusCode === "number" ? returned.statusCode : 500;
      const b = (returned.body ?? {}) as { code?: unknown };
      errorCode = bounded(typeof b.code === "string" ? b.code : returned.status, 64);
    } else if (returned instanceof Response) {
      status = returned.status;
    } else if (returned instanceof Error) {
      status = 500;
    }
    const h = requestHeaders(ctx);
    const ip = (h?.get("x-forwarded-for") ?? "").split(",")[0]?.trim() || h?.get("x-real-ip") || null;
    const row = await ctx.context.adapter.create<Record<string, unknown>, AuditRow>({
      model: AUDIT_MODEL,
      data: {
        at: new Date(),
        actorId: actor.actorId,
        actorEmail: bounded(actor.actorEmail, 254),
        credentialKind: actor.credentialKind,
        credentialId: actor.credentialId,
        action: bounded(ctx.path, 128) ?? "?",
        target: actor.target !== undefined ? actor.target : auditTarget(ctx.body, returned instanceof Response || returned instanceof Error ? null : returned),
        ipAddress: bounded(ip, 64),
        userAgent: bounded(h?.get("user-agent"), 512),
        outcome: status < 400 ? "success" : "failure",
        status,
        errorCode,
      },
    });
    emitEvent("audit", toAuditEntry(row));
  };
  const audited = (ctx: { path?: string; method?: string; request?: Request }) =>
    !insideConsole.getStore() && isAudited(ctx.path, ctx.method ?? ctx.request?.method ?? (ctx.path?.startsWith("/console/") ? undefined : "POST"));

  return {
    id: "pikku-console",
    schema: consoleSchema,
    $ERROR_CODES: CONSOLE_$ERROR_CODES,
    // Database hooks contributed by the plugin (better-auth merges init().options.databaseHooks with the
    // app's own): every session that is created or deleted, by any endpoint or by expiry clean-up, reaches
    // the live channel, and a deleted session's or banned user's open connections are closed.
    init(authCtx: AuthCtx) {
      const storage = authCtx.options?.secondaryStorage as (object & { [k: symbol]: unknown }) | undefined;
      if (storage && !authCtx.options?.session?.storeSessionInDatabase && !storage[Symbol.for("pikku-console.secondary-storage")])
        authCtx.logger?.warn?.(
          "pikku-console: sessions live in secondaryStorage without database hooks; wrap it in consoleSecondaryStorage() " +
            "so revoked sessions close their live channels at once (otherwise only at the next re-check)",
        );
      usage?.start(async () => authCtx.adapter as unknown as UsageAdapter);
      const userOf = (id: string) =>
        authCtx.adapter.findOne<UserRow>({ model: "user", where: [{ field: "id", value: id }] }).catch(() => null);
      return {
        options: {
          databaseHooks: {
            session: {
              create: {
                after: async (session: SessionRow) => {
                  emitEvent("session.created", toSession(session, await userOf(session.userId)));
                },
              },
              delete: {
                after: async (session: SessionRow) => {
                  emitEvent("session.revoked", toSession(session, await userOf(session.userId)));
                  closeChannels({ sessionId: session.id, reason: "session revoked" });
                },
              },
            },
            user: {
              update: {
                after: async (user: { id: string; banned?: boolean | null; role?: unknown }) => {
                  if (user?.banned === true) closeChannels({ userId: user.id, reason: "user banned" });
                  else if (user?.id) userChanged(user);   // a role change: demoted admins lose their channels
                },
              },
              delete: {
                after: async (user: { id: string }) => {
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
        // The audit trail's caller, read before the endpoint can end the session (list after bearer()).
        {
          matcher: (ctx) => audited(ctx),
          handler: createAuthMiddleware(async (ctx) => {
            await rememberActor(ctx).catch((e: unknown) => ctx.context.logger?.error?.("pikku-console: audit (caller):", e instanceof Error ? e.message : e));
          }),
        },
        // Runs before the API key plugin's own hook (list this plugin first), so a console request that
        // carries a key is refused for what it is, without spending one of the key's rate-limit slots.
        {
          matcher: (ctx) => typeof ctx.path === "string" && ctx.path.startsWith("/console/"),
          handler: createAuthMiddleware(async (ctx) => {
            checkCredentialHeaders(requestHeaders(ctx));
          }),
        },
        {
          matcher: (ctx) => apiKeyPath(ctx, "/api-key/delete"),
          handler: createAuthMiddleware(async (ctx) => {
            const id = bodyKeyId(ctx);
            if (!id) return;
            const row = await keyRow(ctx, id).catch(() => null);
            if (row) deleting.set(id, row);
          }),
        },
      ],
      // The API Key plugin writes through the adapter without database hooks: report its own endpoints'
      // changes here (HTTP and auth.api calls alike; the console's own calls report themselves).
      after: [
        // Key usage: each auth.api.verifyApiKey (path-less, server-only) counted in memory, nothing awaited.
        {
          matcher: (ctx) => usage !== null && (ctx.path === undefined || ctx.path === "/api-key/verify") &&
            !!ctx.body && typeof ctx.body === "object" && typeof (ctx.body as { key?: unknown }).key === "string",
          handler: createAuthMiddleware(async (ctx) => {
            const returned = (ctx.context as { returned?: unknown }).returned as
              | { valid?: unknown; error?: { code?: unknown } | null; key?: { id?: unknown } | null } | null | undefined;
            if (!returned || typeof returned !== "object" || !("valid" in returned)) return;
            const key = (ctx.body as { key: string }).key;
            if (key.length > 4096) return;
            const hash = apiKeyHash(key);
            const keyId = typeof returned.key?.id === "string" ? returned.key.id : knownKeys.get(hash);
            if (!keyId) return;   // a key this process never saw verify: not attributable without a lookup
            if (returned.valid === true) {
              if (!knownKeys.has(hash)) {
                if (knownKeys.size >= 10000) knownKeys.delete(knownKeys.keys().next().value!);
                knownKeys.set(hash, keyId);
              }
            }
            const outcome: UsageOutcome = returned.valid === true ? "success" : returned.error?.code === "RATE_LIMITED" ? "rateLimited" : "failure";
            usage!.record(keyId, outcome);
          }),
        },
        // A new device code (RFC 8628 device authorization request): subscribers hear `device.requested`
        // with what an approver needs, never the device_code (the polling client's secret).
        {
          matcher: (ctx) => ctx.path === "/device/code",
          handler: createAuthMiddleware(async (ctx) => {
            const returned: unknown = (ctx.context as { returned?: unknown }).returned;
            if (!succeeded(ctx) || !returned || typeof returned !== "object") return;
            const r = returned as { user_code?: unknown; expires_in?: unknown };
            const userCode = bounded(r.user_code, 64);
            if (!userCode) return;
            const body = (ctx.body ?? {}) as { client_id?: unknown; scope?: unknown };
            const expiresIn = typeof r.expires_in === "number" && Number.isFinite(r.expires_in) ? Math.max(0, Math.min(r.expires_in, 86400 * 365)) : null;
            emitEvent("device.requested", {
              userCode,
              clientId: bounded(body.client_id, 256),
              scope: bounded(body.scope, 1024),
              expiresAt: expiresIn === null ? null : new Date(Date.now() + expiresIn * 1000).toISOString(),
            });
          }),
        },
        {
          matcher: (ctx) => audited(ctx),
          handler: createAuthMiddleware(async (ctx) => {
            // An audit write that fails never fails the action; it is logged (without the request's secrets).
            await writeAudit(ctx).catch((e: unknown) => ctx.context.logger?.error?.("pikku-console: audit write failed:", e instanceof Error ? e.message : e));
          }),
        },
        {
          matcher: (ctx) => apiKeyPath(ctx, "/api-key/create", "/api-key/update", "/api-key/delete"),
          handler: createAuthMiddleware(async (ctx) => {
            if (ctx.path === "/api-key/delete") {
              const id = bodyKeyId(ctx);
              if (!id) return;
              const row = deleting.get(id);
              deleting.delete(id);
              if (row && succeeded(ctx) && !(await keyRow(ctx, id))) keyDeleted(toApiKey(row));
              return;
            }
            if (!succeeded(ctx)) return;
            const returned = ctx.context.returned as { id?: unknown } | null | undefined;
            const id = ctx.path === "/api-key/create" ? returned?.id : bodyKeyId(ctx);
            const row = typeof id === "string" ? await keyRow(ctx, id) : null;
            if (!row) return;
            if (ctx.path === "/api-key/create") emitEvent("key.created", toApiKey(row));
            else keyUpdated(toApiKey(row));
          }),
        },
      ],
    },
    endpoints: {
      consoleInfo: createAuthEndpoint(
        "/console/info",
        {
          method: "GET",
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleInfo", "What this console server supports", {
            description: "The server's set-up and features",
            properties: { apiVersion: { type: "integer" }, features: { type: "array", items: { type: "string" } }, paging: { type: "object" } },
          }),
        },
        async (ctx) => {
          const ids = new Set((ctx.context.options.plugins ?? []).map((p) => p.id));
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
            features: [...CONSOLE_FEATURES.filter((f) => usage || f !== "api-keys.usage"), ...(catalogue ? ["permissions.catalogue"] : [])],
            // The permission catalogue (plugin option permissionCatalogue), for a grid of checkboxes.
            permissions: { catalogue },
            requestIdWindowSeconds: REQUEST_ID_WINDOW_SECONDS,
            // Which event bus this instance is on: "memory" (one instance) or "redis" (several; see README).
            live: { bus: consoleBus().kind ?? "custom" },
            // Per-key verification counts (GET /console/api-keys/:id/usage, usage=7d on the list); null when off.
            keyUsage: usage ? { flushSeconds, maxDays: 90 } : null,
            // v1.1 (docs/console-api-v1.1.md): keyset paging, search and sort on the three lists.
            paging: {
              cursor: true,
              // cursor mode counts nothing by default: total is the rows through this page (a lower bound,
              // exact on the last page); count=exact counts on the first page and later pages carry it
              total: "lower-bound",
              count: ["exact"],
              sortFields: CONSOLE_SORT_FIELDS,
              search: {
                serviceUsers: ["name", "email"],
                apiKeys: ["name", "prefix", "start", "userId"],
                sessions: ["userId", "userName", "userEmail"],
              },
            },
          });
        },
      ),

      consoleListServiceUsers: createAuthEndpoint(
        "/console/service-users",
        {
          method: "GET",
          query: listServiceUsersQuery,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleListServiceUsers", "List service users", {
            description: "A page of service users, newest first by default",
            properties: pageProps("users", "ServiceUser objects"),
          }),
        },
        async (ctx) => {
          const q = ctx.query ?? {};
          const where: Where[] = [
            ...serviceUserWhere,
            ...searchGroup(q.search, [{ field: "name", operator: "contains" }, { field: "email", operator: "contains" }]),
          ];
          const p = await listPage<UserRow>(ctx, "user", where, q, { search: q.search?.trim() ?? "" });
          const users = await Promise.all(p.rows.filter(isServiceUser).map((u) => toServiceUser(ctx, u)));
          return ctx.json({ users, ...pagingReply(p) });
        },
      ),

      consoleCreateServiceUser: createAuthEndpoint(
        "/console/service-users/create",
        {
          method: "POST",
          body: createServiceUserBody,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleCreateServiceUser", "Create a service user (no password, the service role)", {
            status: 201,
            description: "The new service user",
            properties: { user: { type: "object" } },
          }),
        },
        async (ctx) => {
          const name = ctx.body.name;
          let email = ctx.body.email?.toLowerCase();
          if (email) {
            const existing = await ctx.context.adapter.findOne<UserRow>({ model: "user", where: [{ field: "email", value: email }] });
            if (existing) fail("CONFLICT", `a user with email ${email} already exists`);
          } else {
            email = `svc-${randomBytes(6).toString("hex")}@service.invalid`;
          }
          const now = new Date();
          const user = await ctx.context.adapter.create<Record<string, unknown>, UserRow>({
            model: "user",
            data: { name, email, emailVerified: true, role: serviceRole, banned: false, createdAt: now, updatedAt: now },
          });
          ctx.setStatus(201);
          return ctx.json({ user: await toServiceUser(ctx, user) });
        },
      ),

      consoleRenameServiceUser: createAuthEndpoint(
        "/console/service-users/update",
        {
          method: "POST",
          body: renameServiceUserBody,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleRenameServiceUser", "Rename a service user", {
            description: "The service user as it is now",
            properties: { user: { type: "object" } },
          }),
        },
        async (ctx) => {
          const user = await lifecycleTarget(ctx, ctx.body.userId, ctx.context.session.user.id);
          await ctx.context.internalAdapter.updateUser(user.id, { name: ctx.body.name, updatedAt: new Date() });
          return ctx.json({ user: await toServiceUser(ctx, await findUser(ctx, user.id)) });
        },
      ),

      consoleDisableServiceUser: createAuthEndpoint(
        "/console/service-users/disable",
        {
          method: "POST",
          body: userIdBody,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleDisableServiceUser", "Disable a service user: every key disabled, every live channel closed, the user banned", {
            description: "The service user and how many keys were disabled",
            properties: { user: { type: "object" }, disabledKeys: { type: "integer" } },
          }),
        },
        async (ctx) => {
          const user = await lifecycleTarget(ctx, ctx.body.userId, ctx.context.session.user.id);
          let disabledKeys = 0;
          for (const k of await keysOf(ctx, user.id)) {
            if (k.enabled === false) continue;
            await ctx.context.adapter.update({ model: "apikey", where: [{ field: "id", value: k.id }], update: { enabled: false, pikkuDisabledWithOwner: true } });
            disabledKeys++;
            keyUpdated(await readKey(ctx, k.id));
          }
          // Banned through better-auth (its user update hook closes the user's channels everywhere), and
          // closed here as well for a deployment whose hooks are not the plugin's.
          await ctx.context.internalAdapter.updateUser(user.id, { banned: true, banReason: "disabled in the console", banExpires: null, updatedAt: new Date() });
          closeChannels({ userId: user.id, reason: "service user disabled" });
          return ctx.json({ user: await toServiceUser(ctx, await findUser(ctx, user.id)), disabledKeys });
        },
      ),

      consoleEnableServiceUser: createAuthEndpoint(
        "/console/service-users/enable",
        {
          method: "POST",
          body: userIdBody,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleEnableServiceUser", "Enable a service user: unbanned, the keys its disable turned off turned on again", {
            description: "The service user and how many keys were enabled",
            properties: { user: { type: "object" }, enabledKeys: { type: "integer" } },
          }),
        },
        async (ctx) => {
          const user = await lifecycleTarget(ctx, ctx.body.userId, ctx.context.session.user.id);
          await ctx.context.internalAdapter.updateUser(user.id, { banned: false, banReason: null, banExpires: null, updatedAt: new Date() });
          let enabledKeys = 0;
          // Only the keys the disable turned off: a key disabled on its own before stays disabled.
          for (const k of await keysOf(ctx, user.id)) {
            if (k.pikkuDisabledWithOwner !== true) continue;
            await ctx.context.adapter.update({ model: "apikey", where: [{ field: "id", value: k.id }], update: { enabled: true, pikkuDisabledWithOwner: null } });
            enabledKeys++;
            keyUpdated(await readKey(ctx, k.id));
          }
          return ctx.json({ user: await toServiceUser(ctx, await findUser(ctx, user.id)), enabledKeys });
        },
      ),

      consoleDeleteServiceUser: createAuthEndpoint(
        "/console/service-users/delete",
        {
          method: "POST",
          body: userIdBody,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleDeleteServiceUser", "Delete a service user and its keys; their live channels close", {
            description: "Deleted, with the number of keys deleted",
            properties: { success: { type: "boolean" }, deletedKeys: { type: "integer" } },
          }),
        },
        async (ctx) => {
          const user = await lifecycleTarget(ctx, ctx.body.userId, ctx.context.session.user.id);
          const keys = await keysOf(ctx, user.id);
          for (const k of keys) {
            await ctx.context.adapter.delete({ model: "apikey", where: [{ field: "id", value: k.id }] });
            keyDeleted(toApiKey(k));
          }
          // better-auth's own delete (sessions, accounts, the user hook that closes the user's channels).
          await ctx.context.internalAdapter.deleteUser(user.id);
          closeChannels({ userId: user.id, reason: "user deleted" });
          return ctx.json({ success: true, deletedKeys: keys.length });
        },
      ),

      consoleListApiKeys: createAuthEndpoint(
        "/console/api-keys",
        {
          method: "GET",
          query: listApiKeysQuery,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleListApiKeys", "List API keys (of one owner, or of all service users)", {
            description: "A page of API keys, never a secret or hash",
            properties: pageProps("apiKeys", "ApiKey objects"),
          }),
        },
        async (ctx) => {
          const q = ctx.query ?? {};
          const userId = q.userId ? q.userId : undefined;
          let owner: Where;
          if (userId) {
            await findUser(ctx, userId);
            owner = { field: "referenceId", value: userId };
          } else {
            const ids = await serviceUserIds(ctx);
            if (ids.length === 0) return ctx.json(q.cursor === undefined ? { apiKeys: [], total: 0 } : { apiKeys: [], total: 0, totalExact: true, nextCursor: null });
            // One owner: an equality the (referenceId, createdAt, id) index serves as a range.
            owner = ids.length === 1 ? { field: "referenceId", value: ids[0] } : { field: "referenceId", operator: "in", value: ids };
          }
          const where: Where[] = [
            owner,
            ...searchGroup(q.search, [
              { field: "name", operator: "contains" },
              { field: "prefix", operator: "starts_with" },
              { field: "start", operator: "starts_with" },
            ]),
          ];
          const p = await listPage<ApiKeyRow>(ctx, "apikey", where, q, { userId: userId ?? "", search: q.search?.trim() ?? "" });
          if (q.usage !== "7d" || !usage) return ctx.json({ apiKeys: p.rows.map(toApiKey), ...pagingReply(p) });
          // usage=7d: 7 daily buckets per row (today and the 6 days before), one query for the page.
          const now = Date.now();
          const since = Math.floor(now / 86400_000) * 86400_000 - 6 * 86400_000;
          const hours = await usage.hourly(ctx.context.adapter as unknown as UsageAdapter, p.rows.map((r) => r.id), since);
          return ctx.json({
            apiKeys: p.rows.map((r) => ({ ...toApiKey(r), usage7d: buckets(hours.get(r.id), since, now, "day").map((b) => ({ day: b.start.slice(0, 10), success: b.success, failure: b.failure, rateLimited: b.rateLimited })) })),
            ...pagingReply(p),
          });
        },
      ),

      consoleApiKeyUsage: createAuthEndpoint(
        "/console/api-keys/:id/usage",
        {
          method: "GET",
          query: usageQuery,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleApiKeyUsage", "A key's verifications per hour or day (success, failure, rate-limited)", {
            description: "Buckets oldest first, zeros included",
            properties: { keyId: { type: "string" }, bucket: { type: "string" }, buckets: arrayOf("{start, success, failure, rateLimited}") },
          }),
        },
        async (ctx) => {
          if (!usage) fail("NOT_FOUND", "key usage is not counted on this server (keyUsage: false)");
          const keyId = String((ctx.params as { id?: unknown } | undefined)?.id ?? "");
          if (!keyId || keyId.length > 256) validation("id", "is required (the API key id)");
          await findKey(ctx, keyId);
          const days = ctx.query?.days ?? 30;
          const bucket = ctx.query?.bucket ?? "day";
          if (bucket === "hour" && days > 31) validation("bucket", "hour buckets cover at most 31 days");
          const now = Date.now();
          const since = bucket === "day" ? Math.floor(now / 86400_000) * 86400_000 - (days - 1) * 86400_000 : now - days * 86400_000;
          const hours = await usage.hourly(ctx.context.adapter as unknown as UsageAdapter, [keyId], since);
          const list = buckets(hours.get(keyId), since, now, bucket);
          const total = list.reduce((t, b) => ({ success: t.success + b.success, failure: t.failure + b.failure, rateLimited: t.rateLimited + b.rateLimited }), { success: 0, failure: 0, rateLimited: 0 });
          return ctx.json({ keyId, bucket, days, flushSeconds, buckets: list, total });
        },
      ),

      consoleCreateApiKey: createAuthEndpoint(
        "/console/api-keys/create",
        {
          method: "POST",
          body: createApiKeyBody,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleCreateApiKey", "Mint an API key for a service user (the secret is in this reply only)", {
            status: 201,
            description: "The new key and its plaintext, shown once",
            properties: { apiKey: { type: "object" }, key: { type: "string" } },
          }),
        },
        async (ctx) => {
          const caller = ctx.context.session;
          const b = ctx.body;
          await requireServiceOwner(ctx, await findUser(ctx, b.userId));
          const fields = defined({
            userId: b.userId,
            name: b.name,
            expiresIn: b.expiresIn,
            permissions: b.permissions,
            metadata: b.metadata,
            prefix: b.prefix,
            rateLimitEnabled: b.rateLimitEnabled,
            rateLimitMax: b.rateLimitMax,
            rateLimitTimeWindow: typeof b.rateLimitTimeWindow === "number" ? b.rateLimitTimeWindow * 1000 : undefined,
            remaining: b.remaining,
          });
          const { reply, replayed } = await requestIds.once(caller.user.id, "create", b.requestId, canonical(fields), async () => {
            let created: { id: string; key: string };
            try {
              // No headers: with headers the API key plugin silently ignores userId and gives the key to the caller.
              created = await viaConsole(() => options.api().createApiKey({ body: fields }));
            } catch (e) {
              rethrow(e);
            }
            const apiKey = await readKey(ctx, created.id);
            emitEvent("key.created", apiKey);
            return { apiKey, key: created.key };
          });
          if (replayed) ctx.setHeader("idempotent-replayed", "true");
          ctx.setStatus(201);
          return ctx.json(reply);
        },
      ),

      consoleUpdateApiKey: createAuthEndpoint(
        "/console/api-keys/update",
        {
          method: "POST",
          body: updateApiKeyBody,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleUpdateApiKey", "Change an API key (name, enabled, expiry, permissions, metadata, limits)", {
            description: "The key as it is now",
            properties: { apiKey: { type: "object" } },
          }),
        },
        async (ctx) => {
          const b = ctx.body;
          const row = await findKey(ctx, b.keyId);
          const fields = defined({
            name: b.name,
            enabled: b.enabled,
            permissions: b.permissions,
            metadata: b.metadata,
            rateLimitEnabled: b.rateLimitEnabled,
            rateLimitMax: b.rateLimitMax,
            rateLimitTimeWindow: typeof b.rateLimitTimeWindow === "number" ? b.rateLimitTimeWindow * 1000 : undefined,
            remaining: b.remaining,
          });
          // expiresIn: null means "never expires" (only here is null a value).
          if (b.expiresIn !== undefined) fields.expiresIn = b.expiresIn;
          if (Object.keys(fields).length === 0) validation("body", "nothing to update");
          try {
            await viaConsole(() => options.api().updateApiKey({ body: { keyId: row.id, userId: row.referenceId, ...fields } }));
          } catch (e) {
            rethrow(e);
          }
          const apiKey = await readKey(ctx, row.id);
          keyUpdated(apiKey);
          return ctx.json({ apiKey });
        },
      ),

      consoleDeleteApiKey: createAuthEndpoint(
        "/console/api-keys/delete",
        {
          method: "POST",
          body: keyIdBody,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleDeleteApiKey", "Delete (revoke) an API key; its live connections close", {
            description: "Deleted",
            properties: { success: { type: "boolean" } },
          }),
        },
        async (ctx) => {
          const row = await findKey(ctx, ctx.body.keyId);
          await ctx.context.adapter.delete({ model: "apikey", where: [{ field: "id", value: row.id }] });
          keyDeleted(toApiKey(row));
          return ctx.json({ success: true });
        },
      ),

      consoleRotateApiKey: createAuthEndpoint(
        "/console/api-keys/rotate",
        {
          method: "POST",
          body: rotateApiKeyBody,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleRotateApiKey", "Rotate an API key: a new key, the old one retired after an overlap", {
            status: 201,
            description: "The new key (plaintext shown once) and the retiring one",
            properties: { apiKey: { type: "object" }, key: { type: "string" }, previous: { type: "object" } },
          }),
        },
        async (ctx) => {
          const caller = ctx.context.session;
          const b = ctx.body;
          const overlapIn = b.overlapSeconds;
          if (overlapIn > maxOverlap)
            fail("OVERLAP_TOO_LONG", `overlapSeconds: at most ${maxOverlap} (${Math.floor(maxOverlap / 86400)} days); got ${overlapIn}`);
          const expiresInIn = b.expiresIn ?? undefined;
          const fingerprint = canonical({ keyId: b.keyId, overlapSeconds: overlapIn, expiresIn: expiresInIn ?? null });
          // A retry with the same requestId is answered from the first reply, before the key is looked at again
          // (by then it is the retiring key, and rotating it again would mint a second new key).
          const { reply, replayed } = await requestIds.once(caller.user.id, "rotate", b.requestId, fingerprint, async () => {
            const old = await findKey(ctx, b.keyId);
            const ownerId = old.referenceId ?? "";
            const owner = await ctx.context.adapter.findOne<UserRow>({ model: "user", where: [{ field: "id", value: ownerId }] });
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
            const fields = defined({
              userId: ownerId,
              name: old.name,
              expiresIn,
              permissions: Object.keys(prev.permissions).length ? prev.permissions : undefined,
              metadata: Object.keys(prev.metadata).length ? prev.metadata : undefined,
              prefix: old.prefix,
              rateLimitEnabled: old.rateLimitEnabled,
              rateLimitMax: old.rateLimitMax,
              rateLimitTimeWindow: old.rateLimitTimeWindow,
              remaining: old.remaining,
            });
            let created: { id: string; key: string };
            try {
              created = await viaConsole(() => options.api().createApiKey({ body: fields }));
              if (old.enabled === false)
                await viaConsole(() => options.api().updateApiKey({ body: { keyId: created.id, userId: ownerId, enabled: false } }));
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
            return { apiKey, key: created.key, previous };
          });
          if (replayed) ctx.setHeader("idempotent-replayed", "true");
          ctx.setStatus(201);
          return ctx.json(reply);
        },
      ),

      consoleAudit: createAuthEndpoint(
        "/console/audit",
        {
          method: "GET",
          query: listAuditQuery,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleAudit", "The audit trail: console and better-auth admin actions, newest first", {
            description: "A page of AuditEntry objects (cursor paging)",
            properties: pageProps("entries", "AuditEntry objects"),
          }),
        },
        async (ctx) => {
          const q = ctx.query ?? {};
          const where: Where[] = [];
          if (q.actor) {
            if (q.actor.includes("@")) where.push({ field: "actorEmail", value: q.actor.toLowerCase(), mode: "insensitive" });
            else where.push({ field: "actorId", value: q.actor });
          }
          if (q.action) {
            if (q.action.endsWith("*")) where.push({ field: "action", operator: "starts_with", value: q.action.slice(0, -1) });
            else where.push({ field: "action", value: q.action });
          }
          if (q.target) where.push({ field: "target", value: q.target });
          if (q.since) where.push({ field: "at", operator: "gte", value: new Date(q.since) });
          if (q.until) where.push({ field: "at", operator: "lt", value: new Date(q.until) });
          const p = await listPage<AuditRow>(ctx, AUDIT_MODEL, where, { ...q, cursor: q.cursor ?? "", sortBy: "at", sortDirection: "desc" },
            { actor: q.actor ?? "", action: q.action ?? "", target: q.target ?? "", since: q.since ?? "", until: q.until ?? "" });
          return ctx.json({ entries: p.rows.map(toAuditEntry), ...pagingReply(p) });
        },
      ),

      consoleOverview: createAuthEndpoint(
        "/console/overview",
        {
          method: "GET",
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleOverview", "The counts of the console's overview", {
            description: "Counts (each one query), the live connections of every instance, the last audit entries",
            properties: { counts: { type: "object" }, recentAudit: arrayOf("AuditEntry objects") },
          }),
        },
        async (ctx) => {
          const a = ctx.context.adapter;
          const now = new Date();
          const week = new Date(now.getTime() + 7 * 86400_000);
          const owners = await a.findMany<UserRow>({ model: "user", where: serviceUserWhere, limit: OVERVIEW_MAX_SERVICE_USERS + 1 });
          const serviceUsers = owners.filter(isServiceUser);
          let withoutKeys: number | null = null;
          if (owners.length <= OVERVIEW_MAX_SERVICE_USERS) {
            // One indexed lookup per service user (pikku_apikey_owner_created), a few at a time.
            withoutKeys = 0;
            for (let i = 0; i < serviceUsers.length; i += 50) {
              const found = await Promise.all(serviceUsers.slice(i, i + 50).map((u) =>
                a.findOne<{ id: string }>({ model: "apikey", where: [{ field: "referenceId", value: u.id }] })));
              withoutKeys += found.filter((k) => !k).length;
            }
          }
          let remote: number | null = null;
          try {
            remote = (await consoleBus().remoteConnections()).length;
          } catch {
            remote = null;
          }
          const here = localConnections().length;
          const [expiringSoon, disabled, neverUsed, sessions, pendingDeviceCodes, recent] = await Promise.all([
            a.count({ model: "apikey", where: [{ field: "expiresAt", operator: "gt", value: now }, { field: "expiresAt", operator: "lte", value: week }] }),
            a.count({ model: "apikey", where: [{ field: "enabled", value: false }] }),
            a.count({ model: "apikey", where: [{ field: "lastRequest", value: null }] }),
            a.count({ model: "session", where: [{ field: "expiresAt", operator: "gt", value: now }] }),
            a.count({ model: "deviceCode", where: [{ field: "status", value: "pending" }, { field: "expiresAt", operator: "gt", value: now }] }).catch(() => 0),
            a.findMany<AuditRow>({ model: AUDIT_MODEL, limit: 10, sortBy: { field: "at", direction: "desc" } }),
          ]);
          return ctx.json({
            at: now.toISOString(),
            counts: {
              keysExpiringWithin7Days: expiringSoon,
              disabledKeys: disabled,
              keysNeverUsed: neverUsed,
              serviceUsers: owners.length <= OVERVIEW_MAX_SERVICE_USERS ? serviceUsers.length : null,
              serviceUsersWithoutKeys: withoutKeys,
              sessions,
              liveConnections: remote === null ? here : here + remote,
              pendingDeviceCodes,
            },
            // false when another instance's connections could not be read (the count is this instance's)
            liveConnectionsComplete: remote !== null,
            recentAudit: recent.map(toAuditEntry),
          });
        },
      ),

      consoleDeviceCodes: createAuthEndpoint(
        "/console/device-codes",
        {
          method: "GET",
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleDeviceCodes", "Pending, unexpired device codes (never the device_code itself)", {
            description: "Pending device codes, newest first",
            properties: { deviceCodes: arrayOf("DeviceCode objects") },
          }),
        },
        async (ctx) => {
          const rows = await ctx.context.adapter.findMany<DeviceCodeRow>({
            model: "deviceCode",
            where: [{ field: "status", value: "pending" }],
            limit: 1000,
          });
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
        },
      ),

      consoleListSessions: createAuthEndpoint(
        "/console/sessions",
        {
          method: "GET",
          query: listSessionsQuery,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleListSessions", "List unexpired sessions (never a token)", {
            description: "A page of sessions, newest first by default",
            properties: pageProps("sessions", "Session objects"),
          }),
        },
        async (ctx) => {
          const q = ctx.query ?? {};
          const where: Where[] = [{ field: "expiresAt", operator: "gt", value: new Date() }];
          const userId = q.userId ? q.userId : undefined;
          if (userId) {
            await findUser(ctx, userId);
            where.push({ field: "userId", value: userId });
          }
          const search = q.search?.trim();
          if (search) {
            // "Sessions by user": the users whose name or email matches (at most 1000), then their sessions.
            const users = await ctx.context.adapter.findMany<UserRow>({
              model: "user",
              where: searchGroup(search, [{ field: "name", operator: "contains" }, { field: "email", operator: "contains" }, { field: "id", operator: "starts_with" }]),
              limit: 1000,
            });
            if (users.length === 0) return ctx.json(q.cursor === undefined ? { sessions: [], total: 0 } : { sessions: [], total: 0, totalExact: true, nextCursor: null });
            where.push({ field: "userId", operator: "in", value: users.map((u) => u.id) });
          }
          // The expiry filter moves with the clock, so it is not part of the cursor's fingerprint.
          const p = await listPage<SessionRow>(ctx, "session", where, q, { userId: userId ?? "", search: search ?? "" });
          const ids = [...new Set(p.rows.map((r) => r.userId))];
          const users = ids.length
            ? await ctx.context.adapter.findMany<UserRow>({ model: "user", where: [{ field: "id", operator: "in", value: ids }], limit: ids.length })
            : [];
          const byId = new Map(users.map((u) => [u.id, u]));
          return ctx.json({ sessions: p.rows.map((r) => toSession(r, byId.get(r.userId))), ...pagingReply(p) });
        },
      ),

      consoleRevokeSession: createAuthEndpoint(
        "/console/sessions/revoke",
        {
          method: "POST",
          body: sessionIdBody,
          use: [consoleAdminMiddleware],
          metadata: openapi("consoleRevokeSession", "Revoke a session; its live connections close", {
            description: "Revoked",
            properties: { success: { type: "boolean" } },
          }),
        },
        async (ctx) => {
          const sessionId = ctx.body.sessionId;
          const row = await ctx.context.adapter.findOne<SessionRow>({ model: "session", where: [{ field: "id", value: sessionId }] });
          if (!row) fail("NOT_FOUND", `no session with id ${sessionId}`);
          // The session delete hook (init below) emits session.revoked and closes the session's channels.
          await ctx.context.internalAdapter.deleteSession(row.token);
          return ctx.json({ success: true });
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}
