// The default bus: one process, nothing to run. Messages are delivered synchronously to this process's
// subscribers; there are no other instances.
import { randomUUID } from "node:crypto";
import type { BusMessage, ConsoleBus, PublicConnection } from "./types.js";

export function memoryBus(): ConsoleBus {
  const handlers = new Set<(msg: BusMessage) => void>();
  return {
    instanceId: randomUUID(),
    kind: "memory",
    ready: async () => {},
    publish(msg) {
      for (const h of [...handlers]) h(msg);
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    registerConnections: () => () => {},
    connectionsChanged() {},
    remoteConnections: async (): Promise<PublicConnection[]> => [],
    async close() {
      handlers.clear();
    },
  };
}
