import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('defaults to port 3000, ./data and the embedded PostgreSQL event log', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, databaseUrl: null, eventStore: 'postgres', kafkaBrokers: [] });
  });

  it('lists every problem at once', () => {
    const err = (() => {
      try {
        return loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nohost', JEJAK_EVENT_STORE: 'kurrentdb' });
      } catch (e) {
        return e;
      }
    })() as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.problems).toHaveLength(4);
    expect(err.message).toContain('PORT must be a port number');
    expect(err.message).toContain('JEJAK_EVENT_STORE=kurrentdb needs KURRENTDB_URL');
  });

  it('keeps the event log in PostgreSQL when KURRENTDB_URL is only there for the contract tests', () => {
    expect(loadConfig({ KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false' }).eventStore).toBe('postgres');
    expect(loadConfig({ KURRENTDB_URL: 'kurrentdb://localhost:2113?tls=false', JEJAK_EVENT_STORE: 'kurrentdb' }).eventStore).toBe('kurrentdb');
  });

  it('takes a log level by name, in any case, and refuses one pino does not know', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"');
  });
});

describe('the environment the settings came from', () => {
  it('is kept for the other modules, and never shown when the config is logged or serialised', () => {
    const config = loadConfig({ JEJAK_MASTER_KEY: 'rahasia-kunci-utama', JEJAK_LANJUTAN_MIN_VISITS: '3' });
    expect(config.env.JEJAK_LANJUTAN_MIN_VISITS).toBe('3');
    expect(Object.isFrozen(config.env)).toBe(true);
    expect(JSON.stringify(config)).not.toContain('rahasia');
    expect(Object.keys(config)).not.toContain('env');
  });
});

describe('JEJAK_HTTP_KEEPALIVE', () => {
  it('keeps idle connections 65 s unless told otherwise (above a load balancer’s 60 s), from 1 s to 1 h', () => {
    expect(loadConfig({}).httpKeepAliveMs).toBe(65_000);
    expect(loadConfig({ JEJAK_HTTP_KEEPALIVE: '2m' }).httpKeepAliveMs).toBe(120_000);
    expect(loadConfig({ JEJAK_HTTP_KEEPALIVE: '1s' }).httpKeepAliveMs).toBe(1000);
    for (const raw of ['500ms', '2h', 'off', '65'])
      expect(() => loadConfig({ JEJAK_HTTP_KEEPALIVE: raw })).toThrow(`JEJAK_HTTP_KEEPALIVE must be a span from 1s to 1h, such as 65s or 2m, got "${raw}"`);
  });
});

describe.each([
  ['JEJAK_APPEND_SIGNAL', 'appendSignal'],
  ['JEJAK_APPEND_GROUP_COMMIT', 'appendGroupCommit'],
] as const)('%s', (name, setting) => {
  it('is on unless turned off, and takes only on or off', () => {
    expect(loadConfig({})[setting]).toBe(true);
    expect(loadConfig({ [name]: ' OFF ' })[setting]).toBe(false);
    expect(loadConfig({ [name]: 'on' })[setting]).toBe(true);
    for (const raw of ['yes', 'false', '0']) expect(() => loadConfig({ [name]: raw })).toThrow(`${name} must be on or off, got "${raw}"`);
  });
});

describe('JEJAK_AUDIT_ANCHOR_INTERVAL', () => {
  it('seals hourly unless told otherwise, takes spans from milliseconds to days, and `off`', () => {
    expect(loadConfig({}).auditAnchorIntervalMs).toBe(3_600_000);
    expect(loadConfig({ JEJAK_AUDIT_ANCHOR_INTERVAL: '30m' }).auditAnchorIntervalMs).toBe(1_800_000);
    expect(loadConfig({ JEJAK_AUDIT_ANCHOR_INTERVAL: '1D' }).auditAnchorIntervalMs).toBe(86_400_000);
    expect(loadConfig({ JEJAK_AUDIT_ANCHOR_INTERVAL: '250ms' }).auditAnchorIntervalMs).toBe(250);
    expect(loadConfig({ JEJAK_AUDIT_ANCHOR_INTERVAL: ' off ' }).auditAnchorIntervalMs).toBeNull();
  });

  it.each(['hourly', '0h', '-1h', '1.5h', '25d'])('refuses "%s" in the list of what is wrong', (raw) => {
    expect(() => loadConfig({ JEJAK_AUDIT_ANCHOR_INTERVAL: raw, PORT: 'abc' })).toThrow(
      'Invalid configuration:\n  - PORT must be a port number 0-65535, got "abc"\n' +
        `  - JEJAK_AUDIT_ANCHOR_INTERVAL must be a span such as 30m, 1h or 1d (at most 24d), or "off", got "${raw}"`,
    );
  });
});
