import { HttpProblem } from '@jejak/platform';

/** Opaque to clients (they must not build one), but plain base64url JSON for us. */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(cursor: string, isValid: (v: unknown) => v is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isValid(value)) return value;
  } catch {
    // fall through to the problem below
  }
  throw new HttpProblem(400, 'REQUEST.INVALID_CURSOR', 'cursor is not one this API handed out');
}

/** A cursor on a uuid key. The id must be a uuid, not any string: it is compared with a uuid column, where other text is a database error (500) instead of a 400. */
export type IdCursor = { id: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isIdCursor = (v: unknown): v is IdCursor => typeof v === 'object' && v !== null && typeof (v as IdCursor).id === 'string' && UUID.test((v as IdCursor).id);

/** `32.16` matches itself and everything under it, never `32.160`. */
export function regionPrefixParams(regionCode: string): [string, string] {
  return [regionCode, `${regionCode.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`];
}
