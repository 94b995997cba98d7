import { readFileSync } from 'node:fs';
import { ConfigError } from '@jejak/platform';

export type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** prepended to every topic, e.g. `bekasi.` gives `bekasi.jejak.journey.v1` */
  topicPrefix: string;
  sasl: { mechanism: SaslMechanism; username: string; password: string } | null;
  /** true for TLS with the system CAs; an object with a CA bundle for a private CA */
  ssl: boolean | { ca: string[] };
}

const MECHANISMS: readonly SaslMechanism[] = ['plain', 'scram-sha-256', 'scram-sha-512'];

/**
 * Kafka settings from the environment, validated with every problem listed at once. Returns null
 * when KAFKA_BROKERS is not set: then no relay runs (the HTTP feed still serves consumers).
 */
export function loadKafkaSettings(env: NodeJS.ProcessEnv = process.env): KafkaSettings | null {
  const brokers = (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) return null;
  const problems: string[] = [];
  for (const b of brokers) if (!/^[^:\s]+:\d{1,5}$/.test(b)) problems.push(`KAFKA_BROKERS entries must be host:port, got "${b}"`);
  const clientId = env.JEJAK_KAFKA_CLIENT_ID?.trim() || 'jejak-relay';
  if (!/^[A-Za-z0-9._-]+$/.test(clientId)) problems.push(`JEJAK_KAFKA_CLIENT_ID may hold letters, digits, '.', '_' and '-' only, got "${clientId}"`);
  const topicPrefix = env.JEJAK_KAFKA_TOPIC_PREFIX?.trim() ?? '';
  if (!/^[A-Za-z0-9._-]*$/.test(topicPrefix)) problems.push(`JEJAK_KAFKA_TOPIC_PREFIX may hold letters, digits, '.', '_' and '-' only, got "${topicPrefix}"`);
  const sasl = loadSasl(env, problems);
  const ssl = loadTls(env, problems);
  if (problems.length) throw new ConfigError(problems);
  return { brokers, clientId, topicPrefix, sasl, ssl };
}

function loadSasl(env: NodeJS.ProcessEnv, problems: string[]): KafkaSettings['sasl'] {
  const mechanism = env.JEJAK_KAFKA_SASL_MECHANISM?.trim().toLowerCase();
  const username = env.JEJAK_KAFKA_SASL_USERNAME ?? '';
  const password = env.JEJAK_KAFKA_SASL_PASSWORD ?? '';
  if (!mechanism) {
    if (username || password) problems.push('JEJAK_KAFKA_SASL_USERNAME/PASSWORD are set but JEJAK_KAFKA_SASL_MECHANISM is not (plain, scram-sha-256 or scram-sha-512)');
    return null;
  }
  if (!MECHANISMS.includes(mechanism as SaslMechanism)) problems.push(`JEJAK_KAFKA_SASL_MECHANISM must be one of ${MECHANISMS.join(', ')}, got "${mechanism}"`);
  if (!username || !password) problems.push('JEJAK_KAFKA_SASL_MECHANISM needs JEJAK_KAFKA_SASL_USERNAME and JEJAK_KAFKA_SASL_PASSWORD');
  return { mechanism: mechanism as SaslMechanism, username, password };
}

function loadTls(env: NodeJS.ProcessEnv, problems: string[]): KafkaSettings['ssl'] {
  const raw = env.JEJAK_KAFKA_TLS?.trim().toLowerCase() || 'false';
  if (!['true', 'false'].includes(raw)) problems.push(`JEJAK_KAFKA_TLS must be true or false, got "${raw}"`);
  const caFile = env.JEJAK_KAFKA_TLS_CA_FILE?.trim();
  if (!caFile) return raw === 'true';
  if (raw !== 'true') problems.push('JEJAK_KAFKA_TLS_CA_FILE is set but JEJAK_KAFKA_TLS is not true');
  try {
    return { ca: [readFileSync(caFile, 'utf8')] };
  } catch (e) {
    problems.push(`JEJAK_KAFKA_TLS_CA_FILE cannot be read: ${(e as Error).message}`);
    return true;
  }
}
