import { createHash } from 'node:crypto';
import type { QueryConfig } from 'pg';

const names = new Map<string, string>();
/** distinct texts kept: tables x statement kinds, and the schemas of rebuilds; a bound for a process that runs for months */
const MAX_NAMES = 1000;

/**
 * A statement run by name: PostgreSQL parses and analyses it once per connection instead of at
 * every batch, and plans it once too where a generic plan is as good as a custom one. The live
 * projector runs a dozen statements per batch, and a multi-column upsert spends more time being
 * prepared than being executed: measured about 115 us of PostgreSQL saved per statement. The name is a digest of the text, so one name always means one text, as pg requires,
 * and a new table version (new columns, a new schema) gets a statement of its own. Texts that
 * return rows must name their columns, never `*`: a prepared statement may not change its result
 * type when a table gains a column.
 */
export function prepared(text: string, values: unknown[]): QueryConfig {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_NAMES) names.clear();
    name = `jejak_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return { name, text, values };
}
