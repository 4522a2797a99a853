// The plugin's event bus: what the plugin (its endpoints and its better-auth hooks) tells the live channel.
import { EventEmitter } from "node:events";

export type ConsoleEvent =
  | "session.created"
  | "session.revoked"
  | "key.created"
  | "key.updated"
  | "key.deleted";

/** Which open live-channel connections lose their credential (closed with 4401). */
export interface CloseTarget {
  sessionId?: string;
  keyId?: string;
  userId?: string;
  reason: string;
}

/**
 * The plugin's event bus, read by the live channel:
 *  - ("event", name: ConsoleEvent, data): pushed to subscribers of the "sessions" topic; data never carries a secret;
 *  - ("close", target: CloseTarget): open connections using that session, key or user are closed with 4401;
 *  - ("user", user): a user row changed (role, ban); the channel re-checks that user's connections.
 */
export const consoleEvents = new EventEmitter();
consoleEvents.setMaxListeners(1000);

export function emitEvent(name: ConsoleEvent, data: unknown) {
  consoleEvents.emit("event", name, data);
}

export function closeChannels(target: CloseTarget) {
  consoleEvents.emit("close", target);
}

export function userChanged(user: { id: string; role?: unknown; banned?: unknown }) {
  consoleEvents.emit("user", user);
}
