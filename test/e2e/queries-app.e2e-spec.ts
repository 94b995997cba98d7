import { aRegistration, JourneyHttp } from './journey-http.fixture';

describe('reading what was written, against the real app', () => {
  let http: JourneyHttp;
  let ani: string;
  let supervisor: string;
  beforeAll(async () => {
    http = await JourneyHttp.start();
    ani = await http.token({ sub: 'cw-ani', role: 'caseworker', kecamatan: ['32.16.01'] });
    supervisor = await http.token({ sub: 'spv-1', role: 'supervisor' });
  });
  afterAll(() => http.close());

  const training = { title: 'Pelatihan Tata Boga', provider: 'BLK Bekasi', kind: 'competency', startedOn: '2024-01-15', completedOn: '2024-01-20' };
  const grant = { programme: 'TKM_PEMULA', amount: 20_000_000, form: 'equipment', receivedOn: '2024-02-01', fundingSource: 'APBN' };
  const visit = (visitedOn: string, workersTotal = 2) => ({ visitedOn, businessActive: true, workersTotal, revenueTrend: 'up_to_target' });

  it('every write is visible at once with minPosition, and asOf each write gives back the case as it was then', async () => {
    const created = await http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration({ fullName: 'Yuliana Putri' }) });
    const id: string = created.body.id;
    const states: { at: string; body: unknown }[] = [];
    const remember = async () => {
      const now = await http.call('GET', `/v1/entrepreneurs/${id}`, { token: ani });
      const raw = await http.call('GET', `/v1/audit/streams/entrepreneur-${id}`, { token: await http.token({ sub: 'aud', role: 'auditor' }) });
      states.push({ at: raw.body.events.at(-1).recordedAt, body: now.body });
    };
    await remember();
    let etag = created.headers.get('etag')!;
    let position = created.body.globalPosition;
    for (const [path, body] of [['trainings', training], ['grants', grant], ['monitoring-visits', visit('2024-05-01')], ['monitoring-visits', visit('2024-11-01', 3)]] as const) {
      const answer = await http.call('POST', `/v1/entrepreneurs/${id}/${path}`, { token: ani, body, ifMatch: etag });
      expect(answer.status).toBe(200);
      etag = answer.headers.get('etag')!;
      position = answer.body.globalPosition;
      await remember();
      const row = (await http.call('GET', `/v1/entrepreneurs?minPosition=${position}&q=yuliana`, { token: ani })).body.items[0];
      expect(row).toMatchObject({ id, version: Number(etag.replace(/"/g, '')) });
    }
    for (const s of states) {
      const then = await http.call('GET', `/v1/entrepreneurs/${id}?asOf=${encodeURIComponent(s.at)}`, { token: ani });
      const expected = [...states].reverse().find((x) => x.at === s.at)!;
      expect(then.body).toEqual(expected.body);
    }

    const timeline = await http.call('GET', `/v1/entrepreneurs/${id}/timeline?minPosition=${position}`, { token: ani });
    expect(timeline.body.items.map((i: { type: string }) => i.type)).toEqual(['Registered', 'Trained', 'GrantReceived', 'Monitored', 'Monitored']);
    expect(timeline.body.items[0].actor).toEqual({ id: 'cw-ani', role: 'caseworker' });

    const eligible = await http.call('GET', `/v1/reports/lanjutan-eligibility?minPosition=${position}`, { token: ani });
    expect(eligible.body.items.map((i: { id: string }) => i.id)).toContain(id);

    const report = await http.call('GET', `/v1/reports/progression?year=2024&minPosition=${position}`, { token: supervisor });
    expect(report.status).toBe(200);
    expect(report.body.reached.funded).toBeGreaterThanOrEqual(1);
    expect(report.body.survival.find((s: { months: number }) => s.months === 6)).toMatchObject({ active: expect.any(Number) });
  });

  it('drops the name from the caseload when the person is erased', async () => {
    const created = await http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration({ fullName: 'Sri Handayani' }) });
    const erased = await http.call('POST', `/v1/entrepreneurs/${created.body.id}/erasure`, { token: ani, body: { reason: 'permintaan subjek data' }, ifMatch: 1 });
    expect(erased.status).toBe(200);
    const list = await http.call('GET', `/v1/entrepreneurs?minPosition=${erased.body.globalPosition}`, { token: ani });
    expect(list.body.items.find((i: { id: string }) => i.id === created.body.id)).toMatchObject({ fullName: null, personalDataErased: true });
    expect(JSON.stringify(list.body)).not.toContain('Sri Handayani');
  });
});
