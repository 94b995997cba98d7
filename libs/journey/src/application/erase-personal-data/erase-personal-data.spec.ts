import { randomUUID } from 'node:crypto';
import { isErasedData, PersonalDataVault, secretsOf } from '@jejak/personal-data';
import { evolveAll, type EntrepreneurEvent } from '../../domain';
import { RecordGrantCommand } from '../record-grant/record-grant.command';
import { RecordGrantHandler } from '../record-grant/record-grant.handler';
import { RecordMonitoringVisitCommand } from '../record-monitoring-visit/record-monitoring-visit.command';
import { RecordMonitoringVisitHandler } from '../record-monitoring-visit/record-monitoring-visit.handler';
import { RecordTrainingCommand } from '../record-training/record-training.command';
import { RecordTrainingHandler } from '../record-training/record-training.handler';
import { RegisterEntrepreneurCommand } from '../register-entrepreneur/register-entrepreneur.command';
import { RegisterEntrepreneurHandler } from '../register-entrepreneur/register-entrepreneur.handler';
import { WithdrawCommand } from '../withdraw/withdraw.command';
import { WithdrawHandler } from '../withdraw/withdraw.handler';
import { meta, person, startWriteSide, type WriteSide } from '../testing/write-side.fixture';
import { ErasePersonalDataCommand } from './erase-personal-data.command';
import { ErasePersonalDataHandler } from './erase-personal-data.handler';

