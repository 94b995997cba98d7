import { ConfigError } from '@jejak/platform';
import { loadKafkaSettings } from './kafka.config';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadKafkaSettings(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

describe('Kafka settings from the environment', () => {
  it('are absent without KAFKA_BROKERS: no relay runs', () => {
    expect(loadKafkaSettings({})).toBeNull();
  });

  it('default the client id and leave topics unprefixed', () => {
    expect(loadKafkaSettings({ KAFKA_BROKERS: 'k1:9092, k2:9092' })).toEqual({
      brokers: ['k1:9092', 'k2:9092'], clientId: 'jejak-relay', topicPrefix: '', sasl: null, ssl: false,
    });
  });

  it('read SASL and TLS', () => {
    expect(loadKafkaSettings({
      KAFKA_BROKERS: 'k1:9093', JEJAK_KAFKA_CLIENT_ID: 'jejak-bekasi', JEJAK_KAFKA_TOPIC_PREFIX: 'bekasi.',
      JEJAK_KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', JEJAK_KAFKA_SASL_USERNAME: 'relay', JEJAK_KAFKA_SASL_PASSWORD: 's3cret', JEJAK_KAFKA_TLS: 'true',
    })).toEqual({
      brokers: ['k1:9093'], clientId: 'jejak-bekasi', topicPrefix: 'bekasi.',
      sasl: { mechanism: 'scram-sha-512', username: 'relay', password: 's3cret' }, ssl: true,
    });
  });

  it.each([
    [{ KAFKA_BROKERS: 'k1' }, 'KAFKA_BROKERS entries must be host:port, got "k1"'],
    [{ KAFKA_BROKERS: 'k1:9092', JEJAK_KAFKA_SASL_MECHANISM: 'gssapi', JEJAK_KAFKA_SASL_USERNAME: 'u', JEJAK_KAFKA_SASL_PASSWORD: 'p' }, 'JEJAK_KAFKA_SASL_MECHANISM must be one of plain, scram-sha-256, scram-sha-512, got "gssapi"'],
    [{ KAFKA_BROKERS: 'k1:9092', JEJAK_KAFKA_SASL_MECHANISM: 'plain' }, 'JEJAK_KAFKA_SASL_MECHANISM needs JEJAK_KAFKA_SASL_USERNAME and JEJAK_KAFKA_SASL_PASSWORD'],
    [{ KAFKA_BROKERS: 'k1:9092', JEJAK_KAFKA_SASL_USERNAME: 'u' }, 'JEJAK_KAFKA_SASL_USERNAME/PASSWORD are set but JEJAK_KAFKA_SASL_MECHANISM is not (plain, scram-sha-256 or scram-sha-512)'],
    [{ KAFKA_BROKERS: 'k1:9092', JEJAK_KAFKA_TLS: 'yes' }, 'JEJAK_KAFKA_TLS must be true or false, got "yes"'],
    [{ KAFKA_BROKERS: 'k1:9092', JEJAK_KAFKA_TOPIC_PREFIX: 'a b' }, `JEJAK_KAFKA_TOPIC_PREFIX may hold letters, digits, '.', '_' and '-' only, got "a b"`],
  ])('refuse %j with a clear message', (env, message) => {
    expect(problems(env)).toContain(message);
  });
});
