import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTH_CONFIG, issueLocalToken, type LocalAuthConfig, type LocalTokenClaims } from '@jejak/auth';
import { PersonalDataVault } from '@jejak/personal-data';
import { startTestApp, type TestApp } from '../../apps/jejak/testing/start-test-app';

export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes are what the assertions check
  body: any;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** sent as-is instead of JSON.stringify(body) */
  raw?: string;
  ifMatch?: string | number;
  idempotencyKey?: string;
  correlationId?: string;
  /** sent as Accept-Language */
  language?: string;
}

/** The real all-in-one app with a private data directory, tokens of its local key and an HTTP client. */
export class JourneyHttp {
  private constructor(readonly app: TestApp) {}

  /** `env` adds or overrides settings, as startTestApp's does */
  static async start(env: NodeJS.ProcessEnv = {}): Promise<JourneyHttp> {
    return new JourneyHttp(await startTestApp({ JEJAK_DATA_DIR: mkdtempSync(join(tmpdir(), 'jejak-journey-e2e-')), ...env }));
  }

  token(claims: LocalTokenClaims): Promise<string> {
    return issueLocalToken(this.app.app.get<LocalAuthConfig>(AUTH_CONFIG), claims);
  }

  get vault(): PersonalDataVault {
    return this.app.app.get(PersonalDataVault);
  }

  async call(method: string, path: string, o: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined || o.raw !== undefined) headers['content-type'] = 'application/json';
    if (o.ifMatch !== undefined) headers['if-match'] = typeof o.ifMatch === 'number' ? `"${o.ifMatch}"` : o.ifMatch;
    if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
    if (o.correlationId) headers['x-correlation-id'] = o.correlationId;
    if (o.language) headers['accept-language'] = o.language;
    const res = await fetch(`${this.app.url}${path}`, { method, headers, body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }

  /** Events in the whole store: "nothing written" means this did not move. */
  async eventCount(): Promise<number> {
    const pool = this.app.database.pool(1);
    try {
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM events');
      return rows[0].n;
    } finally {
      await pool.end();
    }
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

let serial = 100;
/** A woman born 17 Aug 1995 with a valid NIK from Tarumajaya (32.16.01); a new serial each call. */
export function aRegistration(over: Record<string, unknown> = {}) {
  return {
    nik: `321601570895${String(serial++).padStart(4, '0')}`, // 321601 / 57 08 95 (F: 17+40) / serial
    fullName: 'Dewi Lestari',
    birthDate: '1995-08-17',
    sex: 'F',
    regionCode: '32.16.01.2001',
    phone: '081298765432',
    address: 'Kp. Pisangan RT 02/03',
    education: 'slta',
    employmentStatus: 'unemployed',
    businessIdea: 'Kue kering untuk pabrik sekitar',
    registeredOn: '2024-01-10',
    ...over,
  };
}

export const newKey = (): string => randomUUID();
