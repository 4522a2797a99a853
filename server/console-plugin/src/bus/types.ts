// The event bus's contract: what one instance of the plugin tells every instance (itself included), and the
// registry of open live-channel connections across instances.

export type ConsoleEvent =
  | "session.created"
  | "session.revoked"
  | "key.created"
  | "key.updated"
  | "key.deleted"
  | "connection.opened"
  | "connection.closed"
  | "audit"
  | "device.requested";

export const CONSOLE_EVENTS: readonly ConsoleEvent[] = [
  "session.created",
  "session.revoked",
  "key.created",
  "key.updated",
  "key.deleted",
  "connection.opened",
  "connection.closed",
  "audit",
  "device.requested",
];

/** Which open live-channel connections lose their credential (closed with 4401). */
export interface CloseTarget {
  sessionId?: string;
  keyId?: string;
  userId?: string;
  /** With userId: only that user's Bearer (session) connections, not its API keys' (all sessions revoked). */
  sessionsOnly?: boolean;
  reason: string;
}

export interface UserChange {
  id: string;
  role?: unknown;
  banned?: unknown;
}

/** One message on the bus. Never carries a secret (no token, no key, no hash). */
export type BusMessage =
  | { kind: "event"; name: ConsoleEvent; data: unknown }
  | { kind: "close"; target: CloseTarget }
  | { kind: "user"; user: UserChange };

/** A live-channel connection as `list` reports it (console-api.md), plus the instance that holds it. */
export interface PublicConnection {
  connectionId: string;
  instanceId: string;
  userId: string;
  email: string | null;
  via: "bearer" | "api-key";
  keyId: string | null;
  keyName: string | null;
  openedAt: string;
  remoteAddress: string | null;
  messagesIn: number;
  messagesOut: number;
}

/**
 * A bus carries every BusMessage to every instance exactly once (the publishing instance included: it
 * delivers its own messages locally, at once) and keeps the registry of every instance's connections.
 */
export interface ConsoleBus {
  /** This process's instance id (in `list` rows as instanceId). */
  readonly instanceId: string;
  /** What carries the messages, announced in /console/info as live.bus: "memory", "redis", or a custom name. */
  readonly kind?: string;
  /** Resolves once messages from other instances are being received (at once for the memory bus). */
  ready(): Promise<void>;
  /** Delivers msg here (synchronously) and to every other instance. */
  publish(msg: BusMessage): void;
  /** Called with each message, local or remote, once. Returns an unsubscribe function. */
  subscribe(handler: (msg: BusMessage) => void): () => void;
  /**
   * This instance's live connections: the bus reads them when it announces them (a heartbeat) and
   * when they change. Returns an unregister function. Several channels may register.
   */
  registerConnections(source: () => PublicConnection[]): () => void;
  /** This instance's connections changed (opened or closed): announce them soon. */
  connectionsChanged(): void;
  /** Connections held by the *other* live instances (this one's are read from the channels directly). */
  remoteConnections(): Promise<PublicConnection[]>;
  /** Stops listening and announcing; this instance's connections leave the registry. */
  close(): Promise<void>;
}
