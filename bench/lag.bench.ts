import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { percentile, type ResultRow } from './bench-table';
import { cpuPerOperation, describeCpu, type CpuMeter } from './cpu-meter';
import type { JejakServer } from './jejak-server';
import type { RegistrationBody } from './registration-bodies';

export interface LagBenchOptions {
  server: JejakServer;
  pool: Pool;
  nextBody: () => RegistrationBody;
  /** commands per second, sent open-loop (on a clock, not after the previous answer) */
  rate?: number;
  seconds?: number;
  cpu?: CpuMeter;
  log?: (line: string) => void;
}

const SECTION = 'projection lag';
const POLL_MS = 10;
/** like a pool of browsers and apps: beyond this, writes wait in the client (and count in command latency) */
const MAX_SOCKETS = 64;
const DRAIN_TIMEOUT_MS = 30_000;

interface Write {
  position: number;
  answeredAt: number;
}

/** The position every projection has passed: a write is visible in all read models from then on. */
async function projectedPosition(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ p: string | null }>(`SELECT min(position) AS p FROM projection_checkpoints WHERE status = 'running'`);
  return Number(rows[0].p ?? 0);
}

/**
 * Registrations at a steady rate; for each, the time from its 201 (the event is committed and its
 * globalPosition known) until every projection's checkpoint has passed that position, observed by
 * polling projection_checkpoints every 10 ms (the figure's resolution). Beside it, as the baseline,
 * the command's own latency at the same rate: projecting against writing.
 */
export async function runLagBench(o: LagBenchOptions): Promise<ResultRow[]> {
  const rate = o.rate ?? 200;
  const seconds = o.seconds ?? 20;
  const total = Math.round(rate * seconds);
  const authorization = `Bearer ${await o.server.token('supervisor')}`;
  const waiting: Write[] = [];
  const lags: number[] = [];
  const latencies: number[] = [];
  let failed = 0;
  const failures = new Map<string, number>();
  const fail = (why: string) => {
    failed++;
    failures.set(why, (failures.get(why) ?? 0) + 1);
  };
  let seen = await projectedPosition(o.pool);
  let sending = true;

  const poller = (async () => {
    while (sending || waiting.length) {
      const position = await projectedPosition(o.pool);
      const now = performance.now();
      seen = Math.max(seen, position);
      for (let i = waiting.length - 1; i >= 0; i--)
        if (waiting[i].position <= seen) {
          lags.push(now - waiting[i].answeredAt);
          waiting.splice(i, 1);
        }
      if (!sending && waiting.length && now - Math.max(...waiting.map((w) => w.answeredAt)) > DRAIN_TIMEOUT_MS) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();

  const agent = new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const post = (body: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${o.server.url}/v1/entrepreneurs`, { method: 'POST', agent, headers: { authorization, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });

  const send = async () => {
    const started = performance.now();
    try {
      const res = await post(JSON.stringify(o.nextBody()));
      const answeredAt = performance.now();
      const position = res.status === 201 ? (JSON.parse(res.body) as { globalPosition?: number }).globalPosition : undefined;
      if (typeof position !== 'number') return fail(`HTTP ${res.status}`);
      latencies.push(answeredAt - started);
      // already projected by the time the answer arrived: no lag to wait for
      if (position <= seen) lags.push(0);
      else waiting.push({ position, answeredAt });
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  };

  const cpuBefore = o.cpu?.snapshot();
  const startedAt = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = startedAt + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send());
  }
  const sentSeconds = (performance.now() - startedAt) / 1000;
  await Promise.all(inFlight);
  sending = false;
  await poller;
  agent.destroy();
  const cpuAfter = o.cpu?.snapshot();
  const cpu = cpuBefore && cpuAfter ? describeCpu(cpuPerOperation(cpuBefore, cpuAfter, total - failed)) : '';
  const unprojected = waiting.length;
  const achieved = (total - failed) / sentSeconds;
  const why = [...failures].map(([k, n]) => `${n} x ${k}`).join(', ');
  const [p50, p99, w50, w99] = [percentile(lags, 50), percentile(lags, 99), percentile(latencies, 50), percentile(latencies, 99)];
  o.log?.(
    `  ${total} registrations at ${achieved.toFixed(0)}/s (${failed} failed${failed ? `: ${why}` : ''}): lag p50 ${p50.toFixed(1)} ms p99 ${p99.toFixed(1)} ms max ${Math.max(...lags).toFixed(1)} ms; command p50 ${w50.toFixed(1)} ms p99 ${w99.toFixed(1)} ms${unprojected ? `; ${unprojected} never projected` : ''}${cpu ? `; ${cpu}` : ''}`,
  );
  const problems = [failed ? `${failed} commands failed: ${why}` : '', unprojected ? `${unprojected} writes not projected within ${DRAIN_TIMEOUT_MS / 1000} s` : ''].filter(Boolean).join('; ');
  const note = `${total} registrations at ${achieved.toFixed(0)} commands/s for ${sentSeconds.toFixed(0)} s; lag measured from the 201 answer, polled every ${POLL_MS} ms${cpu ? `; ${cpu}` : ''}${problems ? `; ${problems}` : ''}`;
  return [
    { section: SECTION, name: `lag at ${rate} commands/s: p50`, value: p50, unit: 'ms', baselineName: 'command latency', baseline: w50 },
    { section: SECTION, name: `lag at ${rate} commands/s: p99`, value: unprojected ? Number.POSITIVE_INFINITY : p99, unit: 'ms', baselineName: 'command latency', baseline: w99, target: { on: 'value', op: '<', bound: 1000 }, note },
  ];
}
