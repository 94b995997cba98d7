import type { Pool } from 'pg';
import { aRegistration, JourneyHttp } from './journey-http.fixture';

describe('restriction of processing (UU PDP), against the real app', () => {
  let http: JourneyHttp;
  let db: Pool;
  let ani: string;
  let babelan: string;
  let supervisor: string;
  let auditor: string;

  beforeAll(async () => {
    http = await JourneyHttp.start();
    db = http.app.database.pool(2);
    ani = await http.token({ sub: 'cw-ani', role: 'caseworker', kecamatan: ['32.16.01'] });
    babelan = await http.token({ sub: 'cw-budi', role: 'caseworker', kecamatan: ['32.16.02'] });
    supervisor = await http.token({ sub: 'spv-1', role: 'supervisor', kecamatan: ['32.16.01'] });
    auditor = await http.token({ sub: 'aud-1', role: 'auditor' });
  });
  afterAll(() => http.close());

  /** A Tarumajaya case that meets the TKM Lanjutan rule, at version 5. */
  async function eligibleCase(fullName: string) {
    const created = await http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration({ fullName }) });
    const id = created.body.id as string;
    const steps: [string, object][] = [
      ['trainings', { title: 'Pelatihan Las', provider: 'MTU', kind: 'competency', startedOn: '2024-02-01', completedOn: '2024-02-05' }],
      ['grants', { programme: 'TKM_PEMULA', amount: 20_000_000, form: 'mixed', receivedOn: '2024-03-01', fundingSource: 'APBN' }],
      ['monitoring-visits', { visitedOn: '2024-04-01', businessActive: true, workersTotal: 3, revenueTrend: 'up_to_target' }],
      ['monitoring-visits', { visitedOn: '2024-05-01', businessActive: true, workersTotal: 3, revenueTrend: 'up_to_target' }],
    ];
    let position = created.body.globalPosition as number;
    for (const [i, [path, body]] of steps.entries()) {
      const written = await http.call('POST', `/v1/entrepreneurs/${id}/${path}`, { token: ani, body, ifMatch: i + 1 });
      expect(written.status).toBe(200);
      position = written.body.globalPosition;
    }
    return { id, position };
  }
  const caseOf = (id: string, token: string, correlationId?: string) => http.call('GET', `/v1/entrepreneurs/${id}`, { token, correlationId });
  const search = (q: string, position: number, token = ani) => http.call('GET', `/v1/entrepreneurs?q=${encodeURIComponent(q)}&minPosition=${position}&limit=200`, { token });
  const eligibleIds = async (position: number, token = ani) =>
    (await http.call('GET', `/v1/reports/lanjutan-eligibility?minPosition=${position}&limit=200`, { token })).body.items.map((i: { id: string }) => i.id);
  const readsBy = async (correlationId: string) =>
    (await db.query('SELECT subject_id::text AS subject, purpose FROM personal_data_reads WHERE correlation_id = $1', [correlationId])).rows;

  it('hides the person from casework, keeps them visible to oversight, holds back new facts and the eligibility list; the lift undoes it all', async () => {
    const rina = await eligibleCase('Rina Dibatasi Jejak');
    expect(await eligibleIds(rina.position)).toContain(rina.id);

    const restricted = await http.call('POST', `/v1/entrepreneurs/${rina.id}/restriction`, {
      token: ani, ifMatch: 5, body: { reason: 'keberatan atas akurasi data', requestReference: 'PDP-2024-031', restrictedOn: '2024-06-01' },
    });
    expect(restricted.status).toBe(200);
    expect(restricted.body).toMatchObject({ id: rina.id, version: 6 });
    expect(restricted.headers.get('etag')).toBe('"6"');
    const history = (await http.call('GET', `/v1/audit/streams/entrepreneur-${rina.id}`, { token: auditor })).body.events;
    expect(history.at(-1)).toMatchObject({
      type: 'ProcessingRestricted', data: { entrepreneurId: rina.id, restrictedOn: '2024-06-01', requestReference: 'PDP-2024-031' },
      metadata: { actorId: 'cw-ani', reason: 'keberatan atas akurasi data' },
    });

    // the caseworker: the case without personal fields, no read recorded, and no name finds it
    const shownToAni = await caseOf(rina.id, ani, 'restricted-cw-read');
    expect(shownToAni.status).toBe(200);
    expect(shownToAni.body).toMatchObject({
      fullName: null, birthDate: null, regionCode: null, phone: null, address: null, businessIdea: null, nikMasked: null,
      personalDataErased: false, processingRestricted: true, restrictedOn: '2024-06-01', stage: 'monitored', kecamatanCode: '32.16.01', version: 6,
    });
    expect(await readsBy('restricted-cw-read')).toEqual([]);
    // a read of the past is a read now: the restriction hides it too
    const asOf = await http.call('GET', `/v1/entrepreneurs/${rina.id}?asOf=${encodeURIComponent(history[0].recordedAt)}`, { token: ani, correlationId: 'restricted-cw-as-of' });
    expect(asOf.body).toMatchObject({ version: 1, fullName: null, nikMasked: null, processingRestricted: true, restrictedOn: '2024-06-01' });
    expect(await readsBy('restricted-cw-as-of')).toEqual([]);
    expect((await search('dibatasi jejak', restricted.body.globalPosition)).body.items).toEqual([]);
    const listed = await http.call('GET', `/v1/entrepreneurs?regionCode=32.16.01.2001&limit=200&minPosition=${restricted.body.globalPosition}`, { token: ani });
    expect(listed.body.items.find((i: { id: string }) => i.id === rina.id)).toBeUndefined();
    const inKecamatan = await http.call('GET', `/v1/entrepreneurs?regionCode=32.16.01&limit=200&minPosition=${restricted.body.globalPosition}`, { token: ani });
    expect(inKecamatan.body.items.find((i: { id: string }) => i.id === rina.id)).toMatchObject({ fullName: null, regionCode: null, processingRestricted: true, personalDataErased: false });

    // the supervisor and the auditor: everything, and the read is in the trail
    const shownToSupervisor = await caseOf(rina.id, supervisor, 'restricted-spv-read');
    expect(shownToSupervisor.body).toMatchObject({ fullName: 'Rina Dibatasi Jejak', phone: '081298765432', processingRestricted: true, restrictedOn: '2024-06-01' });
    expect(await readsBy('restricted-spv-read')).toEqual([{ subject: rina.id, purpose: 'case.read' }]);
    expect((await caseOf(rina.id, auditor)).body.fullName).toBe('Rina Dibatasi Jejak');
    expect((await search('dibatasi jejak', restricted.body.globalPosition, supervisor)).body.items).toMatchObject([{ id: rina.id, fullName: 'Rina Dibatasi Jejak' }]);
    const trail = await http.call('GET', `/v1/entrepreneurs/${rina.id}/processing-trail`, { token: auditor });
    expect(trail.body.items.find((i: { correlationId: string }) => i.correlationId === 'restricted-spv-read'))
      .toMatchObject({ kind: 'read', purpose: 'case.read', actor: { id: 'spv-1', role: 'supervisor' } });

    // new facts are refused, in Indonesian by default, naming since when
    const visit = await http.call('POST', `/v1/entrepreneurs/${rina.id}/monitoring-visits`, {
      token: ani, ifMatch: 6, body: { visitedOn: '2024-06-05', businessActive: true, workersTotal: 3, revenueTrend: 'flat' },
    });
    expect(visit.status).toBe(409);
    expect(visit.body).toMatchObject({
      code: 'ENTREPRENEUR.PROCESSING_RESTRICTED',
      detail: 'Pemrosesan data pribadi wirausaha ini dibatasi sejak 2024-06-01; kasus ini tidak dapat menerima catatan baru sampai pembatasan dicabut',
    });
    expect((await http.call('PUT', `/v1/entrepreneurs/${rina.id}/caseworker`, { token: supervisor, ifMatch: 6, body: { caseworkerId: 'cw-ani' } })).body.code)
      .toBe('ENTREPRENEUR.PROCESSING_RESTRICTED');

    // the automated decision leaves the person out, for everyone
    expect(await eligibleIds(restricted.body.globalPosition)).not.toContain(rina.id);
    expect(await eligibleIds(restricted.body.globalPosition, supervisor)).not.toContain(rina.id);

    // a repeated request took effect already
    const again = await http.call('POST', `/v1/entrepreneurs/${rina.id}/restriction`, { token: ani, ifMatch: 6, body: { reason: 'permintaan ulang' } });
    expect(again.body).toMatchObject({ version: 6 });

    const lifted = await http.call('POST', `/v1/entrepreneurs/${rina.id}/restriction/lift`, { token: supervisor, ifMatch: 6, body: { reason: 'data sudah diverifikasi', liftedOn: '2024-06-10' } });
    expect(lifted.status).toBe(200);
    expect(lifted.body.version).toBe(7);
    expect((await caseOf(rina.id, ani)).body).toMatchObject({ fullName: 'Rina Dibatasi Jejak', processingRestricted: false, restrictedOn: null });
    expect((await search('dibatasi jejak', lifted.body.globalPosition)).body.items).toMatchObject([{ id: rina.id, fullName: 'Rina Dibatasi Jejak', processingRestricted: false }]);
    expect(await eligibleIds(lifted.body.globalPosition)).toContain(rina.id);
    const visitAfter = await http.call('POST', `/v1/entrepreneurs/${rina.id}/monitoring-visits`, {
      token: ani, ifMatch: 7, body: { visitedOn: '2024-06-12', businessActive: true, workersTotal: 3, revenueTrend: 'flat' },
    });
    expect(visitAfter.status).toBe(200);
  });

  it('hides a restricted member’s name in a group from the caseworker, not from the supervisor, and refuses them as a new member', async () => {
    const member = await http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration({ fullName: 'Tuti Anggota Dibatasi' }) });
    const newcomer = await http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration({ fullName: 'Wati Calon Anggota' }) });
    const formed = await http.call('POST', '/v1/groups', { token: ani, body: { name: 'Kelompok Batas', regionCode: '32.16.01', businessType: 'kue', formedOn: '2024-03-01' } });
    const joined = await http.call('POST', `/v1/groups/${formed.body.id}/members`, { token: ani, ifMatch: 1, body: { entrepreneurId: member.body.id, joinedOn: '2024-03-05' } });
    expect(joined.status).toBe(200);
    for (const id of [member.body.id, newcomer.body.id])
      expect((await http.call('POST', `/v1/entrepreneurs/${id}/restriction`, { token: ani, ifMatch: 1, body: { reason: 'keberatan' } })).status).toBe(200);

    const toAni = await http.call('GET', `/v1/groups/${formed.body.id}`, { token: ani, correlationId: 'restricted-group-cw' });
    expect(toAni.body.members).toEqual([expect.objectContaining({ entrepreneurId: member.body.id, fullName: null, processingRestricted: true, personalDataErased: false })]);
    expect(await readsBy('restricted-group-cw')).toEqual([]);
    const toSupervisor = await http.call('GET', `/v1/groups/${formed.body.id}`, { token: supervisor, correlationId: 'restricted-group-spv' });
    expect(toSupervisor.body.members).toEqual([expect.objectContaining({ fullName: 'Tuti Anggota Dibatasi', processingRestricted: true })]);
    expect(await readsBy('restricted-group-spv')).toEqual([{ subject: member.body.id, purpose: 'group.read' }]);

    const refused = await http.call('POST', `/v1/groups/${formed.body.id}/members`, { token: ani, ifMatch: 2, body: { entrepreneurId: newcomer.body.id, joinedOn: '2024-03-06' } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ENTREPRENEUR.PROCESSING_RESTRICTED');
  });

  it('keeps erasure open while restricted, and refuses to restrict an erased case', async () => {
    const created = await http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration() });
    const id = created.body.id;
    expect((await http.call('POST', `/v1/entrepreneurs/${id}/restriction`, { token: ani, ifMatch: 1, body: { reason: 'keberatan' } })).status).toBe(200);
    expect((await http.call('POST', `/v1/entrepreneurs/${id}/erasure`, { token: ani, ifMatch: 2, body: { reason: 'permintaan subjek data' } })).status).toBe(200);
    expect((await caseOf(id, supervisor)).body).toMatchObject({ personalDataErased: true, fullName: null });
    for (const path of ['restriction', 'restriction/lift'])
      expect(await http.call('POST', `/v1/entrepreneurs/${id}/${path}`, { token: ani, ifMatch: 3, body: { reason: 'keberatan' } })).toMatchObject({ status: 409, body: { code: 'ENTREPRENEUR.ERASED' } });
  });

  it('answers 403 to a role or an area outside the token, 428 without If-Match and 412 with a stale one', async () => {
    const created = await http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration() });
    const id = created.body.id;
    const body = { reason: 'keberatan' };
    const before = await http.eventCount();
    for (const path of ['restriction', 'restriction/lift']) {
      const url = `/v1/entrepreneurs/${id}/${path}`;
      expect((await http.call('POST', url, { token: auditor, ifMatch: 1, body })).status).toBe(403);
      expect((await http.call('POST', url, { token: babelan, ifMatch: 1, body })).status).toBe(403);
      expect((await http.call('POST', url, { token: ani, body })).status).toBe(428);
      expect((await http.call('POST', url, { token: ani, ifMatch: 0, body })).status).toBe(412);
      expect((await http.call('POST', url, { token: ani, ifMatch: 1, body: {} })).status).toBe(422);
    }
    expect(await http.eventCount()).toBe(before);
  });
});
