import type { Projection } from '@jejak/projections';
import { vaultPersonalDataReader } from '../shared/vault-personal-data.reader';
import { aPerson } from '../testing/journey-events.fixture';
import { ProjectionHarness } from '../testing/projection-harness';
import { caseloadProjection } from './caseload.projection';

describe('caseload projection', () => {
  let h: ProjectionHarness;
  let caseload: Projection;

  beforeAll(async () => {
    caseload = caseloadProjection({ reveal: async (e) => [...e] });
    h = await ProjectionHarness.start('caseload', [caseload]);
    caseload = caseloadProjection(vaultPersonalDataReader(h.vault));
  });
  afterAll(() => h.close());

  const rowOf = async (id: string) => (await h.pool.query(`SELECT *, registered_on::text AS registered_on, next_follow_up_on::text AS next_follow_up_on FROM caseload WHERE entrepreneur_id = $1`, [id])).rows[0];
  const projectFrom = async (after: number) => {
    const events = await h.events(after);
    await h.project([caseload], events);
    return events.at(-1)?.globalPosition ?? after;
  };

  it('shows a registered entrepreneur with the decrypted name, the village and the stage registered', async () => {
    const siti = aPerson();
    await h.append(siti.stream, [siti.registered()]);
    await projectFrom(0);
    expect(await rowOf(siti.id)).toMatchObject({
      full_name: 'Siti Aminah', name_search: 'siti aminah', region_code: '32.16.01.2001', kecamatan_code: '32.16.01',
      stage: 'registered', registered_on: '2024-01-10', next_follow_up_on: null, version: 1, erased: false,
    });
  });

  it('follows the journey: the first visit falls due 3 months after the grant, the next 6 months after the latest visit', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.trained(), p.granted({ receivedOn: '2024-03-31' })]);
    await projectFrom(start);
    expect(await rowOf(p.id)).toMatchObject({ stage: 'funded', programme: 'TKM_PEMULA', next_follow_up_on: '2024-06-30', version: 3 });
    await h.append(p.stream, [p.monitored('2024-07-02'), p.assigned('cw-ani')]);
    await projectFrom(start);
    expect(await rowOf(p.id)).toMatchObject({ stage: 'monitored', next_follow_up_on: '2025-01-02', caseworker_id: 'cw-ani', version: 5 });
  });

  it('closes a withdrawn case: no follow-up, and later milestones do not reopen it', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.trained(), p.granted(), p.withdrawn('2024-04-01'), p.graduated()]);
    await projectFrom(start);
    expect(await rowOf(p.id)).toMatchObject({ stage: 'withdrawn', next_follow_up_on: null });
  });

  it('changes nothing when the same events are delivered twice', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.trained(), p.granted(), p.monitored('2024-06-01')]);
    const events = await h.events(start);
    await h.project([caseload], events);
    const once = await rowOf(p.id);
    await h.project([caseload], events);
    await h.project([caseload], events.slice(1, 3));
    expect(await rowOf(p.id)).toEqual(once);
  });

  it('marks a restricted case and keeps its name and village stored; the lift clears the mark', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.restricted()]);
    await projectFrom(start);
    expect(await rowOf(p.id)).toMatchObject({ full_name: 'Siti Aminah', region_code: '32.16.01.2001', restricted: true, erased: false, version: 2 });
    await h.append(p.stream, [p.restrictionLifted()]);
    await projectFrom(start);
    expect(await rowOf(p.id)).toMatchObject({ full_name: 'Siti Aminah', restricted: false, version: 3 });
  });

  it('changes nothing when the restriction and its lift are delivered twice', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.restricted()]);
    const restricted = await h.events(start);
    await h.project([caseload], restricted);
    const once = await rowOf(p.id);
    await h.project([caseload], [...restricted, ...restricted.slice(-1)]);
    expect(await rowOf(p.id)).toEqual(once);
    await h.append(p.stream, [p.restrictionLifted()]);
    const all = await h.events(start);
    await h.project([caseload], all);
    const lifted = await rowOf(p.id);
    // a late re-delivery of the restriction must not restrict the case again
    await h.project([caseload], [...all.slice(-2), ...all.slice(-1)]);
    expect(await rowOf(p.id)).toEqual(lifted);
  });

  it('takes a corrected name, and drops name and village on erasure while stage and kecamatan stay', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.corrected({ fullName: 'Siti Aminah Lubis' })]);
    await projectFrom(start);
    expect(await rowOf(p.id)).toMatchObject({ full_name: 'Siti Aminah Lubis', name_search: 'siti aminah lubis' });

    await h.vault.erase(p.id);
    await h.append(p.stream, [p.erased()]);
    await projectFrom(start);
    expect(await rowOf(p.id)).toMatchObject({
      full_name: null, name_search: null, region_code: null, region_path: '32.16.01', kecamatan_code: '32.16.01', stage: 'registered', erased: true,
    });
  });

  it('rebuilt after an erasure, never shows the erased name again', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered({ fullName: 'Dewi Lestari' })]);
    await h.vault.erase(p.id);
    await h.append(p.stream, [p.erased()]);
    const events = await h.events(start);
    // replaying only the Registered event: the key is already gone, so the name cannot come back even before the erasure event
    await h.project([caseload], events.slice(0, 1));
    expect(await rowOf(p.id)).toMatchObject({ full_name: null, region_code: null, kecamatan_code: '32.16.01' });
  });
});
