// The audit trail (docs/console-api-v1.1.md, "Audit trail"): every console action and every better-auth
// admin action the plugin can see, one row each in its own table (`consoleAudit`, indexed on time), read
// back with GET /console/audit and pushed live as an `audit` event. A row says who (user id and email),
// with which credential (its kind and id: a session id or an API key id, never a token, key or hash), what
// (the endpoint's path), on which target (an id), when, from which address and user agent, and the outcome
// (HTTP status). Hooks see only what passes through better-auth's endpoints: rows written straight into the
// database are not audited.
import { createHash } from "node:crypto";

/** Paths (better-auth endpoint paths) whose calls are audited, besides every non-GET /console/ endpoint. */
export const AUDITED_PREFIXES = ["/admin/", "/api-key/"] as const;
export const AUDITED_PATHS = [
  "/device/approve",
  "/device/deny",
  "/sign-out",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
] as const;
/** Read-only endpoints under the audited prefixes: not actions. */
const READ_ONLY = new Set(["/admin/list-users", "/admin/list-user-sessions", "/admin/get-user", "/admin/has-permission", "/api-key/get", "/api-key/list", "/api-key/verify"]);

export function isAudited(path: string | undefined, method: string | undefined): boolean {
  if (typeof path !== "string") return false;
  if (path.startsWith("/console/")) return method !== "GET";
  if (READ_ONLY.has(path)) return false;
  return AUDITED_PREFIXES.some((p) => path.startsWith(p)) || (AUDITED_PATHS as readonly string[]).includes(path);
}

export const AUDIT_MODEL = "consoleAudit";

export const auditSchema = {
  [AUDIT_MODEL]: {
    fields: {
      at: { type: "date", required: true, input: false },
      actorId: { type: "string", required: false, input: false },
      actorEmail: { type: "string", required: false, input: false },
      /** "session" | "api-key" | "none" (a server-side call without a credential) */
      credentialKind: { type: "string", required: true, input: false },
      /** the session's id or the API key's id; never a token or key */
      credentialId: { type: "string", required: false, input: false },
      action: { type: "string", required: true, input: false },
      target: { type: "string", required: false, input: false },
      ipAddress: { type: "string", required: false, input: false },
      userAgent: { type: "string", required: false, input: false },
      /** "success" | "failure" */
      outcome: { type: "string", required: true, input: false },
      status: { type: "number", required: true, input: false },
      /** the error code of a failure (e.g. FORBIDDEN), else null */
      errorCode: { type: "string", required: false, input: false },
    },
    indexes: [
      { name: "pikku_audit_at", fields: ["at"] },
      { name: "pikku_audit_actor_at", fields: ["actorId", "at"] },
      { name: "pikku_audit_action_at", fields: ["action", "at"] },
      { name: "pikku_audit_target_at", fields: ["target", "at"] },
    ],
  },
} as const;

export interface AuditRow {
  id: string;
  at: Date | string | number;
  actorId?: string | null;
  actorEmail?: string | null;
  credentialKind: string;
  credentialId?: string | null;
  action: string;
  target?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  outcome: string;
  status: number;
  errorCode?: string | null;
}

/** Who called, as known before the endpoint ran (a sign-out's session is gone afterwards). */
export interface AuditActor {
  actorId: string | null;
  actorEmail: string | null;
  credentialKind: "session" | "api-key" | "none";
  credentialId: string | null;
  /** a target only known before the call (the session behind /revoke-session's token) */
  target?: string | null;
}

/** Bounded plain text: control characters dropped, at most `max` characters. */
export function bounded(value: unknown, max: number): string | null {
  if (typeof value !== "string" || value === "") return null;
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, "");
  return clean.length > max ? clean.slice(0, max) : clean;
}

/** The API Key plugin's default hash of a key (sha256, base64url): to find the key's row, never stored. */
export function apiKeyHash(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

/** The target id of a call, from its body and reply: the first of the known id fields. */
export function auditTarget(body: unknown, returned: unknown): string | null {
  const pick = (o: unknown, fields: string[]): string | null => {
    if (!o || typeof o !== "object") return null;
    const r = o as Record<string, unknown>;
    for (const f of fields) {
      const v = r[f];
      if (typeof v === "string" && v) return bounded(v, 256);
    }
    return null;
  };
  // A key acted on, then a key created (mint: not its owner), then a user or session acted on, then
  // anything created (never the reply's secret fields).
  const r = returned && typeof returned === "object" ? (returned as Record<string, unknown>) : null;
  const userCode = pick(body, ["userCode", "user_code"]);
  return (
    pick(body, ["keyId", "sessionId"]) ?? pick(r?.apiKey, ["id"]) ?? pick(body, ["userId", "id"]) ??
    (userCode ? `device:${userCode}` : null) ?? pick(r?.user, ["id"]) ?? pick(r, ["id"])
  );
}

export function toAuditEntry(row: AuditRow) {
  const at = row.at instanceof Date ? row.at : new Date(row.at);
  return {
    id: row.id,
    at: Number.isNaN(at.getTime()) ? null : at.toISOString(),
    actorId: row.actorId ?? null,
    actorEmail: row.actorEmail ?? null,
    credential: { kind: row.credentialKind, id: row.credentialId ?? null },
    action: row.action,
    target: row.target ?? null,
    ipAddress: row.ipAddress ?? null,
    userAgent: row.userAgent ?? null,
    outcome: row.outcome,
    status: row.status,
    errorCode: row.errorCode ?? null,
  };
}
export type ConsoleAuditEntry = ReturnType<typeof toAuditEntry>;
