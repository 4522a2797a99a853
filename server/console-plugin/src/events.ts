// The plugin's event bus: what the plugin (its endpoints and its better-auth hooks) tells the live channels
// of every instance. Messages travel over a ConsoleBus (./bus): in memory by default (one process), over
// Redis pub/sub with redisBus() (several server instances). Each message is delivered here, to this
// process's live channels, through `consoleEvents`.
import { EventEmitter } from "node:events";
import { memoryBus } from "./bus/memory.js";
import type { BusMessage, CloseTarget, ConsoleBus, ConsoleEvent, PublicConnection, UserChange } from "./bus/types.js";

export type { BusMessage, CloseTarget, ConsoleBus, ConsoleEvent, PublicConnection, UserChange } from "./bus/types.js";

/**
 * This process's side of the bus, read by the live channel:
 *  - ("event", name: ConsoleEvent, data): pushed to subscribers of the "sessions" topic; data never carries a secret;
 *  - ("close", target: CloseTarget): open connections using that session, key or user are closed with 4401;
 *  - ("user", user): a user row changed (role, ban); the channel re-checks that user's connections.
 * Every message published on any instance arrives here once.
 */
export const consoleEvents = new EventEmitter();
consoleEvents.setMaxListeners(1000);

const deliver = (msg: BusMessage) => {
  if (msg.kind === "event") consoleEvents.emit("event", msg.name, msg.data);
  else if (msg.kind === "close") consoleEvents.emit("close", msg.target);
  else consoleEvents.emit("user", msg.user);
};

let bus: ConsoleBus = memoryBus();
let unsubscribe = bus.subscribe(deliver);

/**
 * Makes `next` the process's bus (consolePlugin({ bus }) calls this). The previous one stops being listened
 * to; closing it is its owner's business. One bus per process: every auth instance in it shares it.
 */
export function useConsoleBus(next: ConsoleBus): void {
  if (next === bus) return;
  unsubscribe();
  bus = next;
  unsubscribe = bus.subscribe(deliver);
}

/** The bus in use (the memory bus unless useConsoleBus was called). */
export function consoleBus(): ConsoleBus {
  return bus;
}

export function emitEvent(name: ConsoleEvent, data: unknown) {
  bus.publish({ kind: "event", name, data });
}

export function closeChannels(target: CloseTarget) {
  bus.publish({ kind: "close", target });
}

export function userChanged(user: UserChange) {
  // Only what the channels act on travels: never a whole user row.
  const msg: UserChange = { id: user.id };
  if ("role" in user) msg.role = user.role === null || user.role === undefined ? "" : String(user.role);
  if ("banned" in user) msg.banned = user.banned === true;
  bus.publish({ kind: "user", user: msg });
}

/** This process's live channels' connections (what /console/overview counts here; the bus has the others'). */
const localSources = new Set<() => PublicConnection[]>();
export function registerLocalConnections(source: () => PublicConnection[]): () => void {
  localSources.add(source);
  return () => {
    localSources.delete(source);
  };
}
export function localConnections(): PublicConnection[] {
  return [...localSources].flatMap((s) => s());
}
