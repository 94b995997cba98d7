import { runFor } from '../../bench/bench-kit';

describe('runFor', () => {
  it('counts every step of every concurrent writer', async () => {
    let done = 0;
    const timed = await runFor(0.2, 8, async (w) => {
      await new Promise((r) => setTimeout(r, 1 + (w % 3)));
      done++;
      return 2;
    });
    expect(done).toBeGreaterThan(16);
    expect(timed.events).toBe(done * 2);
  });
});
