import type { Pool } from 'pg';
import { registerProblemMessages } from './problem-messages';
import { startHttpTestApp, type HttpTestApp } from './testing/start-http-test-app';

const PROBLEM = 'application/problem+json; charset=utf-8';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the assertions
const json = (res: Response): Promise<any> => res.json();

describe('the HTTP conventions of api.md', () => {
  let app: HttpTestApp;
  let pool: Pool;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const eventCount = async () => Number((await pool.query('SELECT count(*) AS n FROM events')).rows[0].n);
  const thing = { name: 'Keripik Tempe Bu Siti', count: 3 };

  beforeAll(async () => {
    app = await startHttpTestApp();
    pool = app.database.pool(2);
  });
  afterAll(() => app.close());

  describe('errors are RFC 9457 problems with a stable code', () => {
    it('answers a rule violation with 409, its code, and the request path and correlation id', async () => {
      const res = await call('POST', '/things/rules/conflict', {}, { 'X-Correlation-Id': 'corr-409' });
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toBe(PROBLEM);
      expect(await json(res)).toEqual({
        type: 'urn:jejak:problem:JOURNEY.NOT_TRAINED',
        title: 'Conflict',
        status: 409,
        code: 'JOURNEY.NOT_TRAINED',
        detail: 'a TKM Pemula grant needs a completed training',
        instance: '/things/rules/conflict',
        correlationId: 'corr-409',
      });
    });

    it('speaks Indonesian by default and English when asked', async () => {
      registerProblemMessages({ 'JOURNEY.NOT_TRAINED': 'Hibah TKM Pemula memerlukan pelatihan yang sudah selesai' });
      const id = await call('POST', '/things/rules/conflict', {});
      expect(id.headers.get('content-language')).toBe('id');
      expect((await json(id)).detail).toBe('Hibah TKM Pemula memerlukan pelatihan yang sudah selesai');
      const en = await call('POST', '/things/rules/conflict', {}, { 'Accept-Language': 'en-GB,en;q=0.9,id;q=0.5' });
      expect(en.headers.get('content-language')).toBe('en');
      expect((await json(en)).detail).toBe('a TKM Pemula grant needs a completed training');
    });

    it('answers invalid data with 422 and the field at fault', async () => {
      const res = await call('POST', '/things/rules/invalid', {}, { 'Accept-Language': 'en' });
      expect(res.status).toBe(422);
      expect(await json(res)).toMatchObject({ code: 'VALIDATION.NIK_SERIAL', errors: [{ field: 'nik', code: 'VALIDATION.NIK_SERIAL', message: 'the NIK serial must not be 0000' }] });
    });

    it('says why a case is not eligible', async () => {
      const res = await call('POST', '/things/rules/not-eligible', {});
      expect(res.status).toBe(409);
      expect(await json(res)).toMatchObject({ code: expect.stringMatching(/^JOURNEY\.NOT_ELIGIBLE/), reasons: ['fewer than two monitoring visits'] });
    });

    it("maps the event store's concurrency error to 409 STREAM.WRONG_EXPECTED_VERSION", async () => {
      const res = await call('POST', '/things/rules/store-conflict', {});
      expect(res.status).toBe(409);
      expect(await json(res)).toMatchObject({ code: 'STREAM.WRONG_EXPECTED_VERSION', detail: expect.stringContaining('muat ulang') });
    });

    it('answers an unexpected error with a 500 that reveals nothing of it', async () => {
      const res = await call('POST', '/things/rules/crash', {});
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ code: 'INTERNAL.ERROR', status: 500 });
      expect(text).not.toContain('hunter2');
    });

    it('answers an unknown path with 404 REQUEST.NOT_FOUND', async () => {
      const res = await call('GET', '/nowhere');
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe(PROBLEM);
      expect(await json(res)).toMatchObject({ code: 'REQUEST.NOT_FOUND' });
    });

    it('answers a missing resource with its own not-found code', async () => {
      const res = await call('GET', '/things/7f1d2c52-8a7e-4a6b-9c1e-1f0d3a2b4c5d');
      expect(res.status).toBe(404);
      expect(await json(res)).toMatchObject({ code: 'THING.NOT_FOUND', detail: expect.stringContaining('Tidak ada') });
    });
  });

  describe('bad input is refused and nothing is written', () => {
    it('refuses wrong types, naming every field at fault, without echoing values', async () => {
      const before = await eventCount();
      const res = await call('POST', '/things', { name: 42, count: '3', address: { village: 7 } });
      expect(res.status).toBe(422);
      const body = await json(res);
      expect(body.code).toBe('REQUEST.VALIDATION_FAILED');
      // each field once, by the type it lacks: the length and bound rules a wrong type also fails add nothing
      expect(body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`).sort()).toEqual(['address.village isString', 'count isInt', 'name isString']);
      expect(JSON.stringify(body)).not.toContain('"3"');
      expect(await eventCount()).toBe(before);
    });

    it('refuses unknown fields rather than dropping them', async () => {
      const res = await call('POST', '/things', { ...thing, colour: 'red', address: { village: 'Sukamaju', rt: '01' } }, { 'Accept-Language': 'en' });
      expect(res.status).toBe(422);
      expect((await json(res)).errors).toEqual(
        expect.arrayContaining([
          { field: 'colour', code: 'unknownField', message: 'colour is not a known field' },
          { field: 'address.rt', code: 'unknownField', message: 'address.rt is not a known field' },
        ]),
      );
    });

    it('says what is wrong with each field in Indonesian, naming the rule’s values, and in English when asked', async () => {
      const name = `Siti Aminah ${'binti Ahmad '.repeat(20)}`;
      const body = { name, count: 0, colour: 'merah', address: { village: 'Desa '.repeat(25) } };
      const [id, en] = [await json(await call('POST', '/things', body)), await json(await call('POST', '/things', body, { 'Accept-Language': 'en' }))];
      const messages = (problem: { errors: { field: string; code: string; message: string }[] }) => problem.errors.map((e) => `${e.field} ${e.code}: ${e.message}`).sort();
      expect(messages(id)).toEqual([
        'address.village maxLength: Kolom address.village paling banyak 100 karakter',
        'colour unknownField: Kolom colour tidak dikenal',
        'count min: Kolom count tidak boleh kurang dari 1',
        'name maxLength: Kolom name paling banyak 200 karakter',
      ]);
      expect(messages(en)).toEqual([
        'address.village maxLength: village must be shorter than or equal to 100 characters',
        'colour unknownField: colour is not a known field',
        'count min: count must not be less than 1',
        'name maxLength: name must be shorter than or equal to 200 characters',
      ]);
      for (const problem of [id, en]) {
        expect(problem.errors.every((e: object) => Object.keys(e).join() === 'field,code,message')).toBe(true);
        expect(JSON.stringify(problem)).not.toMatch(/Siti|merah|Desa/);
      }
    });

    it('names the DTO’s rules for a body that is a list, not an object', async () => {
      const res = await call('POST', '/things', [thing]);
      expect(res.status).toBe(422);
      const { errors } = await json(res);
      expect(errors).toEqual([
        { field: '0', code: 'unknownField', message: 'Kolom 0 tidak dikenal' },
        { field: 'name', code: 'isString', message: 'Kolom name harus berupa teks' },
        { field: 'count', code: 'isInt', message: 'Kolom count harus berupa bilangan bulat' },
      ]);
      expect(JSON.stringify(errors)).not.toMatch(/undefined|Keripik/);
    });

    it('answers malformed JSON with 400 REQUEST.MALFORMED_JSON', async () => {
      const before = await eventCount();
      const res = await call('POST', '/things', '{"name": "Keripik", "count": 3,');
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe(PROBLEM);
      expect(await json(res)).toMatchObject({ code: 'REQUEST.MALFORMED_JSON', detail: 'Isi permintaan bukan JSON yang sah' });
      expect(await eventCount()).toBe(before);
    });

    it('answers a 2 MB body with 413 REQUEST.TOO_LARGE', async () => {
      const before = await eventCount();
      const res = await call('POST', '/things', { ...thing, name: 'x'.repeat(2 * 1024 * 1024) });
      expect(res.status).toBe(413);
      expect(await json(res)).toMatchObject({ code: 'REQUEST.TOO_LARGE', status: 413 });
      expect(await eventCount()).toBe(before);
    });
  });

  describe('correlation id', () => {
    it("echoes the caller's X-Correlation-Id and records it in the event's metadata", async () => {
      const res = await call('POST', '/things', thing, { 'X-Correlation-Id': 'import-batch-17' });
      expect(res.headers.get('x-correlation-id')).toBe('import-batch-17');
      const { id, correlationId } = await json(res);
      expect(correlationId).toBe('import-batch-17');
      const stored = await json(await call('GET', `/things/${id}`));
      expect(stored.metadata).toMatchObject({ correlationId: 'import-batch-17', causationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    });

    it('makes one up when the caller sends none, or one that is unfit to echo', async () => {
      const none = await call('GET', '/things/public/ping');
      expect(none.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
      const unfit = await call('GET', '/things/public/ping', undefined, { 'X-Correlation-Id': 'a'.repeat(300) });
      expect(unfit.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('ETag and If-Match', () => {
    it('gives the version as ETag, demands If-Match on change (428), refuses a stale one (412)', async () => {
      const created = await call('POST', '/things', thing);
      expect(created.status).toBe(201);
      expect(created.headers.get('etag')).toBe('"1"');
      const { id } = await json(created);
      expect((await call('GET', `/things/${id}`)).headers.get('etag')).toBe('"1"');

      const missing = await call('PATCH', `/things/${id}`, { name: 'Keripik Tempe Sukamaju' });
      expect(missing.status).toBe(428);
      expect(await json(missing)).toMatchObject({ code: 'REQUEST.PRECONDITION_REQUIRED' });

      const first = await call('PATCH', `/things/${id}`, { name: 'Keripik Tempe Sukamaju' }, { 'If-Match': '"1"' });
      expect(first.status).toBe(200);
      expect(first.headers.get('etag')).toBe('"2"');

      const second = await call('PATCH', `/things/${id}`, { name: 'Keripik Tempe Bu Siti' }, { 'If-Match': '"1"' });
      expect(second.status).toBe(412);
      expect(await json(second)).toMatchObject({ code: 'REQUEST.PRECONDITION_FAILED', expectedVersion: 1 });

      const malformed = await call('PATCH', `/things/${id}`, { name: 'x' }, { 'If-Match': 'W/"2"' });
      expect(malformed.status).toBe(400);
      expect(await json(malformed)).toMatchObject({ code: 'REQUEST.INVALID_IF_MATCH' });
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the first response and acts once', async () => {
      const before = await eventCount();
      const headers = { 'Idempotency-Key': 'retry-1' };
      const first = await call('POST', '/things', thing, headers);
      const retry = await call('POST', '/things', thing, headers);
      expect(retry.status).toBe(first.status);
      expect(retry.status).toBe(201);
      expect(await json(retry)).toEqual(await json(first));
      expect(retry.headers.get('location')).toBe(first.headers.get('location'));
      expect(retry.headers.get('etag')).toBe('"1"');
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await eventCount()).toBe(before + 1);
    });

    it('treats the same body with its keys in another order as the same request', async () => {
      const headers = { 'Idempotency-Key': 'retry-reordered' };
      await call('POST', '/things', { name: 'A', count: 1 }, headers);
      expect((await call('POST', '/things', '{"count":1,"name":"A"}', headers)).status).toBe(201);
    });

    it('refuses the same key with a different request (422 REQUEST.IDEMPOTENCY_KEY_REUSED)', async () => {
      const headers = { 'Idempotency-Key': 'reused-1' };
      await call('POST', '/things', thing, headers);
      const before = await eventCount();
      const other = await call('POST', '/things', { ...thing, count: 4 }, headers);
      expect(other.status).toBe(422);
      expect(await json(other)).toMatchObject({ code: 'REQUEST.IDEMPOTENCY_KEY_REUSED' });
      expect(await eventCount()).toBe(before);
    });

    it('lets a copy that arrives while the first is still running wait (409 REQUEST.IN_PROGRESS), never act', async () => {
      const before = await eventCount();
      const headers = { 'Idempotency-Key': 'concurrent-1' };
      app.gate.close();
      const first = call('POST', '/things', thing, headers);
      await app.gate.enteredSignal;
      const copy = await call('POST', '/things', thing, headers);
      expect(copy.status).toBe(409);
      expect(copy.headers.get('retry-after')).toBe('1');
      expect(await json(copy)).toMatchObject({ code: 'REQUEST.IN_PROGRESS' });
      app.gate.open();
      const done = await first;
      expect(done.status).toBe(201);
      const later = await call('POST', '/things', thing, headers);
      expect(await json(later)).toEqual(await json(done));
      expect(await eventCount()).toBe(before + 1);
    });

    it('acts once when ten copies arrive at the same moment', async () => {
      const before = await eventCount();
      const answers = await Promise.all(Array.from({ length: 10 }, () => call('POST', '/things', thing, { 'Idempotency-Key': 'burst-1' })));
      const statuses = answers.map((a) => a.status);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      expect(statuses).toContain(201);
      const ids = new Set(await Promise.all(answers.filter((a) => a.status === 201).map(async (a) => (await json(a)).id)));
      expect(ids.size).toBe(1);
      expect(await eventCount()).toBe(before + 1);
    });

    it('frees the key when the request fails, so a corrected retry can act', async () => {
      const headers = { 'Idempotency-Key': 'fails-first' };
      expect((await call('POST', '/things', { name: 'A' }, headers)).status).toBe(422);
      expect((await call('POST', '/things', { name: 'A' }, headers)).status).toBe(422);
      expect((await call('POST', '/things', { name: 'A', count: 1 }, headers)).status).toBe(201);
    });

    it('refuses a key that is too long or has control characters', async () => {
      const res = await call('POST', '/things', thing, { 'Idempotency-Key': 'k'.repeat(256) });
      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({ code: 'REQUEST.INVALID_IDEMPOTENCY_KEY' });
    });
  });

  it('serves the OpenAPI document at /docs-json with the bearer scheme', async () => {
    const res = await fetch(`${app.url}/docs-json`);
    expect(res.status).toBe(200);
    const doc = await json(res);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths)).toContain('/things');
    expect((await fetch(`${app.url}/docs`)).status).toBe(200);
  });
});
