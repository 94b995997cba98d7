import { prepared } from './prepared';

describe('prepared statements', () => {
  it('names a text the same every time, and another text otherwise, as pg requires', () => {
    const a = prepared('SELECT 1 FROM t WHERE id = $1', [1]);
    expect(a).toEqual({ name: expect.stringMatching(/^jejak_[0-9a-f]{20}$/), text: 'SELECT 1 FROM t WHERE id = $1', values: [1] });
    expect(prepared('SELECT 1 FROM t WHERE id = $1', [2]).name).toBe(a.name);
    expect(prepared('SELECT 1 FROM "rebuild_x".t WHERE id = $1', [1]).name).not.toBe(a.name);
  });
});
