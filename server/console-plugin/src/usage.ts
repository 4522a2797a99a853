// Per-key verification counts by hour (issue 13, item 5): success, failure and rate-limited, counted in
// memory on each verification (a Map increment, no I/O on the verification's path) and written to the
// `consoleKeyUsage` table every flushSeconds (one row per key and hour, read-modify-write through
// better-auth's adapter). Reads add what is still in memory, so a reply is never behind the counters.

export const USAGE_MODEL = "consoleKeyUsage";
export const HOUR_MS = 3600_000;

export const usageSchema = {
  [USAGE_MODEL]: {
    fields: {
      keyId: { type: "string", required: true, input: false },
      /** the hour's start (UTC) */
      hour: { type: "date", required: true, input: false },
      success: { type: "number", required: true, input: false },
      failure: { type: "number", required: true, input: false },
      rateLimited: { type: "number", required: true, input: false },
    },
    indexes: [{ name: "pikku_usage_key_hour", fields: ["keyId", "hour"] }],
  },
} as const;

export type UsageOutcome = "success" | "failure" | "rateLimited";
export interface UsageCounts {
  success: number;
  failure: number;
  rateLimited: number;
}
interface UsageRow extends UsageCounts {
  id: string;
  keyId: string;
  hour: Date | string | number;
}

/** The adapter calls the counter needs (better-auth's adapter has them all). */
export interface UsageAdapter {
  findOne<T>(args: { model: string; where: { field: string; value: string | Date }[] }): Promise<T | null>;
  findMany<T>(args: { model: string; where: { field: string; operator?: "in" | "gte" | "lt"; value: string | string[] | Date }[]; limit: number }): Promise<T[]>;
  create<T extends Record<string, unknown>, R = T>(args: { model: string; data: T }): Promise<R>;
  update<T>(args: { model: string; where: { field: string; value: string }[]; update: Record<string, unknown> }): Promise<T | null>;
}

const hourOf = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
const asMs = (v: Date | string | number) => (v instanceof Date ? v.getTime() : typeof v === "number" ? v : Date.parse(v));

/** At most this many (key, hour) cells wait in memory; beyond it a flush starts at once. */
const MAX_PENDING = 50_000;

export class UsageCounter {
  private pending = new Map<string, UsageCounts>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private adapter: (() => Promise<UsageAdapter>) | null = null;

  constructor(private readonly flushMs: number, private readonly log: (msg: string) => void) {}

  /** Starts the periodic flush (idempotent); `adapter` resolves to better-auth's adapter. */
  start(adapter: () => Promise<UsageAdapter>) {
    this.adapter = adapter;
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.flushMs);
    this.timer.unref?.();
  }

  /** On the verification's path: one Map update, nothing else. */
  record(keyId: string, outcome: UsageOutcome, now = Date.now()) {
    const k = `${keyId}\n${hourOf(now)}`;
    let c = this.pending.get(k);
    if (!c) {
      c = { success: 0, failure: 0, rateLimited: 0 };
      this.pending.set(k, c);
      if (this.pending.size >= MAX_PENDING) void this.flush();
    }
    c[outcome]++;
  }

  /** Writes what is in memory (one flush at a time; a failed cell is put back for the next flush). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeOut()).catch((e: unknown) => this.log(`key usage flush failed: ${e instanceof Error ? e.message : String(e)}`));
    return this.flushing;
  }

  private async writeOut() {
    if (!this.adapter || this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const a = await this.adapter();
    for (const [k, c] of batch) {
      const [keyId, hourText] = k.split("\n");
      const hour = new Date(Number(hourText));
      try {
        const row = await a.findOne<UsageRow>({ model: USAGE_MODEL, where: [{ field: "keyId", value: keyId }, { field: "hour", value: hour }] });
        if (row)
          await a.update({ model: USAGE_MODEL, where: [{ field: "id", value: row.id }], update: {
            success: row.success + c.success, failure: row.failure + c.failure, rateLimited: row.rateLimited + c.rateLimited,
          } });
        else await a.create({ model: USAGE_MODEL, data: { keyId, hour, ...c } });
      } catch (e) {
        const back = this.pending.get(k) ?? { success: 0, failure: 0, rateLimited: 0 };
        back.success += c.success;
        back.failure += c.failure;
        back.rateLimited += c.rateLimited;
        this.pending.set(k, back);
        throw e;
      }
    }
  }

  /** Hourly counts of `keyIds` from `since` on (stored rows plus what is still in memory), by key then hour (ms). */
  async hourly(a: UsageAdapter, keyIds: string[], since: number): Promise<Map<string, Map<number, UsageCounts>>> {
    const out = new Map<string, Map<number, UsageCounts>>();
    const add = (keyId: string, hour: number, c: UsageCounts) => {
      if (hour < hourOf(since)) return;
      let m = out.get(keyId);
      if (!m) out.set(keyId, (m = new Map()));
      const cur = m.get(hour) ?? { success: 0, failure: 0, rateLimited: 0 };
      cur.success += c.success;
      cur.failure += c.failure;
      cur.rateLimited += c.rateLimited;
      m.set(hour, cur);
    };
    if (keyIds.length === 0) return out;
    const rows = await a.findMany<UsageRow>({
      model: USAGE_MODEL,
      where: [{ field: "keyId", operator: "in", value: keyIds }, { field: "hour", operator: "gte", value: new Date(hourOf(since)) }],
      limit: keyIds.length * 24 * 32,
    });
    for (const r of rows) add(r.keyId, asMs(r.hour), r);
    const wanted = new Set(keyIds);
    for (const [k, c] of this.pending) {
      const [keyId, hourText] = k.split("\n");
      if (wanted.has(keyId)) add(keyId, Number(hourText), c);
    }
    return out;
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** Buckets from `since` to now, oldest first, each hour or day (UTC), zeros included. */
export function buckets(hours: Map<number, UsageCounts> | undefined, since: number, now: number, size: "hour" | "day") {
  const step = size === "hour" ? HOUR_MS : 24 * HOUR_MS;
  const start = Math.floor(since / step) * step;
  const out: ({ start: string } & UsageCounts)[] = [];
  for (let t = start; t <= now; t += step) out.push({ start: new Date(t).toISOString(), success: 0, failure: 0, rateLimited: 0 });
  for (const [hour, c] of hours ?? []) {
    const i = Math.floor((Math.floor(hour / step) * step - start) / step);
    if (i < 0 || i >= out.length) continue;
    out[i].success += c.success;
    out[i].failure += c.failure;
    out[i].rateLimited += c.rateLimited;
  }
  return out;
}
