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
      programme: 'TKM_PEMULA', formedOn: '2024-03-01', maxMembers: 10, members: [], grants: [], grantsCount: 0, grantTotal: 0, lastEventAt: expect.any(String),
    });

    const dewi = await register({ fullName: 'Dewi Lestari' });
    expect(await join(id, dewi, formed.headers.get('etag')!)).toMatchObject({ status: 200, body: { version: 2 } });
    const joined = await read(id);
    expect(joined.headers.get('etag')).toBe('"2"');
    expect(joined.body).toMatchObject({ version: 2, members: [{ entrepreneurId: dewi, joinedOn: '2024-03-05', fullName: 'Dewi Lestari', kecamatanCode: '32.16.01', personalDataErased: false }] });

    const sari = await register({ fullName: 'Sari Wulandari' });
    const stale = await join(id, sari, formed.headers.get('etag')!);
    expect(problemOf(stale)).toMatchObject({ status: 412 });
    // the same words as for a case: the text names no kind of data
    expect(stale.body).toMatchObject({ code: 'REQUEST.PRECONDITION_FAILED', detail: 'Data ini sudah berubah sejak versi 1; muat ulang lalu coba lagi' });
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

  it('answers 404 GROUP.NOT_FOUND for an unknown group before anything about the person added', async () => {
    const rina = await register({ fullName: 'Rina Wati', regionCode: '32.16.02' }, babelan);
    const before = await http.eventCount();
    // a person outside the caller's area, and one who does not exist: the group is what is missing
    expect(problemOf(await join(randomUUID(), rina, 1))).toMatchObject({ status: 404, code: 'GROUP.NOT_FOUND' });
    expect(problemOf(await join(randomUUID(), randomUUID(), 1))).toMatchObject({ status: 404, code: 'GROUP.NOT_FOUND' });
    // with the group there, the person's own answers stand
    const id = await form();
    expect(problemOf(await join(id, randomUUID(), 1))).toMatchObject({ status: 404, code: 'ENTREPRENEUR.NOT_FOUND' });
    expect(problemOf(await join(id, rina, 1))).toMatchObject({ status: 403, code: 'AUTH.KECAMATAN_FORBIDDEN' });
    expect(await http.eventCount()).toBe(before + 1);
  });

  it('takes a member from another kecamatan from whoever covers both, and names them only to readers whose area covers them', async () => {
    const id = await form();
    const rina = await register({ fullName: 'Rina Wati', regionCode: '32.16.02' }, babelan);
    expect(await join(id, rina, 1, both)).toMatchObject({ status: 200, body: { version: 2 } });
    const member = { entrepreneurId: rina, kecamatanCode: '32.16.02', personalDataErased: false, processingRestricted: false };
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
    expect(shown.body.members).toEqual([{ entrepreneurId: sri, joinedOn: '2024-03-05', fullName: null, kecamatanCode: '32.16.01', personalDataErased: true, processingRestricted: false }]);
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

  it('shows the grants its members received as the kelompok, with their total, also as of a date before them', async () => {
    const id = await form();
    const [rina, tuti] = [await register({ fullName: 'Rina Marlina' }), await register({ fullName: 'Tuti Alawiyah' })];
    expect((await join(id, rina, 1)).status).toBe(200);
    expect((await join(id, tuti, 2)).status).toBe(200);
    const training = { title: 'Pelatihan Kerajinan Resin', provider: 'BLK Bekasi', kind: 'competency', startedOn: '2024-03-06', completedOn: '2024-03-08' };
    const grant = (over: object) => ({ programme: 'TKM_PEMULA', amount: 10_000_000, form: 'equipment', receivedOn: '2024-03-20', fundingSource: 'APBN', groupId: id, decreeNumber: 'KEP.7/BPKK/2024', ...over });
    for (const person of [rina, tuti]) expect((await http.call('POST', `/v1/entrepreneurs/${person}/trainings`, { token: ani, body: training, ifMatch: 1 })).status).toBe(200);
    const first = await http.call('POST', `/v1/entrepreneurs/${rina}/grants`, { token: ani, body: grant({}), ifMatch: 2 });
    expect(first.status).toBe(200);
    // the instant Rina's grant was recorded; Tuti's comes at least a millisecond later
    const rinaFunded: string = (await http.call('GET', `/v1/entrepreneurs/${rina}`, { token: ani })).body.lastEventAt;
    await new Promise((r) => setTimeout(r, 5));
    expect((await http.call('POST', `/v1/entrepreneurs/${tuti}/grants`, { token: ani, body: grant({ amount: 8_500_000, form: 'mixed', receivedOn: '2024-03-18', decreeNumber: undefined }), ifMatch: 2 })).status).toBe(200);
    // a grant of Rina's own, to no group: not the kelompok's
    expect((await http.call('POST', `/v1/entrepreneurs/${rina}/grants`, { token: ani, body: grant({ programme: 'WUB', amount: 3_000_000, groupId: undefined, decreeNumber: undefined }), ifMatch: 3 })).status).toBe(200);

    const now = await read(id);
    expect(now.body).toMatchObject({
      grantsCount: 2,
      grantTotal: 18_500_000,
      grants: [
        { entrepreneurId: tuti, programme: 'TKM_PEMULA', amount: 8_500_000, form: 'mixed', receivedOn: '2024-03-18', fundingSource: 'APBN' },
        { entrepreneurId: rina, programme: 'TKM_PEMULA', amount: 10_000_000, form: 'equipment', receivedOn: '2024-03-20', fundingSource: 'APBN', decreeNumber: 'KEP.7/BPKK/2024' },
      ],
    });
    expect(now.body.grants[0]).not.toHaveProperty('groupId');
    // the group's own version: grants are recorded on the members' cases
    expect(now.body.version).toBe(3);

    // as of Rina's grant: hers only; a moment before it: none, with both members already in
    const then = await read(id, ani, `?asOf=${encodeURIComponent(rinaFunded)}`);
    expect(then.body).toMatchObject({ version: 3, grantsCount: 1, grantTotal: 10_000_000, grants: [{ entrepreneurId: rina, receivedOn: '2024-03-20' }] });
    const justBefore = await read(id, ani, `?asOf=${encodeURIComponent(new Date(Date.parse(rinaFunded) - 1).toISOString())}`);
    expect(justBefore.body).toMatchObject({ version: 3, grantsCount: 0, grantTotal: 0, grants: [] });
  });

  it('records a grant to a kelompok only for a member who joined by then (409 GROUP.NOT_A_MEMBER), and to an existing one (404), writing nothing else', async () => {
    const id = await form();
    const wati = await register({ fullName: 'Wati Suryani' });
    const training = { title: 'Pelatihan Kerajinan Resin', provider: 'BLK Bekasi', kind: 'competency', startedOn: '2024-02-01', completedOn: '2024-02-03' };
    expect((await http.call('POST', `/v1/entrepreneurs/${wati}/trainings`, { token: ani, body: training, ifMatch: 1 })).status).toBe(200);
    const grant = (over: object) => ({ programme: 'TKM_PEMULA', amount: 15_000_000, form: 'equipment', receivedOn: '2024-03-10', fundingSource: 'APBN', groupId: id, ...over });
    const record = (over: object) => http.call('POST', `/v1/entrepreneurs/${wati}/grants`, { token: ani, body: grant(over), ifMatch: 2 });
    const before = await http.eventCount();

    const notMember = await record({});
    expect(problemOf(notMember)).toMatchObject({ status: 409, code: 'GROUP.NOT_A_MEMBER' });
    expect(notMember.body.detail).toBe('Wirausaha ini bukan anggota kelompok tersebut: tambahkan dulu sebagai anggota kelompok');
    const unknown = await record({ groupId: randomUUID() });
    expect(problemOf(unknown)).toMatchObject({ status: 404, code: 'GROUP.NOT_FOUND' });
    expect(await http.eventCount()).toBe(before);

    // she joins on 5 March: a grant of 1 March is still refused, naming the day she joined; one of 10 March is recorded
    expect((await join(id, wati, 1)).status).toBe(200);
    const early = await record({ receivedOn: '2024-03-01' });
    expect(problemOf(early)).toMatchObject({ status: 409, code: 'GROUP.NOT_A_MEMBER' });
    expect(early.body.detail).toBe('Wirausaha ini baru bergabung dengan kelompok tersebut pada 2024-03-05, setelah tanggal bantuan diterima');
    expect((await record({})).status).toBe(200);
    expect((await read(id)).body).toMatchObject({ grantsCount: 1, grantTotal: 15_000_000 });
  });

  it('refuses a graduate a TKM Pemula group (409 JOURNEY.ALREADY_GRADUATED, naming the day) and takes them into a TKM Lanjutan one', async () => {
    const pemula = await form();
    const lanjutan = (await http.call('POST', '/v1/groups', { token: ani, body: { name: 'KUB Resin Lanjutan', regionCode: '32.16.01', businessType: 'kerajinan resin', programme: 'TKM_LANJUTAN', formedOn: '2024-03-01' } })).body.id as string;
    const sari = await register({ fullName: 'Sari Wulandari' });
    const visit = (visitedOn: string) => ({ visitedOn, businessActive: true, workersTotal: 3, revenueTrend: 'up_to_target' });
    const steps: [string, object][] = [
      ['trainings', { title: 'Pelatihan Tata Boga', provider: 'BLK Bekasi', kind: 'competency', startedOn: '2024-01-15', completedOn: '2024-01-20' }],
      ['grants', { programme: 'TKM_PEMULA', amount: 20_000_000, form: 'equipment', receivedOn: '2024-01-25', fundingSource: 'APBN' }],
      ['monitoring-visits', visit('2024-02-05')],
      ['monitoring-visits', visit('2024-02-20')],
      ['graduation', { graduatedOn: '2024-03-04', basis: 'monev 2x, usaha aktif' }],
    ];
    for (const [i, [path, body]] of steps.entries()) {
      const answer = await http.call('POST', `/v1/entrepreneurs/${sari}/${path}`, { token: ani, body, ifMatch: i + 1 });
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    }

    const refused = await join(pemula, sari, 1);
    expect(problemOf(refused)).toMatchObject({ status: 409, code: 'JOURNEY.ALREADY_GRADUATED' });
    expect(refused.body.detail).toBe('Wirausaha ini sudah lulus ke TKM Lanjutan pada 2024-03-04');
    expect((await read(pemula)).body).toMatchObject({ version: 1, members: [] });

    expect((await join(lanjutan, sari, 1)).status).toBe(200);
    expect((await read(lanjutan)).body).toMatchObject({ version: 2, members: [{ entrepreneurId: sari, fullName: 'Sari Wulandari', joinedOn: '2024-03-05' }] });
  });

  describe('the list of kelompok (GET /v1/groups)', () => {
    // Sukawangi (32.16.03) and Tambelang (32.16.04): no other test of this file forms groups there
    let sukawangi: string;
    let tambelang: string;
    type Item = { id: string; membersCount: number };
    const list = (query: string, token = supervisor) => http.call('GET', `/v1/groups${query}`, { token });
    const ids = (answer: Answer) => answer.body.items.map((i: Item) => i.id);
    const formIn = async (token: string, body: Record<string, unknown>) => {
      const formed = await http.call('POST', '/v1/groups', { token, body: { businessType: 'olahan pangan', formedOn: '2024-04-01', ...body } });
      expect(formed.status).toBe(201);
      return { id: formed.body.id as string, position: formed.body.globalPosition as number };
    };

    beforeAll(async () => {
      sukawangi = await http.token({ sub: 'cw-sukawangi', role: 'caseworker', kecamatan: ['32.16.03'] });
      tambelang = await http.token({ sub: 'cw-tambelang', role: 'caseworker', kecamatan: ['32.16.04'] });
    });

    it('shows a caseworker the groups of their kecamatan, and filters by region prefix and programme', async () => {
      const keripik = await formIn(sukawangi, { name: 'Kelompok Keripik Sukaringin', regionCode: '32.16.03.2001' });
      const batik = await formIn(sukawangi, { name: 'Kelompok Batik Sukawangi', regionCode: '32.16.03', programme: 'WUB', businessType: 'batik' });
      const tani = await formIn(tambelang, { name: 'Kelompok Tani Sukamaju', regionCode: '32.16.04.2002' });
      const head = Math.max(keripik.position, batik.position, tani.position);

      const mine = await list(`?minPosition=${head}`, sukawangi);
      expect(mine.status).toBe(200);
      expect(Number(mine.headers.get('x-read-model-position'))).toBeGreaterThanOrEqual(head);
      expect(mine.body).toEqual({ items: expect.any(Array), nextCursor: null });
      expect(ids(mine)).toEqual([keripik.id, batik.id].sort());
      expect(mine.body.items.find((i: Item) => i.id === keripik.id)).toEqual({
        id: keripik.id, name: 'Kelompok Keripik Sukaringin', regionCode: '32.16.03.2001', kecamatanCode: '32.16.03', businessType: 'olahan pangan',
        programme: 'TKM_PEMULA', formedOn: '2024-04-01', maxMembers: 10, membersCount: 0, grantsCount: 0, grantTotal: 0,
      });
      expect(ids(await list('', tambelang))).toEqual([tani.id]);
      // a filter narrows the caller's area, never widens it
      expect(ids(await list('?regionCode=32.16.04', sukawangi))).toEqual([]);

      expect(ids(await list('?regionCode=32.16.04'))).toEqual([tani.id]);
      expect(ids(await list('?regionCode=32.16.03.2001'))).toEqual([keripik.id]);
      expect(ids(await list('?regionCode=32.16.03&programme=WUB'))).toEqual([batik.id]);
      expect(ids(await list('?regionCode=32.16&limit=200'))).toEqual(expect.arrayContaining([keripik.id, batik.id, tani.id]));
      expect(ids(await list('?regionCode=32.75'))).toEqual([]);
      expect(ids(await list('?limit=200', auditor))).toEqual(expect.arrayContaining([keripik.id, batik.id, tani.id]));
    });

    it('pages with an opaque cursor, each group once, in the order of the whole list', async () => {
      await formIn(tambelang, { name: 'Kelompok Kue Sukawijaya', regionCode: '32.16.04.2001' });
      const { position } = await formIn(tambelang, { name: 'Kelompok Jahit Sukawijaya', regionCode: '32.16.04.2001' });
      const whole = await list(`?limit=200&minPosition=${position}`);
      expect(whole.body.items.length).toBeGreaterThanOrEqual(3);
      expect(ids(whole)).toEqual([...ids(whole)].sort());
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Answer = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...ids(page));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(ids(whole));
    });

    it('counts a member and a grant as soon as minPosition is given, and records no read of anyone’s personal data', async () => {
      const group = await formIn(tambelang, { name: 'Kelompok Sambal Sukamaju', regionCode: '32.16.04.2002', formedOn: '2024-03-01' });
      const yanti = await register({ fullName: 'Yanti Kusuma', regionCode: '32.16.04.2002' }, tambelang);
      const joined = await join(group.id, yanti, 1, tambelang);
      expect(joined.status).toBe(200);
      const afterJoin = await list(`?regionCode=32.16.04.2002&minPosition=${joined.body.globalPosition}`, tambelang);
      expect(afterJoin.body.items.find((i: Item) => i.id === group.id)).toMatchObject({ membersCount: 1, grantsCount: 0, grantTotal: 0 });

      const training = { title: 'Pelatihan Pengolahan Pangan', provider: 'BLK Bekasi', kind: 'competency', startedOn: '2024-01-15', completedOn: '2024-01-20' };
      expect((await http.call('POST', `/v1/entrepreneurs/${yanti}/trainings`, { token: tambelang, body: training, ifMatch: 1 })).status).toBe(200);
      const grant = { programme: 'TKM_PEMULA', amount: 12_500_000, form: 'equipment', receivedOn: '2024-04-10', fundingSource: 'APBD', groupId: group.id };
      const granted = await http.call('POST', `/v1/entrepreneurs/${yanti}/grants`, { token: tambelang, body: grant, ifMatch: 2 });
      expect(granted.status).toBe(200);
      const afterGrant = await list(`?regionCode=32.16.04.2002&minPosition=${granted.body.globalPosition}`, tambelang);
      expect(afterGrant.body.items.find((i: Item) => i.id === group.id)).toMatchObject({ membersCount: 1, grantsCount: 1, grantTotal: 12_500_000 });
      expect(JSON.stringify(afterGrant.body)).not.toContain('Yanti');

      const trail = await http.call('GET', `/v1/entrepreneurs/${yanti}/processing-trail`, { token: auditor });
      expect(trail.body.items.filter((i: { kind: string }) => i.kind === 'read')).toEqual([]);
    });

    it.each([
      ['a region code that is no Kemendagri code', '?regionCode=32.1', 422, 'REQUEST.VALIDATION_FAILED'],
      ['an unknown programme', '?programme=PKH', 422, 'REQUEST.VALIDATION_FAILED'],
      ['a page of none', '?limit=0', 422, 'REQUEST.VALIDATION_FAILED'],
      ['a page larger than 200', '?limit=201', 422, 'REQUEST.VALIDATION_FAILED'],
      ['a negative minPosition', '?minPosition=-1', 422, 'REQUEST.VALIDATION_FAILED'],
      ['a cursor this API did not hand out', '?cursor=bm9wZQ', 400, 'REQUEST.INVALID_CURSOR'],
      ['a well-formed cursor whose id is no uuid', `?cursor=${Buffer.from('{"id":"x"}').toString('base64url')}`, 400, 'REQUEST.INVALID_CURSOR'],
    ])('answers %s (%s) with %i %s', async (_case, query, status, code) => {
      expect(problemOf(await list(query))).toEqual({ status, code, type: expect.stringContaining('application/problem+json') });
    });

    it.each(['admin', 'service'] as const)('refuses (403) the %s role', async (role) => {
      const token = await http.token({ sub: `${role}-1`, role });
      expect(problemOf(await list('', token))).toEqual({ status: 403, code: 'AUTH.ROLE_FORBIDDEN', type: expect.stringContaining('application/problem+json') });
    });

    it('is described in the OpenAPI document with its parameters', async () => {
      type Operation = { parameters: { name: string; in: string }[]; responses: Record<string, unknown> };
      const doc = (await (await fetch(`${http.app.url}/docs-json`)).json()) as {
        paths: Record<string, { get: Operation }>;
        components: { schemas: Record<string, { properties: Record<string, unknown> }> };
      };
      const op = doc.paths['/v1/groups'].get;
      expect(op.parameters.filter((p) => p.in === 'query').map((p) => p.name).sort()).toEqual(['cursor', 'limit', 'minPosition', 'programme', 'regionCode']);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '422']));
      expect(Object.keys(doc.components.schemas.GroupSummaryDto.properties).sort()).toEqual(
        ['businessType', 'formedOn', 'grantTotal', 'grantsCount', 'id', 'kecamatanCode', 'maxMembers', 'membersCount', 'name', 'programme', 'regionCode'],
      );
      expect(Object.keys(doc.components.schemas.GroupViewDto.properties)).toEqual(expect.arrayContaining(['id', 'name', 'version', 'members', 'lastEventAt']));
    });
  });
});
