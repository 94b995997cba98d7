import { randomUUID } from 'node:crypto';
import { RegisterEntrepreneurCommand } from '../../application/register-entrepreneur/register-entrepreneur.command';
import { RegisterEntrepreneurHandler } from '../../application/register-entrepreneur/register-entrepreneur.handler';
import { meta, person, startWriteSide, type WriteSide } from '../../application/testing/write-side.fixture';
import { GetCaseHandler, GetCaseQuery } from './get-case.query';

describe('the case as folded from its stream', () => {
  let s: WriteSide;
  let id: string;
  beforeAll(async () => {
    s = await startWriteSide();
    id = randomUUID();
    await new RegisterEntrepreneurHandler(s.runner, s.nik).execute(new RegisterEntrepreneurCommand(id, person({ fullName: 'Dewi Lestari' }), meta()));
  });
  afterAll(() => s.close());

  it('admits the reader by the kecamatan, stored in clear, before any key is opened', async () => {
    const handler = new GetCaseHandler(s.store, s.vault);
    const opened = jest.spyOn(s.vault, 'keysFor');
    const seen: string[] = [];
    const refuse = (k: string) => {
      seen.push(k);
      throw new Error('outside the reader’s area');
    };
    await expect(handler.execute(new GetCaseQuery(id, undefined, refuse))).rejects.toThrow('outside the reader’s area');
    expect(seen).toEqual(['32.16.01']);
    expect(opened).not.toHaveBeenCalled();

    const admitted = await handler.execute(new GetCaseQuery(id, undefined, (k) => seen.push(k)));
    expect(admitted).toMatchObject({ fullName: 'Dewi Lestari', kecamatanCode: '32.16.01' });
    expect(opened).toHaveBeenCalledTimes(1);
    opened.mockRestore();
  });
});
