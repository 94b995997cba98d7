import { EVENT_STORE } from '@jejak/platform';
import type { EventStore } from '@jejak/event-store';
import { lastCommittedPosition } from '@jejak/testing';
import { aRegistration, JourneyHttp, type Answer } from './journey-http.fixture';

const HEX = /^[0-9a-f]{64}$/;

/** The auditors' anchors over HTTP, against the real all-in-one app (its periodic seal off, so every seal here is the test's). */
describe('audit anchors over HTTP', () => {
  let http: JourneyHttp;
  let auditor: string;
  let ani: string;

  beforeAll(async () => {
    http = await JourneyHttp.start({ JEJAK_AUDIT_ANCHOR_INTERVAL: 'off' });
    auditor = await http.token({ sub: 'aud-1', role: 'auditor' });
    ani = await http.token({ sub: 'cw-ani', role: 'caseworker', kecamatan: ['32.16.01'] });
  });
  afterAll(() => http.close());

  const audit = (method: string, path: string, language?: string) => http.call(method, `/v1/audit/anchors${path}`, { token: auditor, language });

  /** registers people and waits until their events are below the gap-safe head, which a seal covers */
  async function registered(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration() })).body.id);
    const pool = http.app.database.pool(1);
    try {
      const last = await lastCommittedPosition(pool);
      const store = http.app.app.get<EventStore>(EVENT_STORE);
      for (let i = 0; i < 400 && (await store.headPosition()) < last; i++) await new Promise((r) => setTimeout(r, 25));
    } finally {
      await pool.end();
    }
    return ids;
  }

  function expectProblem(answer: Answer, status: number, code: string) {
    expect({ status: answer.status, code: answer.body?.code }).toEqual({ status, code });
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  }

  it('POST seals what is new (201, the anchors made), then answers 200 with an empty list when nothing is', async () => {
    await registered(3);
    const sealed = await audit('POST', '');
    expect(sealed.status).toBe(201);
    expect(sealed.body.items).toEqual([
      {
        anchorNumber: 1, fromPosition: 0, toPosition: expect.any(Number), eventCount: 3,
        eventsDigest: expect.stringMatching(HEX), previousDigest: null, digest: expect.stringMatching(HEX), createdAt: expect.any(String),
      },
    ]);
    expect(await audit('POST', '')).toMatchObject({ status: 200, body: { items: [] } });

    await registered(2);
    expect(await audit('POST', '')).toMatchObject({ status: 201, body: { items: [{ anchorNumber: 2, eventCount: 2, previousDigest: sealed.body.items[0].digest }] } });
  });

  it('lists the anchors in pages, oldest first, with the number to continue after', async () => {
    const all = await audit('GET', '');
    expect(all.status).toBe(200);
    expect(all.body.items.map((a: { anchorNumber: number }) => a.anchorNumber)).toEqual([1, 2]);
    expect(all.body.next).toBe(2);
    expect(await audit('GET', '?after=1&limit=1')).toMatchObject({ status: 200, body: { items: [{ anchorNumber: 2 }], next: 2 } });
    expect(await audit('GET', '?after=2')).toMatchObject({ status: 200, body: { items: [], next: 2 } });
    expectProblem(await audit('GET', '?limit=5000'), 422, 'REQUEST.VALIDATION_FAILED');
  });

  it('verifies every anchor, or one, and names the latest with its digest', async () => {
    const [, second] = (await audit('GET', '')).body.items;
    expect(await audit('GET', '/verify')).toEqual(expect.objectContaining({
      status: 200,
      body: {
        valid: true, checkedAnchors: 2, checkedEvents: 5, firstBrokenAnchor: null, firstBrokenPosition: null, reason: null,
        latest: { anchorNumber: 2, toPosition: second.toPosition, digest: second.digest },
      },
    }));
    expect(await audit('GET', '/1/verify')).toMatchObject({ status: 200, body: { valid: true, checkedAnchors: 1, checkedEvents: 3, latest: { anchorNumber: 1 } } });
  });

  it('answers 404 AUDIT.ANCHOR_NOT_FOUND for an anchor never sealed, in Indonesian unless English is asked for', async () => {
    const id = await audit('GET', '/99/verify');
    expectProblem(id, 404, 'AUDIT.ANCHOR_NOT_FOUND');
    expect(id.body.detail).toBe('Jangkar audit nomor 99 belum pernah disegel');
    expect((await audit('GET', '/99/verify', 'en')).body.detail).toBe('no audit anchor 99 has been sealed');
    expectProblem(await audit('GET', '/first/verify'), 400, 'REQUEST.BAD_REQUEST');
  });

  it('is for auditors: a caseworker is refused every route (403)', async () => {
    for (const [method, path] of [['GET', ''], ['POST', ''], ['GET', '/verify'], ['GET', '/1/verify']])
      expectProblem(await http.call(method, `/v1/audit/anchors${path}`, { token: ani }), 403, 'AUTH.ROLE_FORBIDDEN');
  });

  it('is described in the OpenAPI document with its query parameters', async () => {
    type Operation = { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> };
    const doc = (await http.call('GET', '/docs-json')).body as { paths: Record<string, Record<string, Operation>> };
    expect(Object.keys(doc.paths['/v1/audit/anchors']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/v1/audit/anchors'].post.responses)).toEqual(expect.arrayContaining(['200', '201', '403', '501']));
    expect((doc.paths['/v1/audit/anchors'].get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name).sort()).toEqual(['after', 'limit']);
    expect(doc.paths['/v1/audit/anchors/verify'].get).toBeDefined();
    expect(Object.keys(doc.paths['/v1/audit/anchors/{number}/verify'].get.responses)).toEqual(expect.arrayContaining(['200', '404']));
  });

  it('shows an edit that rewrote its case’s whole hash chain, which the case’s own verification cannot', async () => {
    const [id] = await registered(1);
    await audit('POST', '');
    const stream = `entrepreneur-${id}`;
    const pool = http.app.database.pool(1);
    try {
      const c = await pool.connect();
      await c.query('BEGIN');
      await c.query('ALTER TABLE events DISABLE TRIGGER events_no_update_delete');
      await c.query(
        `UPDATE events SET data = jsonb_set(data, '{registeredOn}', '"2020-01-01"'),
           hash = jejak_event_hash(NULL, stream_id, stream_version, event_id, event_type, schema_version,
                                   jsonb_set(data, '{registeredOn}', '"2020-01-01"'), metadata, recorded_at)
         WHERE stream_id = $1 AND stream_version = 1`,
        [stream],
      );
      await c.query('ALTER TABLE events ENABLE TRIGGER events_no_update_delete');
      await c.query('COMMIT');
      c.release();
    } finally {
      await pool.end();
    }
    expect((await http.call('GET', `/v1/audit/streams/${stream}/verify`, { token: auditor })).body).toMatchObject({ valid: true, checkedEvents: 1 });
    expect((await audit('GET', '/verify')).body).toMatchObject({
      valid: false, firstBrokenAnchor: 3, firstBrokenPosition: null, reason: 'the events in the range of anchor 3 are not those sealed: their hashes differ',
    });
    expect((await audit('GET', '/2/verify')).body).toMatchObject({ valid: true });
  });
});

describe('audit anchors with the event log on KurrentDB', () => {
  let http: JourneyHttp;
  beforeAll(async () => {
    // nothing listens there: the anchors never reach the event store, so none is needed
    http = await JourneyHttp.start({ JEJAK_EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://127.0.0.1:1?tls=false' });
  });
  afterAll(() => http.close());

  it('answers 501 AUDIT.ANCHORS_UNAVAILABLE on every route, in Indonesian by default', async () => {
    const token = await http.token({ sub: 'aud-1', role: 'auditor' });
    for (const [method, path] of [['GET', ''], ['POST', ''], ['GET', '/verify'], ['GET', '/1/verify']]) {
      const answer = await http.call(method, `/v1/audit/anchors${path}`, { token });
      expect({ path, method, status: answer.status, code: answer.body.code }).toEqual({ path, method, status: 501, code: 'AUDIT.ANCHORS_UNAVAILABLE' });
      expect(answer.body.detail).toContain('KurrentDB');
    }
  });
});
