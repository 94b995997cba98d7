import { randomUUID } from 'node:crypto';
import { aRegistration, JourneyHttp, type Answer } from './journey-http.fixture';

describe("a copy of a person's data (UU PDP right of access), against the real app", () => {
  let http: JourneyHttp;
  let ani: string;
  let supervisor: string;
  let supervisorBabelan: string;
  let auditor: string;

  beforeAll(async () => {
    http = await JourneyHttp.start();
    ani = await http.token({ sub: 'cw-ani', role: 'caseworker', kecamatan: ['32.16.01'] });
    supervisor = await http.token({ sub: 'spv-1', role: 'supervisor', kecamatan: ['32.16.01'] });
    supervisorBabelan = await http.token({ sub: 'spv-2', role: 'supervisor', kecamatan: ['32.16.02'] });
    auditor = await http.token({ sub: 'aud-1', role: 'auditor' });
  });
  afterAll(() => http.close());

  const register = async (over: Record<string, unknown> = {}) => {
    const created = await http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration(over), correlationId: `export-register-${randomUUID()}` });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const exportOf = (id: string, token = supervisor, correlationId?: string) => http.call('GET', `/v1/entrepreneurs/${id}/personal-data`, { token, correlationId });
  const problemOf = (answer: Answer) => ({ status: answer.status, code: answer.body?.code });

  it('holds the case, every fact with its personal fields opened, and the whole processing trail, as an attachment', async () => {
    const id = await register({ fullName: 'Wulan Salinan', phone: '081311112222' });
    const trained = await http.call('POST', `/v1/entrepreneurs/${id}/trainings`, {
      token: ani, ifMatch: 1, body: { title: 'Pelatihan Menjahit', provider: 'BLK Bekasi', kind: 'competency', startedOn: '2024-02-01', completedOn: '2024-02-05' },
    });
    expect(trained.status).toBe(200);
    await http.call('GET', `/v1/entrepreneurs/${id}`, { token: ani, correlationId: 'export-case-read' });

    const copy = await exportOf(id, supervisor, 'export-1');
    expect(copy.status).toBe(200);
    expect(copy.headers.get('content-disposition')).toBe(`attachment; filename="jejak-data-pribadi-${id}.json"`);
    expect(copy.body).toMatchObject({
      id,
      kecamatanCode: '32.16.01',
      personalDataErased: false,
      current: { id, version: 2, fullName: 'Wulan Salinan', phone: '081311112222', stage: 'trained' },
    });
    expect(Date.parse(copy.body.generatedAt)).not.toBeNaN();
    expect(copy.body.facts.map((f: { version: number; type: string }) => [f.version, f.type])).toEqual([[1, 'Registered'], [2, 'Trained']]);
    // the facts are the person's data as recorded, opened: what the raw log holds only sealed
    expect(copy.body.facts[0]).toMatchObject({ actor: { id: 'cw-ani', role: 'caseworker' }, data: { fullName: 'Wulan Salinan', phone: '081311112222', nik: expect.stringMatching(/^\d{16}$/) } });
    expect(copy.body.facts[1].data).toMatchObject({ title: 'Pelatihan Menjahit' });
    const raw = await http.call('GET', `/v1/audit/streams/entrepreneur-${id}`, { token: auditor });
    expect(JSON.stringify(raw.body)).not.toContain('Wulan');
    expect(copy.body.processingTrail.map((i: { kind: string; eventType?: string; purpose?: string }) => [i.kind, i.eventType ?? i.purpose])).toEqual([
      ['write', 'Registered'],
      ['write', 'Trained'],
      ['read', 'case.read'],
    ]);

    // handing the copy out is itself a read of the person's data, and the next copy lists it
    const trail = await http.call('GET', `/v1/entrepreneurs/${id}/processing-trail`, { token: auditor });
    expect(trail.body.items.at(-1)).toMatchObject({ kind: 'read', purpose: 'personal_data.export', actor: { id: 'spv-1', role: 'supervisor' }, correlationId: 'export-1' });
    expect((await exportOf(id, auditor)).body.processingTrail.at(-1)).toMatchObject({ purpose: 'personal_data.export', correlationId: 'export-1' });
  });

  it('after erasure holds the facts without the personal fields, and is no read of anyone’s data', async () => {
    const id = await register({ fullName: 'Sari Terhapus Salinan' });
    const erased = await http.call('POST', `/v1/entrepreneurs/${id}/erasure`, { token: ani, body: { reason: 'permintaan subjek data' }, ifMatch: 1 });
    expect(erased.status).toBe(200);
    const copy = await exportOf(id, auditor, 'export-after-erasure');
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({ personalDataErased: true, current: { fullName: null, phone: null } });
    expect(JSON.stringify(copy.body)).not.toContain('Sari');
    expect(copy.body.facts.map((f: { type: string }) => f.type)).toEqual(['Registered', 'PersonalDataErased']);
    expect(copy.body.facts[0].data).toMatchObject({ kecamatanCode: '32.16.01', registeredOn: '2024-01-10' });
    const trail = await http.call('GET', `/v1/entrepreneurs/${id}/processing-trail`, { token: auditor });
    expect(trail.body.items.filter((i: { kind: string }) => i.kind === 'read')).toEqual([]);
  });

  it('is refused to a caseworker and to a supervisor of another kecamatan, and 404 for nobody', async () => {
    const id = await register();
    expect(problemOf(await exportOf(id, ani))).toEqual({ status: 403, code: 'AUTH.ROLE_FORBIDDEN' });
    expect(problemOf(await exportOf(id, supervisorBabelan))).toEqual({ status: 403, code: 'AUTH.KECAMATAN_FORBIDDEN' });
    expect(problemOf(await exportOf(randomUUID(), auditor))).toEqual({ status: 404, code: 'ENTREPRENEUR.NOT_FOUND' });
    const trail = await http.call('GET', `/v1/entrepreneurs/${id}/processing-trail`, { token: auditor });
    expect(trail.body.items.filter((i: { kind: string }) => i.kind === 'read')).toEqual([]);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await http.call('GET', '/docs-json')).body;
    const op = doc.paths['/v1/entrepreneurs/{id}/personal-data'].get;
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '403', '404']));
    expect(doc.components.schemas.PersonalDataExportDto.properties).toHaveProperty('processingTrail');
    expect(doc.components.schemas.TrailReadDto.properties.purpose.enum).toContain('personal_data.export');
  });
});
