import { aPerson } from '../../libs/journey/src/read-models/testing/journey-events.fixture';
import { ReadSideTestApp } from '../../libs/journey/src/read-models/testing/read-side-test-app';

describe('journey queries over HTTP', () => {
  let app: ReadSideTestApp;
  let supervisor: string;
  let caseworkerBabelan: string;
  let head = 0;

  const get = async (path: string, token = supervisor) => {
    const res = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes are what the assertions check
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };
  const append = async (...args: Parameters<ReadSideTestApp['append']>) => {
    const result = await app.append(...args);
    head = Math.max(head, result.lastPosition);
    return result;
  };

  const siti = aPerson();
  const budi = aPerson();
  const rina = aPerson();

  beforeAll(async () => {
    app = await ReadSideTestApp.start();
    supervisor = await app.token({ sub: 'spv-1', role: 'supervisor' });
    caseworkerBabelan = await app.token({ sub: 'cw-2', role: 'caseworker', kecamatan: ['32.16.02'] });
    await append(siti.stream, [siti.registered(), siti.trained(), siti.granted({ receivedOn: '2024-03-01' }), siti.monitored('2024-06-01'), siti.monitored('2024-12-01', { workersTotal: 3 })]);
    await append(budi.stream, [budi.registered({ fullName: 'Budi Santoso', regionCode: '32.16.02', kecamatanCode: '32.16.02', sex: 'M' }), budi.trained(), budi.assigned('cw-2')]);
    await append(rina.stream, [rina.registered({ fullName: 'Rina Wati', regionCode: '32.16.01', registeredOn: '2023-05-02' })]);
  });
  afterAll(() => app.close());

  it('lists the caseload newest first, with filters on stage, region prefix, caseworker and name', async () => {
    const all = await get(`/v1/entrepreneurs?minPosition=${head}`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([rina.id, budi.id, siti.id]);
    expect(all.body.items[2]).toMatchObject({ fullName: 'Siti Aminah', stage: 'monitored', regionCode: '32.16.01.2001', nextFollowUpOn: '2025-06-01', version: 5 });
    expect(Number(all.headers.get('x-read-model-position'))).toBeGreaterThanOrEqual(head);

    expect((await get('/v1/entrepreneurs?stage=trained')).body.items.map((i: { id: string }) => i.id)).toEqual([budi.id]);
    expect((await get('/v1/entrepreneurs?regionCode=32.16.01')).body.items.map((i: { id: string }) => i.id)).toEqual([rina.id, siti.id]);
    expect((await get('/v1/entrepreneurs?regionCode=32.1')).status).toBe(422);
    expect((await get('/v1/entrepreneurs?caseworkerId=cw-2')).body.items.map((i: { id: string }) => i.id)).toEqual([budi.id]);
    expect((await get('/v1/entrepreneurs?q=SANTO')).body.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Budi Santoso']);
  });

  it('pages with an opaque cursor without repeating or skipping a case', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`/v1/entrepreneurs?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual([rina.id, budi.id, siti.id]);
    expect((await get('/v1/entrepreneurs?cursor=bm9wZQ')).status).toBe(400);
  });

  it('shows a caseworker only the cases of the kecamatan in their token', async () => {
    const list = await get('/v1/entrepreneurs', caseworkerBabelan);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([budi.id]);
    expect((await get(`/v1/entrepreneurs/${siti.id}`, caseworkerBabelan)).status).toBe(403);
    expect((await get(`/v1/entrepreneurs/${budi.id}`, caseworkerBabelan)).status).toBe(200);
  });

  it('answers one case with its version as ETag, and 404 for an unknown id', async () => {
    const one = await get(`/v1/entrepreneurs/${siti.id}`);
    expect(one.status).toBe(200);
    expect(one.headers.get('etag')).toBe('"5"');
    expect(one.body).toMatchObject({ id: siti.id, version: 5, stage: 'monitored', fullName: 'Siti Aminah', nikMasked: '321601******0001', kecamatanCode: '32.16.01' });
    expect(one.body.visits).toHaveLength(2);
    expect((await get('/v1/entrepreneurs/00000000-0000-4000-8000-000000000000')).body.code).toBe('ENTREPRENEUR.NOT_FOUND');
  });

  it('travels back in time: asOf each write returns exactly the case as it was read right after that write', async () => {
    const p = aPerson();
    // in Tabalong, so the Bekasi figures of the other tests stay as they are
    const steps = [[p.registered({ regionCode: '63.09.01', kecamatanCode: '63.09.01' })], [p.trained()], [p.granted()], [p.assigned('cw-9')], [p.monitored('2024-06-01')], [p.corrected({ fullName: 'Siti Aminah Lubis' })], [p.graduated()]];
    const captured: { recordedAt: string; body: unknown; etag: string | null }[] = [];
    for (const events of steps) {
      const { recordedAt } = await append(p.stream, events);
      const now = await get(`/v1/entrepreneurs/${p.id}`);
      captured.push({ recordedAt: recordedAt.toISOString(), body: now.body, etag: now.headers.get('etag') });
    }
    for (const [i, c] of captured.entries()) {
      // two writes in the same millisecond share an instant: asOf then shows the later one, as it should
      const expected = [...captured].reverse().find((x) => x.recordedAt === c.recordedAt) ?? c;
      const then = await get(`/v1/entrepreneurs/${p.id}?asOf=${encodeURIComponent(c.recordedAt)}`);
      expect({ step: i, body: then.body, etag: then.headers.get('etag') }).toEqual({ step: i, body: expected.body, etag: expected.etag });
    }
    const before = new Date(Date.parse(captured[0].recordedAt) - 1).toISOString();
    expect((await get(`/v1/entrepreneurs/${p.id}?asOf=${before}`)).status).toBe(404);
    expect((await get(`/v1/entrepreneurs/${p.id}?asOf=yesterday`)).status).toBe(422);
  });

  it('lists the timeline in order with who, when and what, and no personal data', async () => {
    const t = await get(`/v1/entrepreneurs/${siti.id}/timeline?minPosition=${head}`);
    expect(t.status).toBe(200);
    expect(t.body.items.map((i: { type: string }) => i.type)).toEqual(['Registered', 'Trained', 'GrantReceived', 'Monitored', 'Monitored']);
    expect(t.body.items[2]).toMatchObject({ version: 3, actor: { id: 'caseworker-1', role: 'caseworker' }, data: { programme: 'TKM_PEMULA', amount: 20_000_000 } });
    expect(JSON.stringify(t.body)).not.toContain('Siti');
  });

  it('reports progression, survival and workers to supervisors, not to caseworkers', async () => {
    const r = await get(`/v1/reports/progression?year=2024&regionCode=32.16&minPosition=${head}`);
    expect(r.status).toBe(200);
    expect(r.body.reached).toMatchObject({ registered: 2, trained: 2, funded: 1, monitored: 1 });
    expect(r.body.conversion).toMatchObject({ trained: 1, funded: 0.5, monitored: 1 });
    expect(r.body.survival[0]).toMatchObject({ months: 6, funded: 1, observed: 1, active: 1, rate: 1 });
    expect(r.body.workersAbsorbed).toEqual({ activeBusinesses: 1, workersTotal: 3, besidesOwners: 2 });
    const byRegion = await get('/v1/reports/progression?regionCode=32.16.02');
    expect(byRegion.body.reached.registered).toBe(1);
    expect((await get('/v1/reports/progression', caseworkerBabelan)).status).toBe(403);
  });

  it('lists the entrepreneurs eligible for TKM Lanjutan', async () => {
    const e = await get(`/v1/reports/lanjutan-eligibility?minPosition=${head}`);
    expect(e.body.items).toEqual([expect.objectContaining({ id: siti.id, fullName: 'Siti Aminah', visitsCounted: 2, latestWorkersTotal: 3 })]);
    // a well-formed cursor whose id is not a uuid is refused as a bad cursor, not sent to the uuid column
    const notAnId = Buffer.from(JSON.stringify({ id: 'not-a-uuid' })).toString('base64url');
    const refused = await get(`/v1/reports/lanjutan-eligibility?cursor=${notAnId}`);
    expect(refused).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID_CURSOR' } });
  });

  it('drops the name everywhere after erasure, also when looking back to before it', async () => {
    const p = aPerson();
    const registeredAt = (await append(p.stream, [p.registered({ fullName: 'Dewi Lestari', regionCode: '63.09.01', kecamatanCode: '63.09.01' })])).recordedAt;
    await app.vault.erase(p.id);
    const { lastPosition } = await append(p.stream, [p.erased()]);
    const list = await get(`/v1/entrepreneurs?minPosition=${lastPosition}`);
    expect(list.body.items.find((i: { id: string }) => i.id === p.id)).toMatchObject({ fullName: null, regionCode: null, kecamatanCode: '63.09.01', personalDataErased: true });
    expect((await get(`/v1/entrepreneurs?q=dewi`)).body.items).toEqual([]);
    const then = await get(`/v1/entrepreneurs/${p.id}?asOf=${registeredAt.toISOString()}`);
    expect(then.body).toMatchObject({ fullName: null, personalDataErased: true, stage: 'registered' });
  });

  it('answers 503 with Retry-After when the read model does not reach minPosition in time', async () => {
    const res = await get(`/v1/entrepreneurs?minPosition=${head * 1000}`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body.code).toBe('READ_MODEL.BEHIND');
  });
});
