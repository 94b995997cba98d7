import type { Pool } from 'pg';
import { percentile, type ResultRow } from './bench-table';
import type { JejakServer } from './jejak-server';

export interface QueriesBenchOptions {
  server: JejakServer;
  pool: Pool;
  /** entrepreneurs to pick timelines and cases from */
  entrepreneurIds: readonly string[];
  kecamatanCodes: readonly string[];
  /** the instant for ?asOf= */
  asOf: string;
  /** label of the data size, e.g. `100k entrepreneurs` */
  size: string;
  samples?: number;
  log?: (line: string) => void;
}

interface QueryCase {
  name: string;
  p95Target: number;
  /** the HTTP path for sample i */
  path(i: number): string;
  /** the same work in raw SQL from the bench, as the handler issues it */
  sql(i: number): Promise<unknown>;
}

const SECTION = 'queries';
const CASELOAD_LIMIT = 50;

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Latency of the three reads caseworkers wait on, through HTTP on one kept-alive connection
 * (auth, validation, JSON included), each beside the same SQL issued from the bench with pg:
 * the difference is what the product adds on top of PostgreSQL.
 */
export async function runQueriesBench(o: QueriesBenchOptions): Promise<ResultRow[]> {
  const samples = o.samples ?? 400;
  const authorization = `Bearer ${await o.server.token('supervisor')}`;
  const id = (i: number) => o.entrepreneurIds[(i * 7919) % o.entrepreneurIds.length];
  const kecamatan = (i: number) => o.kecamatanCodes[i % o.kecamatanCodes.length];
  const cases: QueryCase[] = [
    {
      name: `caseload (1 kecamatan, limit ${CASELOAD_LIMIT})`,
      p95Target: 50,
      path: (i) => `/v1/entrepreneurs?regionCode=${kecamatan(i)}&limit=${CASELOAD_LIMIT}`,
      // ListCaseloadHandler's statement for a regionCode filter
      sql: (i) =>
        o.pool.query(
          `SELECT entrepreneur_id, full_name, stage, region_code, kecamatan_code, programme, caseworker_id, last_event_at,
                  next_follow_up_on::text AS next_follow_up_on, version, erased, registered_position
           FROM caseload WHERE (region_path = $1 OR region_path LIKE $2) ORDER BY registered_position DESC LIMIT ${CASELOAD_LIMIT + 1}`,
          [kecamatan(i), `${kecamatan(i)}.%`],
        ),
    },
    {
      name: 'timeline (one case)',
      p95Target: 20,
      path: (i) => `/v1/entrepreneurs/${id(i)}/timeline`,
      // GetTimelineHandler: the owner's kecamatan, then the entries
      sql: async (i) => {
        await o.pool.query(`SELECT kecamatan_code FROM caseload WHERE entrepreneur_id = $1`, [id(i)]);
        return o.pool.query(
          `SELECT version, global_position, event_id, type, occurred_at, recorded_at, actor_id, actor_role, summary
           FROM timeline WHERE entrepreneur_id = $1 ORDER BY version`,
          [id(i)],
        );
      },
    },
    {
      name: 'case asOf (folded from its stream)',
      p95Target: 30,
      path: (i) => `/v1/entrepreneurs/${id(i)}?asOf=${encodeURIComponent(o.asOf)}`,
      // GetCaseHandler: the stream until the instant, then the person's data key
      sql: async (i) => {
        await o.pool.query(
          `SELECT global_position, stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at,
                  encode(hash, 'hex') AS hash
           FROM events WHERE stream_id = $1 AND stream_version >= 1 AND recorded_at <= $2 ORDER BY stream_version`,
          [`entrepreneur-${id(i)}`, o.asOf],
        );
        return o.pool.query(`SELECT subject_id, wrapped_key, key_version, master_key_id FROM personal_data_keys WHERE subject_id = ANY($1::uuid[])`, [[id(i)]]);
      },
    },
  ];
  const rows: ResultRow[] = [];
  for (const c of cases) {
    const http = async (i: number) => {
      const res = await fetch(`${o.server.url}${c.path(i)}`, { headers: { authorization } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${c.name}: GET ${c.path(i)} answered ${res.status}`);
    };
    // warm-up: JIT, plans, the vault's key cache sees the same people the timed loop does
    for (let i = 0; i < 50; i++) await http(i + samples);
    for (let i = 0; i < 50; i++) await c.sql(i + samples);
    const api: number[] = [];
    const raw: number[] = [];
    // interleaved, so drift (autovacuum, checkpoints) hits both alike
    for (let i = 0; i < samples; i++) {
      api.push(await time(() => http(i)));
      raw.push(await time(() => c.sql(i)));
    }
    const [p50, p95, b50, b95] = [percentile(api, 50), percentile(api, 95), percentile(raw, 50), percentile(raw, 95)];
    o.log?.(`  ${c.name}: p50 ${p50.toFixed(2)} ms p95 ${p95.toFixed(2)} ms; raw SQL p50 ${b50.toFixed(2)} ms p95 ${b95.toFixed(2)} ms`);
    rows.push(
      { section: SECTION, name: `${c.name} at ${o.size}: p50`, value: p50, unit: 'ms', baselineName: 'raw SQL', baseline: b50 },
      { section: SECTION, name: `${c.name} at ${o.size}: p95`, value: p95, unit: 'ms', baselineName: 'raw SQL', baseline: b95, target: { on: 'value', op: '<', bound: c.p95Target } },
    );
  }
  return rows;
}