describe('erasing a person’s data (crypto-shredding)', () => {
  let w: WriteSide;
  beforeAll(async () => {
    w = await startWriteSide();
  });
  afterAll(() => w.close());

  async function fundedCaseWithAVisit() {
    const id = randomUUID();
    const p = person({ fullName: 'Yuliana Sari', phone: '081377788899' });
    await new RegisterEntrepreneurHandler(w.runner, w.nik).execute(new RegisterEntrepreneurCommand(id, p, meta()));
    await new RecordTrainingHandler(w.runner).execute(
      new RecordTrainingCommand(id, { title: 'Pelatihan MUA', provider: 'MTU Disnaker', kind: 'competency', startedOn: '2024-02-01', completedOn: '2024-02-03', certificateNumber: 'SERT-YS-0091' }, meta({ expectedVersion: 1 })),
    );
    await new RecordGrantHandler(w.runner, w.nik, w.store).execute(
      new RecordGrantCommand(id, { programme: 'TKM_PEMULA', amount: 20_000_000, form: 'equipment', receivedOn: '2024-03-01', fundingSource: 'APBN', decreeNumber: 'KEP.12/2024' }, meta({ expectedVersion: 2 })),
    );
    await new RecordMonitoringVisitHandler(w.runner).execute(
      new RecordMonitoringVisitCommand(id, { visitedOn: '2024-04-01', businessActive: true, workersTotal: 2, revenueTrend: 'flat', monthlyRevenue: 3_750_000, nib: '9120301234567', notes: 'Ibu Yuliana minta bantuan kemasan' }, meta({ expectedVersion: 3 })),
    );
    return { id, p };
  }

  const erase = (id: string, expectedVersion: number) =>
    new ErasePersonalDataHandler(w.runner, w.vault).execute(new ErasePersonalDataCommand(id, { reason: 'permintaan subjek data', requestReference: 'PDP-2024-17' }, meta({ expectedVersion })));

  async function rawEvents(id: string): Promise<{ type: string; data: string; metadata: string }[]> {
    const { rows } = await w.pool.query(`SELECT event_type AS type, data::text AS data, metadata::text AS metadata FROM events WHERE stream_id = $1 ORDER BY stream_version`, [`entrepreneur-${id}`]);
    return rows;
  }

  it('afterwards the raw events hold no readable personal data, yet counts and amounts are unchanged', async () => {
    const { id, p } = await fundedCaseWithAVisit();
    const secrets = [p.nik, 'Yuliana', p.phone, 'Pisangan', p.birthDate, 'SERT-YS-0091', '3750000', '9120301234567', 'kemasan'];
    const before = await rawEvents(id);

    const result = await erase(id, 4);

    expect(result.version).toBe(5);
    const after = await rawEvents(id);
    expect(after.map((e) => e.type)).toEqual(['Registered', 'Trained', 'GrantReceived', 'Monitored', 'PersonalDataErased']);
    expect(after.slice(0, 4)).toEqual(before); // history itself was never rewritten
    for (const e of after) for (const s of secrets) expect(`${e.data} ${e.metadata}`).not.toContain(s);
    // what even the holder of the master key can still open: only the non-personal facts
    const fresh = await w.vault.keysFor([id]);
    const events = (await w.store.readStream(`entrepreneur-${id}`)).map((e) => ({ type: e.type, data: fresh.open(e.data as object) }) as EntrepreneurEvent);
    expect(events.map((e) => isErasedData(e.data))).toEqual([true, true, false, true, false]); // the grant held nothing personal
    expect(JSON.stringify(events)).not.toMatch(/Yuliana|081377788899|SERT-YS|9120301234567/);
    const state = evolveAll(events);
    expect(state).toMatchObject({ status: 'monitored', personal: { erased: true }, demographics: { sex: 'F', birthYear: 1995, kecamatanCode: '32.16.01' } });
    expect(state.status !== 'unregistered' && state.grants).toEqual([{ programme: 'TKM_PEMULA', amount: 20_000_000, form: 'equipment', receivedOn: '2024-03-01', fundingSource: 'APBN', decreeNumber: 'KEP.12/2024' }]);
    expect(state.status !== 'unregistered' && state.visits).toHaveLength(1);
    const { rows } = await w.pool.query('SELECT wrapped_key FROM personal_data_keys WHERE subject_id = $1', [id]);
    expect(rows[0].wrapped_key).toBeNull();
  });

  it('records who erased, why and on which request, readable for accountability', async () => {
    const { id } = await fundedCaseWithAVisit();
    await erase(id, 4);
    const [erased] = (await w.store.readStream(`entrepreneur-${id}`)).slice(-1);
    expect(erased.data).toEqual({ entrepreneurId: id, reason: 'permintaan subjek data', requestReference: 'PDP-2024-17' });
    expect(erased.metadata).toMatchObject({ actorId: 'cw-ani', actorRole: 'caseworker', reason: 'permintaan subjek data' });
  });

  it('the case is closed to new facts, and a repeated request changes nothing', async () => {
    const { id } = await fundedCaseWithAVisit();
    await erase(id, 4);
    const withdraw = new WithdrawCommand(id, { withdrawnOn: '2024-05-01', reason: 'pindah' }, meta({ expectedVersion: 5 }));
    await expect(new WithdrawHandler(w.runner).execute(withdraw)).rejects.toMatchObject({ code: 'ENTREPRENEUR.ERASED' });
    await expect(erase(id, 5)).resolves.toMatchObject({ version: 5 });
  });

  it('an erasure whose key destruction was interrupted is finished by the next request, even a stale one', async () => {
    const { id } = await fundedCaseWithAVisit();
    const interrupted = new ErasePersonalDataHandler(w.runner, { erase: async () => { throw new Error('connection lost'); } } as unknown as PersonalDataVault);
    await expect(interrupted.execute(new ErasePersonalDataCommand(id, { reason: 'permintaan subjek data' }, meta({ expectedVersion: 4 })))).rejects.toThrow('connection lost');
    expect(await w.vault.isErased(id)).toBe(false);
    await expect(erase(id, 4)).rejects.toMatchObject({ code: 'REQUEST.PRECONDITION_FAILED' });
    expect(await new PersonalDataVault(w.pool, secretsOf(Buffer.alloc(32))).isErased(id)).toBe(true);
  });
});
