/** Identifier helpers: projection and table names end up in DDL, so they are checked and quoted. */
const NAME = /^[a-z][a-z0-9_]{0,40}$/;

export function assertName(kind: string, name: string): void {
  if (!NAME.test(name)) throw new Error(`${kind} name "${name}" must match ${NAME}`);
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualified(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

/** Two-key advisory locks: the first key namespaces Jejak's projection locks. */
export const LOCK_NAMESPACE = 0x6a6a7072; // 'jjpr'
export const LEADER_LOCK_ID = 1;
export const SETUP_LOCK_ID = 2;
