import { aRegistration, JourneyHttp } from './journey-http.fixture';

/**
 * An agency that asks for three monitoring visits and two workers besides the owner: the
 * eligibility list and the graduation command read the same JEJAK_LANJUTAN_* settings, so a case
 * is listed exactly when the command would graduate it.
 */
describe('a graduation policy other than the default, against the real app', () => {
  const policy = { JEJAK_LANJUTAN_MIN_VISITS: '3', JEJAK_LANJUTAN_MIN_WORKERS_TOTAL: '3' };
  let http: JourneyHttp;
  let ani: string;
  beforeAll(async () => {
    // the app's environment, read by the command side and the read side alike (not this process's)
    http = await JourneyHttp.start(policy);
    ani = await http.token({ sub: 'cw-ani', role: 'caseworker', kecamatan: ['32.16.01'] });
  });
  afterAll(async () => {
    await http?.close();
  });

  const training = { title: 'Pelatihan Tata Boga', provider: 'BLK Bekasi', kind: 'competency', startedOn: '2024-01-15', completedOn: '2024-01-20' };
  const grant = { programme: 'TKM_PEMULA', amount: 20_000_000, form: 'equipment', receivedOn: '2024-02-01', fundingSource: 'APBN' };
  const visit = (visitedOn: string, workersTotal: number) => ({ visitedOn, businessActive: true, workersTotal, revenueTrend: 'up_to_target' });

  /** a funded case with one visit per entry of `workers` (the workers found at it), monthly from March */
  async function aCase(workers: number[]): Promise<{ id: string; etag: string; position: number }> {
    const created = await http.call('POST', '/v1/entrepreneurs', { token: ani, body: aRegistration() });
    let etag: string = created.headers.get('etag')!;
    let position: number = created.body.globalPosition;
    const visits = workers.map((w, i) => ['monitoring-visits', visit(`2024-${String(3 + i).padStart(2, '0')}-01`, w)] as const);
    for (const [path, body] of [['trainings', training], ['grants', grant], ...visits] as const) {
      const answer = await http.call('POST', `/v1/entrepreneurs/${created.body.id}/${path}`, { token: ani, body, ifMatch: etag });
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
      etag = answer.headers.get('etag')!;
      position = answer.body.globalPosition;
    }
    return { id: created.body.id, etag, position };
  }

  it('lists a case only when the configured rule holds, and the graduation command accepts exactly the listed cases', async () => {
    // each of the first two meets the default rule (two visits, one worker besides the owner) but not this one
    const cases = {
      twoVisits: await aCase([3, 3]),
      oneWorkerBesidesTheOwner: await aCase([3, 3, 2]),
      threeVisitsTwoWorkers: await aCase([3, 3, 3]),
    };
    const head = Math.max(...Object.values(cases).map((c) => c.position));

    const list = await http.call('GET', `/v1/reports/lanjutan-eligibility?minPosition=${head}&limit=100`, { token: ani });
    expect(list.status).toBe(200);
    const listed = new Set<string>(list.body.items.map((i: { id: string }) => i.id));
    const verdicts = Object.fromEntries(Object.entries(cases).map(([name, c]) => [name, listed.has(c.id)]));
    expect(verdicts).toEqual({ twoVisits: false, oneWorkerBesidesTheOwner: false, threeVisitsTwoWorkers: true });

    for (const [name, c] of Object.entries(cases)) {
      const graduation = { graduatedOn: '2024-07-01', basis: 'monev 3x, usaha aktif, 2 pekerja' };
      const answer = await http.call('POST', `/v1/entrepreneurs/${c.id}/graduation`, { token: ani, body: graduation, ifMatch: c.etag });
      expect({ name, accepted: answer.status === 200 }).toEqual({ name, accepted: verdicts[name] });
      if (!verdicts[name]) expect(answer.body.code).toBe('JOURNEY.NOT_ELIGIBLE_FOR_LANJUTAN');
    }
  });
});
