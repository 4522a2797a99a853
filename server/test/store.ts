// Where a test's dev server keeps its data: a SQLite file (npm test), or, under `npm run test:pg`
// (scripts/with-pg-redis.sh sets DATABASE_URL and REDIS_URL, the script sets PIKKU_TEST_PG=1), a fresh
// PostgreSQL database per file name plus the Redis bus under a prefix of its own, so servers of different
// tests never see each other's events.
import { randomBytes } from "node:crypto";
import pg from "pg";
import Database from "better-sqlite3";

export const PG = process.env.PIKKU_TEST_PG === "1";
export const REDIS_URL = process.env.REDIS_URL ?? "";

interface PgStore {
  url: string;
  prefix: string;
  secret: string;
}
const stores = new Map<string, PgStore>();

/** A URL like DATABASE_URL's, naming another database on the same server. */
function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The same store for the same file name (a restarted server finds its data), a new one for a new name. */
async function pgStore(file: string): Promise<PgStore> {
  const known = stores.get(file);
  if (known) return known;
  const admin = process.env.DATABASE_URL;
  if (!admin || !REDIS_URL) throw new Error("PIKKU_TEST_PG=1 needs DATABASE_URL and REDIS_URL (run through scripts/with-pg-redis.sh)");
  const name = `pikku_t_${randomBytes(6).toString("hex")}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  const store = { url: withDatabase(admin, name), prefix: name, secret: randomBytes(32).toString("base64url") };
  stores.set(file, store);
  return store;
}

/** Dev-server arguments and environment for the store named by `file`. */
export async function storeArgs(file: string): Promise<{ args: string[]; env: Record<string, string> }> {
  if (!PG) return { args: ["--db", file], env: {} };
  const s = await pgStore(file);
  return { args: ["--database", s.url, "--redis", REDIS_URL, "--redis-prefix", s.prefix], env: { BETTER_AUTH_SECRET: s.secret } };
}

/** Runs one statement straight against the store's database, behind better-auth's back (`?` placeholders). */
export async function sqlExec(file: string, sql: string, params: unknown[] = []): Promise<number> {
  if (!PG) {
    const db = new Database(file);
    try {
      return db.prepare(sql).run(...(params as never[])).changes;
    } finally {
      db.close();
    }
  }
  const c = new pg.Client({ connectionString: (await pgStore(file)).url });
  await c.connect();
  try {
    let n = 0;
    const r = await c.query(sql.replace(/\?/g, () => `$${++n}`), params);
    return r.rowCount ?? 0;
  } finally {
    await c.end();
  }
}
