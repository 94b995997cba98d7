import type { PoolClient } from 'pg';
import type { Projection, ProjectionContext } from '../projection';
import { qualified } from './sql';

/** `ctx.table` for one projection in `schema`: its own tables only, schema-qualified and quoted */
export function tableResolver(projection: Projection, schema: string): (name: string) => string {
  const owned = new Set(projection.tables.map((t) => t.name));
  return (name) => {
    if (!owned.has(name)) throw new Error(`projection ${projection.name} does not own table ${name}`);
    return qualified(schema, name);
  };
}

/** the context for applying to the live tables (the projector and the dead-letter retry) */
export function liveContext(client: PoolClient, projection: Projection, schema: string): ProjectionContext {
  return { client, rebuilding: false, table: tableResolver(projection, schema) };
}
