import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { aRegistration, JourneyHttp, type Answer } from './journey-http.fixture';

describe("a person's processing trail (UU PDP), against the real app", () => {
  let http: JourneyHttp;
  let db: Pool;
  let ani: string;
  let both: string;
  let supervisor: string;
  let supervisorBabelan: string;
  let auditor: string;

  beforeAll(async () => {
    http = await JourneyHttp.start();
    db = http.app.database.pool(2);
    ani = await http.token({ sub: 'cw-ani', role: 'caseworker', kecamatan: ['32.16.01'] });
    both = await http.token({ sub: 'cw-tono', role: 'caseworker', kecamatan: ['32.16.01', '32.16.02'] });
    supervisor = await http.token({ sub: 'spv-1', role: 'supervisor', kecamatan: ['32.16.01'] });
    supervisorBabelan = await http.token({ sub: 'spv-2', role: 'supervisor', kecamatan: ['32.16.02'] });
    auditor = await http.token({ sub: 'aud-1', role: 'auditor' });
  });
  afterAll(() => http.close());

  const register = async (over: Record<string, unknown> = {}, token = ani, correlationId?: string) => {
    const created = await http.call('POST', '/v1/entrepreneurs', { token, body: aRegistration(over), correlationId });
    expect(created.status).toBe(201);
    return { id: created.body.id as string, position: created.body.globalPosition as number };
  };
  const trailOf = (id: string, token = auditor, query = '') => http.call('GET', `/v1/entrepreneurs/${id}/processing-trail${query}`, { token });
  /** The rows one request wrote, and how many statements wrote them (rows of one statement share xmin and cmin). */
  const recordedBy = async (correlationId: string) => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS rows, count(DISTINCT (xmin::text, cmin::text))::int AS statements, array_agg(subject_id::text ORDER BY subject_id) AS subjects
       FROM personal_data_reads WHERE correlation_id = $1`,
      [correlationId],
    );
    return { rows: rows[0].rows as number, statements: rows[0].statements as number, subjects: (rows[0].subjects ?? []) as string[] };
  };
  const problemOf = (answer: Answer) => ({ status: answer.status, code: answer.body?.code });

  it('shows an auditor the writes and the reads of a caseworker in time order, with actor, role, purpose and correlation id', async () => {
    const dewi = await register({ fullName: 'Dewi Kartika Jejak' }, ani, 'trail-register');
    const trained = await http.call('POST', `/v1/entrepreneurs/${dewi.id}/trainings`, {
      token: ani, ifMatch: 1, correlationId: 'trail-train',
      body: { title: 'Pelatihan Tata Boga', provider: 'BLK Bekasi', kind: 'competency', startedOn: '2024-02-01', completedOn: '2024-02-05' },
    });
    expect(trained.status).toBe(200);

    const read = await http.call('GET', `/v1/entrepreneurs/${dewi.id}`, { token: ani, correlationId: 'trail-read' });
    expect(read.body.fullName).toBe('Dewi Kartika Jejak');
    const search = await http.call('GET', `/v1/entrepreneurs?q=kartika%20jejak&minPosition=${trained.body.globalPosition}`, { token: ani, correlationId: 'trail-search' });
    expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([dewi.id]);
    const registeredAt = (await http.call('GET', `/v1/audit/streams/entrepreneur-${dewi.id}`, { token: auditor })).body.events[0].recordedAt;
    const asOf = await http.call('GET', `/v1/entrepreneurs/${dewi.id}?asOf=${encodeURIComponent(registeredAt)}`, { token: ani, correlationId: 'trail-as-of' });
    expect(asOf.body).toMatchObject({ version: 1, fullName: 'Dewi Kartika Jejak' });

    const trail = await trailOf(dewi.id);
    expect(trail.status).toBe(200);
    const caseworker = { id: 'cw-ani', role: 'caseworker' };
    expect(trail.body).toEqual({
      id: dewi.id,
      kecamatanCode: '32.16.01',
      nextCursor: null,
      items: [
        { kind: 'write', at: registeredAt, actor: caseworker, correlationId: 'trail-register', eventType: 'Registered', version: 1 },
        { kind: 'write', at: expect.any(String), actor: caseworker, correlationId: 'trail-train', eventType: 'Trained', version: 2 },
        { kind: 'read', at: expect.any(String), actor: caseworker, correlationId: 'trail-read', purpose: 'case.read' },
        { kind: 'read', at: expect.any(String), actor: caseworker, correlationId: 'trail-search', purpose: 'caseload.search' },
        { kind: 'read', at: expect.any(String), actor: caseworker, correlationId: 'trail-as-of', purpose: 'case.read_as_of' },
      ],
    });
    const instants = trail.body.items.map((i: { at: string }) => Date.parse(i.at));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    expect(JSON.stringify(trail.body)).not.toContain('Dewi');

    // reading the trail, the timeline (non-personal facts) and the raw, sealed history reads nobody's data
    expect((await http.call('GET', `/v1/entrepreneurs/${dewi.id}/timeline?minPosition=${trained.body.globalPosition}`, { token: ani })).status).toBe(200);
    expect((await http.call('GET', `/v1/audit/streams/entrepreneur-${dewi.id}`, { token: auditor })).status).toBe(200);
    expect((await trailOf(dewi.id, supervisor)).body).toEqual(trail.body);
  });

  it('pages with an opaque cursor, the pages together being the whole trail', async () => {
    const rina = await register({ fullName: 'Rina Halaman' });
    for (let i = 0; i < 3; i++) await http.call('GET', `/v1/entrepreneurs/${rina.id}`, { token: ani });
    const whole = (await trailOf(rina.id)).body.items;
    expect(whole.map((i: { kind: string }) => i.kind)).toEqual(['write', 'read', 'read', 'read']);
    const paged: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: Answer = await trailOf(rina.id, auditor, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      paged.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole);
    expect(problemOf(await trailOf(rina.id, auditor, '?cursor=bm9wZQ'))).toEqual({ status: 400, code: 'REQUEST.INVALID_CURSOR' });
  });

  it('is refused to a caseworker and to a supervisor of another kecamatan, and 404 for nobody', async () => {
    const sari = await register();
    expect(problemOf(await trailOf(sari.id, ani))).toEqual({ status: 403, code: 'AUTH.ROLE_FORBIDDEN' });
    expect(problemOf(await trailOf(sari.id, supervisorBabelan))).toEqual({ status: 403, code: 'AUTH.KECAMATAN_FORBIDDEN' });
    expect((await trailOf(sari.id, supervisor)).status).toBe(200);
    expect(problemOf(await trailOf(randomUUID()))).toEqual({ status: 404, code: 'ENTREPRENEUR.NOT_FOUND' });
  });

  it('records a page of N people as N rows written by one statement', async () => {
    const people = [];
    for (let i = 0; i < 7; i++) people.push(await register({ fullName: `Peserta Halaman Tujuh ${i}` }));
    const head = Math.max(...people.map((p) => p.position));
    const page = await http.call('GET', `/v1/entrepreneurs?q=halaman%20tujuh&limit=50&minPosition=${head}`, { token: ani, correlationId: 'trail-page-of-7' });
    expect(page.body.items).toHaveLength(7);
    expect(await recordedBy('trail-page-of-7')).toEqual({ rows: 7, statements: 1, subjects: people.map((p) => p.id).sort() });
    const listed = await http.call('GET', `/v1/entrepreneurs?regionCode=32.16.01&limit=5&minPosition=${head}`, { token: ani, correlationId: 'trail-list-5' });
    expect(listed.body.items).toHaveLength(5);
    expect(await recordedBy('trail-list-5')).toMatchObject({ rows: 5, statements: 1 });
    const { rows } = await db.query(`SELECT DISTINCT purpose FROM personal_data_reads WHERE correlation_id = 'trail-list-5'`);
    expect(rows).toEqual([{ purpose: 'caseload.list' }]);
  });

  it('records only the group members whose names the reader was shown', async () => {
    const mine = await register({ fullName: 'Anggota Tarumajaya' });
    const other = await register({ fullName: 'Anggota Babelan', regionCode: '32.16.02' }, both);
    const formed = await http.call('POST', '/v1/groups', { token: both, body: { name: 'Kelompok Jejak', regionCode: '32.16.01', businessType: 'kue', formedOn: '2024-03-01' } });
    let version = formed.body.version;
    for (const m of [mine, other])
      version = (await http.call('POST', `/v1/groups/${formed.body.id}/members`, { token: both, body: { entrepreneurId: m.id, joinedOn: '2024-03-05' }, ifMatch: version })).body.version;
    const group = await http.call('GET', `/v1/groups/${formed.body.id}`, { token: ani, correlationId: 'trail-group' });
    expect(group.body.members.map((m: { fullName: string | null }) => m.fullName)).toEqual(['Anggota Tarumajaya', null]);
    expect(await recordedBy('trail-group')).toEqual({ rows: 1, statements: 1, subjects: [mine.id] });
    expect((await trailOf(mine.id)).body.items.at(-1)).toMatchObject({ kind: 'read', purpose: 'group.read', correlationId: 'trail-group' });
  });

  it('records the names on the TKM Lanjutan eligibility list', async () => {
    const yuni = await register({ fullName: 'Yuni Layak Lanjut' });
    const steps: [string, object][] = [
      ['trainings', { title: 'Pelatihan Las', provider: 'MTU', kind: 'competency', startedOn: '2024-02-01', completedOn: '2024-02-05' }],
      ['grants', { programme: 'TKM_PEMULA', amount: 20_000_000, form: 'mixed', receivedOn: '2024-03-01', fundingSource: 'APBN' }],
      ['monitoring-visits', { visitedOn: '2024-04-01', businessActive: true, workersTotal: 3, revenueTrend: 'up_to_target' }],
      ['monitoring-visits', { visitedOn: '2024-05-01', businessActive: true, workersTotal: 3, revenueTrend: 'up_to_target' }],
    ];
    let position = yuni.position;
    for (const [i, [path, body]] of steps.entries()) position = (await http.call('POST', `/v1/entrepreneurs/${yuni.id}/${path}`, { token: ani, body, ifMatch: i + 1 })).body.globalPosition;
    const list = await http.call('GET', `/v1/reports/lanjutan-eligibility?minPosition=${position}&limit=200`, { token: ani, correlationId: 'trail-eligible' });
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(yuni.id);
    expect(await recordedBy('trail-eligible')).toMatchObject({ rows: list.body.items.length, statements: 1 });
    expect((await trailOf(yuni.id)).body.items.at(-1)).toMatchObject({ kind: 'read', purpose: 'eligibility.list', correlationId: 'trail-eligible' });
  });

  it('after erasure records no more reads of the person, and the trail still answers with everything before', async () => {
    const sri = await register({ fullName: 'Sri Terhapus Jejak' });
    await http.call('GET', `/v1/entrepreneurs/${sri.id}`, { token: ani, correlationId: 'trail-before-erasure' });
    const erased = await http.call('POST', `/v1/entrepreneurs/${sri.id}/erasure`, { token: ani, body: { reason: 'permintaan subjek data' }, ifMatch: 1, correlationId: 'trail-erasure' });
    expect(erased.status).toBe(200);

    const shown = await http.call('GET', `/v1/entrepreneurs/${sri.id}`, { token: ani, correlationId: 'trail-after-erasure' });
    expect(shown.body).toMatchObject({ personalDataErased: true, fullName: null });
    const listed = await http.call('GET', `/v1/entrepreneurs?regionCode=32.16.01&limit=200&minPosition=${erased.body.globalPosition}`, { token: ani, correlationId: 'trail-list-after-erasure' });
    expect(listed.body.items.find((i: { id: string }) => i.id === sri.id)).toMatchObject({ fullName: null, regionCode: null });
    expect((await recordedBy('trail-after-erasure')).rows).toBe(0);
    expect((await recordedBy('trail-list-after-erasure')).subjects).not.toContain(sri.id);

    const trail = await trailOf(sri.id);
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((i: { kind: string; eventType?: string; purpose?: string; correlationId: string }) => [i.kind, i.eventType ?? i.purpose, i.correlationId])).toEqual([
      ['write', 'Registered', expect.any(String)],
      ['read', 'case.read', 'trail-before-erasure'],
      ['write', 'PersonalDataErased', 'trail-erasure'],
    ]);
  });

  it('fails the read (500) when its trail cannot be written, rather than hand the data out unrecorded', async () => {
    const tono = await register({ fullName: 'Tono Tak Tercatat' });
    await db.query(`CREATE TRIGGER test_refuse_reads BEFORE INSERT ON personal_data_reads FOR EACH STATEMENT EXECUTE FUNCTION personal_data_reads_immutable()`);
    try {
      const answer = await http.call('GET', `/v1/entrepreneurs/${tono.id}`, { token: ani });
      expect(problemOf(answer)).toEqual({ status: 500, code: 'INTERNAL.ERROR' });
      expect(JSON.stringify(answer.body)).not.toContain('Tono');
      expect(answer.headers.get('etag')).not.toBe('"1"'); // the case's version never went out
    } finally {
      await db.query(`DROP TRIGGER test_refuse_reads ON personal_data_reads`);
    }
    expect((await http.call('GET', `/v1/entrepreneurs/${tono.id}`, { token: ani })).status).toBe(200);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE of the trail', async () => {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM personal_data_reads');
    expect(rows[0].n).toBeGreaterThan(0);
    for (const sql of [`UPDATE personal_data_reads SET actor_id = 'someone-else'`, 'DELETE FROM personal_data_reads', 'TRUNCATE personal_data_reads'])
      await expect(db.query(sql)).rejects.toMatchObject({ code: 'JJ011' });
    expect((await db.query('SELECT count(*)::int AS n FROM personal_data_reads')).rows[0].n).toBe(rows[0].n);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await http.call('GET', '/docs-json')).body;
    const op = doc.paths['/v1/entrepreneurs/{id}/processing-trail'].get;
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '403', '404']));
    expect(op.description).toContain('caseworker is refused');
    expect(doc.components.schemas.TrailReadDto.properties.purpose.enum).toEqual(expect.arrayContaining(['case.read', 'caseload.search', 'group.read']));
  });
});
