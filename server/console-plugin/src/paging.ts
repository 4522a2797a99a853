// Keyset (cursor) paging through better-auth's adapter, so it works on every database the adapter serves.
//
// Order: (sort field, id), both in the same direction. The adapter sorts by one field only and combines
// conditions flatly (every AND condition, then one OR group), so a page is read as:
//   1. on a cursor page, the rest of the cursor's tie group: field = v AND id < cursorId (sorted by id);
//   2. the rows after it: field < v (sorted by field), limit + 1 rows in all (the extra row says "more");
//   3. any tie group (same field value) with more than one row in 2. is read again sorted by id, as many
//      rows as 2. gave for it: the database, not JavaScript, decides the id order (collations differ).
// Without ties that is one query (two on a cursor page), each an index range scan with the indexes the
// plugin's schema adds: the time per page does not grow with the table.
import type { Where } from "better-auth";

export type SortDirection = "asc" | "desc";

export interface SortSpec {
  field: string;
  direction: SortDirection;
  /** date fields are compared as instants; others as strings */
  kind: "date" | "string";
}

/** What the cursor carries: the sort it belongs to, the query fingerprint, the last row's sort value and id. */
interface CursorData {
  s: string;
  q: string;
  v: string;
  id: string;
  /** with x: the total counted on the first page; without: the rows through the cursor's page (a lower bound) */
  n: number;
  /** 1 when n is an exact count (the walk started with count=exact) */
  x?: 1;
}

export class CursorError extends Error {}

export function encodeCursor(sortKey: string, fingerprint: string, value: string, id: string, total: number, exact = true): string {
  const data: CursorData = { s: sortKey, q: fingerprint, v: value, id, n: total };
  if (exact) data.x = 1;
  return Buffer.from(JSON.stringify(data), "utf8").toString("base64url");
}

/** Parses a cursor of this query; throws CursorError (shown as VALIDATION_ERROR) for anything else. */
export function decodeCursor(cursor: string, sortKey: string, fingerprint: string): { value: string; id: string; total: number; exact: boolean } {
  if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new CursorError("is not a cursor this server issued");
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new CursorError("is not a cursor this server issued");
  }
  if (!data || typeof data !== "object") throw new CursorError("is not a cursor this server issued");
  const d = data as Partial<CursorData>;
  if (typeof d.s !== "string" || typeof d.q !== "string" || typeof d.v !== "string" || typeof d.id !== "string" || d.id.length === 0 ||
      typeof d.n !== "number" || !Number.isSafeInteger(d.n) || d.n < 0 || (d.x !== undefined && d.x !== 1))
    throw new CursorError("is not a cursor this server issued");
  if (d.s !== sortKey) throw new CursorError(`was issued for sort ${d.s}, not ${sortKey}`);
  if (d.q !== fingerprint) throw new CursorError("was issued for another query (userId or search changed): start again without a cursor");
  return { value: d.v, id: d.id, total: d.n, exact: d.x === 1 };
}

/** The adapter's findMany, as far as paging needs it. */
export interface PagingAdapter {
  findMany<T>(args: {
    model: string;
    where?: Where[];
    limit: number;
    offset?: number;
    sortBy?: { field: string; direction: SortDirection };
  }): Promise<T[]>;
}

interface Row {
  id: string;
}

function sortValue(row: Row, sort: SortSpec): string {
  const v = (row as unknown as Record<string, unknown>)[sort.field];
  if (sort.kind === "date") {
    const d = v instanceof Date ? v : new Date(String(v));
    return Number.isNaN(d.getTime()) ? "" : d.toISOString();
  }
  return v === null || v === undefined ? "" : String(v);
}

function whereValue(value: string, sort: SortSpec): string | Date {
  return sort.kind === "date" ? new Date(value) : value;
}

export interface KeysetPage<T> {
  rows: T[];
  /** the cursor for the page after this one; null on the last page */
  nextCursor: string | null;
  /** how many adapter queries the page took (benchmarks) */
  queries: number;
}

/** One page in (sort field, id) order after `cursor` (null: the first page). `where` holds the filters. */
export async function keysetPage<T extends Row>(
  adapter: PagingAdapter,
  model: string,
  where: Where[],
  sort: SortSpec,
  limit: number,
  cursor: { value: string; id: string } | null,
  sortKey: string,
  fingerprint: string,
  /** what the next cursor carries: an exact total, or (exact false) the rows seen through this page */
  total: { exact: boolean; value: (pageRows: number) => number },
): Promise<KeysetPage<T>> {
  const dir = sort.direction;
  const after = dir === "desc" ? "lt" : "gt";
  const want = limit + 1;
  let queries = 0;
  const rows: T[] = [];
  if (cursor) {
    queries++;
    rows.push(
      ...(await adapter.findMany<T>({
        model,
        where: [...where, { field: sort.field, value: whereValue(cursor.value, sort) }, { field: "id", operator: after, value: cursor.id }],
        sortBy: { field: "id", direction: dir },
        limit: want,
      })),
    );
  }
  if (rows.length < want) {
    queries++;
    const rest = await adapter.findMany<T>({
      model,
      where: cursor ? [...where, { field: sort.field, operator: after, value: whereValue(cursor.value, sort) }] : where,
      sortBy: { field: sort.field, direction: dir },
      limit: want - rows.length,
    });
    // Tie groups in `rest`, in order; a group with more than one row is re-read in id order.
    let i = 0;
    while (i < rest.length) {
      const v = sortValue(rest[i], sort);
      let j = i + 1;
      while (j < rest.length && sortValue(rest[j], sort) === v) j++;
      if (j - i === 1) {
        rows.push(rest[i]);
      } else {
        queries++;
        rows.push(
          ...(await adapter.findMany<T>({
            model,
            where: [...where, { field: sort.field, value: whereValue(v, sort) }],
            sortBy: { field: "id", direction: dir },
            limit: j - i,
          })),
        );
      }
      i = j;
    }
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(sortKey, fingerprint, sortValue(last, sort), last.id, total.value(page.length), total.exact) : null;
  return { rows: page, nextCursor, queries };
}
