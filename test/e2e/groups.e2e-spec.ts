import { randomUUID } from 'node:crypto';
import { aRegistration, JourneyHttp, type Answer } from './journey-http.fixture';

describe('a kelompok over HTTP, against the real app', () => {
  let http: JourneyHttp;
  let ani: string;
  let babelan: string;
  let both: string;
  let supervisor: string;
  let auditor: string;

  beforeAll(async () => {
    http = await JourneyHttp.start();
    ani = await http.token({ sub: 'cw-ani', role: 'caseworker', kecamatan: ['32.16.01'] });
    babelan = await http.token({ sub: 'cw-rudi', role: 'caseworker', kecamatan: ['32.16.02'] });
    both = await http.token({ sub: 'cw-tono', role: 'caseworker', kecamatan: ['32.16.01', '32.16.02'] });
    supervisor = await http.token({ sub: 'spv-1', role: 'supervisor' });
    auditor = await http.token({ sub: 'aud-1', role: 'auditor' });
  });
  afterAll(() => http.close());

  const form = async (token = ani) => {
    const formed = await http.call('POST', '/v1/groups', { token, body: { name: 'Kelompok Resin Art Maju', regionCode: '32.16.01', businessType: 'kerajinan resin', formedOn: '2024-03-01' } });
    expect(formed.status).toBe(201);
    return formed.body.id as string;
  };
  const register = async (over: Record<string, unknown> = {}, token = ani) => (await http.call('POST', '/v1/entrepreneurs', { token, body: aRegistration(over) })).body.id as string;
  const read = (id: string, token = ani, query = '') => http.call('GET', `/v1/groups/${id}${query}`, { token });
  const join = (id: string, entrepreneurId: string, ifMatch: string | number, token = ani) =>
    http.call('POST', `/v1/groups/${id}/members`, { token, body: { entrepreneurId, joinedOn: '2024-03-05' }, ifMatch });
  const problemOf = (answer: Answer) => ({ status: answer.status, code: answer.body?.code, type: answer.headers.get('content-type') });

  it('is read as formed, and again after a member joins, its ETag the version that If-Match takes', async () => {
    const id = await form();
    const formed = await read(id);
    expect(formed.status).toBe(200);
    expect(formed.headers.get('etag')).toBe('"1"');
    expect(formed.body).toEqual({
      id, version: 1, name: 'Kelompok Resin Art Maju', regionCode: '32.16.01', kecamatanCode: '32.16.01', businessType: 'kerajinan resin',
      programme: 'TKM_PEMULA', formedOn: '2024-03-01', maxMembers: 10, members: [], lastEventAt: expect.any(String),
    });

    const dewi = await register({ fullName: 'Dewi Lestari' });
    expect(await join(id, dewi, formed.headers.get('etag')!)).toMatchObject({ status: 200, body: { version: 2 } });
    const joined = await read(id);
    expect(joined.headers.get('etag')).toBe('"2"');
    expect(joined.body).toMatchObject({ version: 2, members: [{ entrepreneurId: dewi, joinedOn: '2024-03-05', fullName: 'Dewi Lestari', kecamatanCode: '32.16.01', personalDataErased: false }] });

    const sari = await register({ fullName: 'Sari Wulandari' });
    expect(problemOf(await join(id, sari, formed.headers.get('etag')!))).toMatchObject({ status: 412 });
    expect(await join(id, sari, joined.headers.get('etag')!)).toMatchObject({ status: 200, body: { version: 3 } });
    expect((await read(id)).body.members.map((m: { fullName: string }) => m.fullName)).toEqual(['Dewi Lestari', 'Sari Wulandari']);

    // as it was when formed: the group's own version and no members yet
    const then = await read(id, ani, `?asOf=${encodeURIComponent(formed.body.lastEventAt)}`);
    expect(then).toMatchObject({ status: 200, body: { version: 1, members: [] } });
    expect(then.headers.get('etag')).toBe('"1"');
  });

  it('answers 404 GROUP.NOT_FOUND for an id no group was formed under, and for a time before it was', async () => {
    expect(problemOf(await read(randomUUID()))).toEqual({ status: 404, code: 'GROUP.NOT_FOUND', type: expect.stringContaining('application/problem+json') });
    const id = await form();
    expect(problemOf(await read(id, ani, '?asOf=2020-01-01T00:00:00.000Z'))).toMatchObject({ status: 404, code: 'GROUP.NOT_FOUND' });
  });

  it('is shown to supervisors and auditors, and refused (403) to a caseworker of another kecamatan', async () => {
    const id = await form();
    expect((await read(id, supervisor)).status).toBe(200);
    expect((await read(id, auditor)).status).toBe(200);
    expect(problemOf(await read(id, babelan))).toEqual({ status: 403, code: 'AUTH.KECAMATAN_FORBIDDEN', type: expect.stringContaining('application/problem+json') });
  });

  it('refuses (403) to add a person from outside the caller’s kecamatan, and writes nothing', async () => {
    const id = await form();
    const rina = await register({ fullName: 'Rina Wati', regionCode: '32.16.02' }, babelan);
    const before = await http.eventCount();
    expect(problemOf(await join(id, rina, 1))).toEqual({ status: 403, code: 'AUTH.KECAMATAN_FORBIDDEN', type: expect.stringContaining('application/problem+json') });
    expect(await http.eventCount()).toBe(before);
    expect((await read(id)).body).toMatchObject({ version: 1, members: [] });
    // and the group's own area still counts: Rudi's kecamatan covers Rina, not the group
    expect(problemOf(await join(id, rina, 1, babelan))).toMatchObject({ status: 403, code: 'AUTH.KECAMATAN_FORBIDDEN' });
    expect(await http.eventCount()).toBe(before);
  });

  it('takes a member from another kecamatan from whoever covers both, and names them only to readers whose area covers them', async () => {
    const id = await form();
    const rina = await register({ fullName: 'Rina Wati', regionCode: '32.16.02' }, babelan);
    expect(await join(id, rina, 1, both)).toMatchObject({ status: 200, body: { version: 2 } });
    const member = { entrepreneurId: rina, kecamatanCode: '32.16.02', personalDataErased: false };
    expect((await read(id, supervisor)).body.members).toEqual([{ ...member, joinedOn: '2024-03-05', fullName: 'Rina Wati' }]);
    const forAni = await read(id, ani);
    expect(forAni.body.members).toEqual([{ ...member, joinedOn: '2024-03-05', fullName: null }]);
    expect(JSON.stringify(forAni.body)).not.toContain('Rina');
  });

  it('shows an erased member as erased, without a name', async () => {
    const id = await form();
    const sri = await register({ fullName: 'Sri Wahyuni' });
    await join(id, sri, 1);
    expect(await http.call('POST', `/v1/entrepreneurs/${sri}/erasure`, { token: ani, body: { reason: 'permintaan subjek data' }, ifMatch: 1 })).toMatchObject({ status: 200 });
    const shown = await read(id, supervisor);
    expect(shown.body.members).toEqual([{ entrepreneurId: sri, joinedOn: '2024-03-05', fullName: null, kecamatanCode: '32.16.01', personalDataErased: true }]);
    expect(JSON.stringify(shown.body)).not.toContain('Sri Wahyuni');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${http.app.url}/docs-json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths['/v1/groups/{id}'].get.responses)).toEqual(expect.arrayContaining(['200', '403', '404']));
  });

  it('refuses a person who withdrew from the programme (409 JOURNEY.WITHDRAWN), naming the day, and writes nothing', async () => {
    const id = await form();
    const rudi = await register({ fullName: 'Rudi Hartono' });
    const withdrawn = await http.call('POST', `/v1/entrepreneurs/${rudi}/withdrawal`, { token: ani, body: { withdrawnOn: '2024-02-20', reason: 'bekerja di pabrik' }, ifMatch: 1 });
    expect(withdrawn.status).toBe(200);

    const refused = await join(id, rudi, 1);

    expect(problemOf(refused)).toMatchObject({ status: 409, code: 'JOURNEY.WITHDRAWN' });
    expect(refused.body.detail).toContain('2024-02-20');
    expect((await read(id)).body).toMatchObject({ version: 1, members: [] });
  });
});
