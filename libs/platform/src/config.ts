import { resolve } from 'node:path';

/** pino's levels; `silent` logs nothing (tests). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Process configuration, read once from the environment and validated with clear messages. */
export interface JejakConfig {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  kafkaBrokers: string[];
  kurrentDbUrl: string | null;
  /** where the event log lives; KurrentDB only when asked for explicitly (ADR 0006) */
  eventStore: 'postgres' | 'kurrentdb';
  /** pino's level for the structured log; `silent` for none */
  logLevel: LogLevel;
  /** how often the processes that project seal audit anchors (ADR 0009); null: never (`off`) */
  auditAnchorIntervalMs: number | null;
  /**
   * How long an idle kept-alive HTTP connection stays open (Node's default is 5 s). Behind a load
   * balancer it must outlast the balancer's own idle timeout (60 s on the common ones), or the
   * balancer reuses a connection Node is closing and its client gets a 502 or a reset.
   */
  httpKeepAliveMs: number;
  /**
   * Whether processes tell each other of appends through LISTEN/NOTIFY (ADR 0011). Off only where
   * LISTEN cannot work (a pooler in transaction mode): readers then find writes by their poll.
   */
  appendSignal: boolean;
  /**
   * Whether appends made while others are being written share the next transaction, each
   * succeeding or failing on its own (group commit, ADR 0012). Off: a transaction per append.
   */
  appendGroupCommit: boolean;
  /**
   * The environment these settings were read from (a copy). The settings of other modules (auth,
   * projections, the journey policy, Kafka, keys) are read from it too, never from process.env,
   * so a process configured by startApp's `env` is configured through and through. It holds the
   * secrets too, so it is not enumerable: a logged or serialised config does not show it. The
   * enumerable `databaseUrl` and `kurrentDbUrl` may carry a password: do not log the config whole.
   */
  readonly env: Readonly<NodeJS.ProcessEnv>;
}

/**
 * An error whose message tells the operator what to fix (a setting, a key that does not match the
 * database): start-up prints the message alone, without a stack, like a ConfigError.
 */
export interface OperatorFixable {
  readonly operatorFixable: true;
}

export function isOperatorFixable(e: unknown): e is Error & OperatorFixable {
  return e instanceof Error && (e as Partial<OperatorFixable>).operatorFixable === true;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) problems.push(`${name} must be a port number 0-65535, got "${raw}"`);
  return n;
}

const SPAN_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** what a Node.js timer can wait: 2^31 - 1 ms, a little over 24 days */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** `30m`, `1h`, `1d` (also `s`, `ms`) in milliseconds; undefined for anything else or beyond a timer's reach */
function spanMs(raw: string): number | undefined {
  const m = /^(\d+)\s*(ms|s|m|h|d)$/.exec(raw);
  const ms = m ? Number(m[1]) * SPAN_UNITS[m[2]] : 0;
  return ms > 0 && ms <= LONGEST_TIMER_MS ? ms : undefined;
}

/** A span such as `30m`, `1h` or `1d` (also `s`, `ms`) in milliseconds, or null for `off`. */
function intervalOrOff(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number | null {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'off') return null;
  const ms = spanMs(raw);
  if (ms !== undefined) return ms;
  problems.push(`${name} must be a span such as 30m, 1h or 1d (at most 24d), or "off", got "${env[name]}"`);
  return fallback;
}

/** `on` or `off` */
function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'on' || raw === 'off') return raw === 'on';
  problems.push(`${name} must be on or off, got "${env[name]}"`);
  return fallback;
}

/** A span such as `65s` or `2m`, at least a second and at most an hour. */
function shortSpan(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  const ms = spanMs(raw);
  if (ms !== undefined && ms >= 1000 && ms <= 3_600_000) return ms;
  problems.push(`${name} must be a span from 1s to 1h, such as 65s or 2m, got "${env[name]}"`);
  return fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): JejakConfig {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  const kurrentDbUrl = env.KURRENTDB_URL?.trim() || null;
  if (kurrentDbUrl && !/^(kurrentdb|esdb|kdb)(\+discover)?:\/\//.test(kurrentDbUrl))
    problems.push('KURRENTDB_URL must be a kurrentdb:// (or esdb://) connection string');
  const eventStore = (env.JEJAK_EVENT_STORE?.trim() || 'postgres') as JejakConfig['eventStore'];
  if (eventStore !== 'postgres' && eventStore !== 'kurrentdb') problems.push(`JEJAK_EVENT_STORE must be postgres or kurrentdb, got "${eventStore}"`);
  if (eventStore === 'kurrentdb' && !kurrentDbUrl) problems.push('JEJAK_EVENT_STORE=kurrentdb needs KURRENTDB_URL');
  const kafkaBrokers = (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  for (const b of kafkaBrokers) if (!/^[^:\s]+:\d+$/.test(b)) problems.push(`KAFKA_BROKERS entries must be host:port, got "${b}"`);
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const settings: Omit<JejakConfig, 'env'> = {
    port: port(env, 'PORT', 3000, problems),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dataDir: resolve(env.JEJAK_DATA_DIR?.trim() || './data'),
    embeddedPgPort: port(env, 'JEJAK_EMBEDDED_PG_PORT', 54329, problems),
    kafkaBrokers,
    kurrentDbUrl,
    eventStore,
    logLevel,
    auditAnchorIntervalMs: intervalOrOff(env, 'JEJAK_AUDIT_ANCHOR_INTERVAL', SPAN_UNITS.h, problems),
    httpKeepAliveMs: shortSpan(env, 'JEJAK_HTTP_KEEPALIVE', 65_000, problems),
    appendSignal: onOff(env, 'JEJAK_APPEND_SIGNAL', true, problems),
    appendGroupCommit: onOff(env, 'JEJAK_APPEND_GROUP_COMMIT', true, problems),
  };
  const config = Object.defineProperty(settings, 'env', { value: Object.freeze({ ...env }), enumerable: false }) as JejakConfig;
  if (problems.length) throw new ConfigError(problems);
  return config;
}
