import type { Pool } from 'pg';
import { vaultPersonalDataReader } from '../shared/vault-personal-data.reader';
import { aPerson } from '../testing/journey-events.fixture';
import { ProjectionHarness } from '../testing/projection-harness';
import { caseloadProjection } from './caseload.projection';
import { ListCaseloadHandler, ListCaseloadQuery, type CaseloadFilter } from './caseload.query';

describe('the caseload list of a person whose processing is restricted', () => {
  let h: ProjectionHarness;
  const rina = aPerson();
  const dewi = aPerson();

  beforeAll(async () => {
    h = await ProjectionHarness.start('caseload_query', [caseloadProjection({ reveal: async (e) => [...e] })]);
    await h.append(rina.stream, [rina.registered({ fullName: 'Rina Dibatasi' }), rina.restricted()]);
    await h.append(dewi.stream, [dewi.registered({ fullName: 'Dewi Bebas' })]);
    await h.project([caseloadProjection(vaultPersonalDataReader(h.vault))], await h.events());
  });
  afterAll(() => h.close());

  const list = async (filter: Partial<CaseloadFilter>, pool: Pick<Pool, 'query'> = h.pool) =>
    (await new ListCaseloadHandler(pool as Pool).execute(new ListCaseloadQuery({ limit: 50, ...filter }))).items;
  const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

  it('shows the row without name or village to a reader who may not see restricted data', async () => {
    expect((await list({ hideRestricted: true })).find((i) => i.id === rina.id)).toMatchObject({
      fullName: null, regionCode: null, kecamatanCode: '32.16.01', processingRestricted: true, personalDataErased: false,
    });
    expect((await list({ hideRestricted: true })).find((i) => i.id === dewi.id)).toMatchObject({ fullName: 'Dewi Bebas', processingRestricted: false });
  });

  it('is not found by a name or a village by such a reader, but by its kecamatan', async () => {
    expect(await list({ q: 'dibatasi', hideRestricted: true })).toEqual([]);
    expect(ids(await list({ regionCode: '32.16.01.2001', hideRestricted: true }))).toEqual([dewi.id]);
    expect(ids(await list({ regionCode: '32.16.01', hideRestricted: true }))).toEqual(ids([rina, dewi]));
  });

  it('shows everything to a reader who may', async () => {
    expect(await list({ q: 'dibatasi' })).toMatchObject([{ id: rina.id, fullName: 'Rina Dibatasi', regionCode: '32.16.01.2001', processingRestricted: true }]);
    expect(ids(await list({ regionCode: '32.16.01.2001' }))).toEqual(ids([rina, dewi]));
  });

  it('still answers from a table of the previous version while the new one is rebuilt: the column the engine adds to it is empty', async () => {
    const client = await h.pool.connect();
    try {
      await client.query('BEGIN');
      // the table as the previous version made it, then as the engine leaves it at the upgrade (projection-tables.ts)
      await client.query('ALTER TABLE caseload DROP COLUMN restricted');
      await client.query('ALTER TABLE caseload ADD COLUMN restricted boolean');
      const items = await list({ q: 'dibatasi', regionCode: '32.16.01', hideRestricted: true }, client);
      expect(items).toMatchObject([{ id: rina.id, fullName: 'Rina Dibatasi', processingRestricted: false }]);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
