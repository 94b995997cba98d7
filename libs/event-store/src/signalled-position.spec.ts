import { SignalledPosition } from './signalled-position';

describe('SignalledPosition', () => {
  it('keeps the newest position named, and says whether a reader is still short of it', () => {
    const s = new SignalledPosition(60_000);
    expect(s.ahead(0)).toBe(false); // nothing signalled
    s.note(2_000_003);
    s.note(1_000_001); // older news does not move it back
    s.note(undefined); // a signal without a position
    expect(s.ahead(1_000_001)).toBe(true);
    expect(s.ahead(2_000_003)).toBe(false);
    expect(s.ahead(3_000_001)).toBe(false);
  });

  it('leaves a position that stays out of reach to the poll once its time is up', async () => {
    const s = new SignalledPosition(30);
    s.note(10);
    await new Promise((r) => setTimeout(r, 60));
    expect(s.ahead(0)).toBe(false);
    s.note(11); // a new signal starts the time again
    expect(s.ahead(0)).toBe(true);
  });
});
