import autocannon from 'autocannon';
import type { ResultRow } from './bench-table';
import { cpuPerOperation, describeCpu, type CpuMeter } from './cpu-meter';
import type { JejakServer } from './jejak-server';
import type { RegistrationBody } from './registration-bodies';

export interface HttpBenchOptions {
  server: JejakServer;
  nextBody: () => RegistrationBody;
  connections?: readonly number[];
  /** seconds per autocannon run */
  seconds?: number;
  /** CPU of server, PostgreSQL and bench per command, reported beside each run */
  cpu?: CpuMeter;
  log?: (line: string) => void;
}

interface Run {
  ok: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

const SECTION = 'HTTP commands';

function summarise(r: autocannon.Result): Run {
  return { ok: r['2xx'], perSecond: r['2xx'] / r.duration, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors + r.timeouts };
}

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/**
 * Registrations (POST /v1/entrepreneurs, a fresh valid NIK per request) at 1, 16 and 64
 * connections, each beside the same server answering GET /health at the same concurrency.
 * Latency is autocannon's: from request written to response read, on a kept-alive connection.
 */
export async function runHttpBench(o: HttpBenchOptions): Promise<ResultRow[]> {
  const seconds = o.seconds ?? 10;
  const token = await o.server.token('supervisor');
  const rows: ResultRow[] = [];
  // warm-up: JIT, connection pools, prepared statements
  await cannon({
    url: o.server.url,
    connections: 8,
    duration: 2,
    requests: [{ method: 'POST', path: '/v1/entrepreneurs', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: JSON.stringify(o.nextBody()) }) }],
  });
  for (const connections of o.connections ?? [1, 16, 64]) {
    const health = summarise(await cannon({ url: `${o.server.url}/health`, connections, duration: seconds }));
    const before = o.cpu?.snapshot();
    const commands = summarise(
      await cannon({
        url: o.server.url,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/v1/entrepreneurs',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: JSON.stringify(o.nextBody()) }),
          },
        ],
      }),
    );
    const after = o.cpu?.snapshot();
    const cpu = before && after ? describeCpu(cpuPerOperation(before, after, commands.ok)) : undefined;
    o.log?.(
      `  ${connections} conn: ${commands.perSecond.toFixed(0)} commands/s p50 ${commands.p50} ms p99 ${commands.p99} ms (${commands.failed} failed); /health ${health.perSecond.toFixed(0)} req/s p50 ${health.p50} ms p99 ${health.p99} ms${cpu ? `; ${cpu}` : ''}`,
    );
    const note = [cpu, commands.failed ? `${commands.failed} requests failed (non-2xx, errors or timeouts)` : ''].filter(Boolean).join('; ') || undefined;
    const at16 = connections === 16;
    rows.push(
      { section: SECTION, name: `register, ${connections} conn: throughput`, value: commands.perSecond, unit: 'commands/s', baselineName: 'GET /health', baseline: health.perSecond, target: at16 ? { on: 'value', op: '>=', bound: 500 } : undefined, note },
      { section: SECTION, name: `register, ${connections} conn: p50`, value: commands.p50, unit: 'ms', baselineName: 'GET /health', baseline: health.p50 },
      { section: SECTION, name: `register, ${connections} conn: p99`, value: commands.p99, unit: 'ms', baselineName: 'GET /health', baseline: health.p99, target: at16 ? { on: 'value', op: '<', bound: 100 } : undefined },
    );
  }
  return rows;
}
