import { aRegistration, JourneyHttp, type Answer } from './journey-http.fixture';

describe('whose personal data one account was shown (a personal-data breach), against the real app', () => {
  let http: JourneyHttp;
  let ani: string;
  let tono: string;
  let supervisor: string;
  let auditor: string;
  let start: string;
  const people: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };

  const register = async (fullName: string) => {
    const created = await http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration({ fullName }) });
    expect(created.status).toBe(201);
    return created.body as { id: string; globalPosition: number };
  };
  const readsOf = (query: string, token = auditor) => http.call('GET', `/v1/audit/personal-data-reads?${query}`, { token });
  const problemOf = (answer: Answer) => ({ status: answer.status, code: answer.body?.code });
  const ids = (answer: Answer) => answer.body.items.map((i: { entrepreneurId: string }) => i.entrepreneurId);

  beforeAll(async () => {
    http = await JourneyHttp.start();
    ani = await http.token({ sub: 'cw-ani', role: 'caseworker', kecamatan: ['32.16.01'] });
    tono = await http.token({ sub: 'cw-tono', role: 'caseworker', kecamatan: ['32.16.01'] });
    supervisor = await http.token({ sub: 'spv-1', role: 'supervisor', kecamatan: ['32.16.01'] });
    auditor = await http.token({ sub: 'aud-1', role: 'auditor' });
    start = new Date().toISOString();
    const a = await register('Ayu Bocor');
    const b = await register('Bima Bocor');
    const c = await register('Citra Bocor');
    Object.assign(people, { a: a.id, b: b.id, c: c.id });
    // the read models reach the registrations (waited for by nobody under examination)
    expect((await http.call('GET', `/v1/entrepreneurs?limit=1&minPosition=${c.globalPosition}`, { token: supervisor })).status).toBe(200);
    for (const [id, token] of [[a.id, ani], [a.id, ani], [b.id, ani], [c.id, tono]] as const)
      expect((await http.call('GET', `/v1/entrepreneurs/${id}`, { token })).status).toBe(200);
  });
  afterAll(() => http.close());

  it('names each person the account was shown, how often, when and by what; the people it only wrote to or never saw are not there', async () => {
    const answer = await readsOf(`actorId=cw-ani&from=${encodeURIComponent(start)}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ actorId: 'cw-ani', from: start, people: 2, nextCursor: null });
    expect(Date.parse(answer.body.to)).toBeGreaterThan(Date.parse(start));
    const byId = Object.fromEntries(answer.body.items.map((i: { entrepreneurId: string }) => [i.entrepreneurId, i]));
    expect(Object.keys(byId).sort()).toEqual([people.a, people.b].sort());
    expect(byId[people.a]).toMatchObject({ kecamatanCode: '32.16.01', reads: 2, purposes: ['case.read'] });
    expect(byId[people.b]).toMatchObject({ kecamatanCode: '32.16.01', reads: 1, purposes: ['case.read'] });
    expect(Date.parse(byId[people.a].lastReadAt)).toBeGreaterThanOrEqual(Date.parse(byId[people.a].firstReadAt));
    // ids and counts only: nothing personal, so answering records no read
    expect(JSON.stringify(answer.body)).not.toContain('Bocor');
    expect(ids(await readsOf(`actorId=cw-tono&from=${encodeURIComponent(start)}`))).toEqual([people.c]);
    const trail = await http.call('GET', `/v1/entrepreneurs/${people.a}/processing-trail`, { token: auditor });
    expect(trail.body.items.filter((i: { kind: string }) => i.kind === 'read').map((i: { actor: { id: string } }) => i.actor.id)).toEqual(['cw-ani', 'cw-ani']);
  });

  it('keeps to the window: from inclusive, to exclusive', async () => {
    const all = await readsOf(`actorId=cw-ani&from=${encodeURIComponent(start)}`);
    const firstRead = all.body.items.map((i: { firstReadAt: string }) => i.firstReadAt).sort()[0];
    const lastRead = all.body.items.map((i: { lastReadAt: string }) => i.lastReadAt).sort().at(-1);
    expect((await readsOf(`actorId=cw-ani&from=${encodeURIComponent(firstRead)}`)).body.people).toBe(2);
    expect((await readsOf(`actorId=cw-ani&from=${encodeURIComponent(start)}&to=${encodeURIComponent(firstRead)}`)).body).toMatchObject({ people: 0, items: [] });
    const after = new Date(Date.parse(lastRead) + 1).toISOString();
    expect((await readsOf(`actorId=cw-ani&from=${encodeURIComponent(after)}`)).body).toMatchObject({ people: 0, items: [] });
    expect((await readsOf(`actorId=nobody&from=${encodeURIComponent(start)}`)).body).toMatchObject({ people: 0, items: [], nextCursor: null });
  });

  it('pages by id with an opaque cursor, counting everyone on every page', async () => {
    const first = await readsOf(`actorId=cw-ani&from=${encodeURIComponent(start)}&limit=1`);
    expect(first.body).toMatchObject({ people: 2, nextCursor: expect.any(String) });
    const second = await readsOf(`actorId=cw-ani&from=${encodeURIComponent(start)}&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ people: 2, nextCursor: null });
    expect([...ids(first), ...ids(second)]).toEqual([people.a, people.b].sort());
    expect(problemOf(await readsOf(`actorId=cw-ani&from=${encodeURIComponent(start)}&cursor=bm90LWEtY3Vyc29y`))).toEqual({ status: 400, code: 'REQUEST.INVALID_CURSOR' });
  });

  it('is for auditors only, and refuses a missing account or a window that is not ISO-8601', async () => {
    for (const token of [ani, supervisor]) expect(problemOf(await readsOf(`actorId=cw-ani&from=${encodeURIComponent(start)}`, token))).toEqual({ status: 403, code: 'AUTH.ROLE_FORBIDDEN' });
    const missing = await readsOf(`from=${encodeURIComponent(start)}`);
    expect(problemOf(missing)).toEqual({ status: 422, code: 'REQUEST.VALIDATION_FAILED' });
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('actorId');
    const badWindow = await readsOf('actorId=cw-ani&from=kemarin&to=2026-13-01');
    expect(badWindow.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'to']);
    // a window that ends before it starts is refused, never answered "no one was shown"
    const upsideDown = await readsOf(`actorId=cw-ani&from=${encodeURIComponent(new Date().toISOString())}&to=${encodeURIComponent(start)}`);
    expect(problemOf(upsideDown)).toEqual({ status: 422, code: 'REQUEST.VALIDATION_FAILED' });
    expect(upsideDown.body.errors).toEqual([
      { field: 'to', code: 'windowOrder', message: 'Rentang waktu harus berakhir sesudah dimulai: to (bawaan: sekarang) harus sesudah from' },
    ]);
    const future = await readsOf(`actorId=cw-ani&from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`);
    expect(future.body.errors.map((e: { field: string }) => e.field)).toEqual(['from']);
  });

  it('is described in the OpenAPI document with its parameters', async () => {
    const doc = (await http.call('GET', '/docs-json')).body;
    const op = doc.paths['/v1/audit/personal-data-reads'].get;
    expect(op.parameters.map((p: { name: string; required?: boolean }) => [p.name, p.required ?? false]).sort()).toEqual([
      ['actorId', true], ['cursor', false], ['from', true], ['limit', false], ['to', false],
    ]);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '422']));
  });
});
