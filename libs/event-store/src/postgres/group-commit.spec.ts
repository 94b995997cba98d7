import { GroupCommit, type Queued } from './group-commit';

/** a request that finishes when the test says so */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

/** a group commit whose first request (alone) runs until `release`, so the next ones go to `together` */
function heldFirst(together: (queued: Queued<number, number>[]) => Promise<void>) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const alone = async (n: number) => {
    await held;
    return n;
  };
  return { commit: new GroupCommit<number, number>({ transactions: 1, perTransaction: 8, patienceMs: 60_000 }, alone, together), release };
}

describe('GroupCommit: requests made while others run share the next transaction', () => {
  function recorder(limits = { transactions: 1, perTransaction: 32, patienceMs: 60_000 }) {
    const alone: number[] = [];
    const together: number[][] = [];
    const gates: ReturnType<typeof gate>[] = [];
    const commit = new GroupCommit<number, string>(
      limits,
      async (n) => {
        alone.push(n);
        const g = gate();
        gates.push(g);
        await g.opened;
        return `alone ${n}`;
      },
      async (queued: Queued<number, string>[]) => {
        together.push(queued.map((q) => q.request));
        const g = gate();
        gates.push(g);
        await g.opened;
        for (const q of queued) q.resolve(`together ${q.request}`);
      },
    );
    return { commit, alone, together, gates };
  }

  it('runs a request at once, alone, while nothing else runs', async () => {
    const { commit, alone, together, gates } = recorder();
    const result = commit.submit(1);
    await flush();
    expect(alone).toEqual([1]);
    gates[0].open();
    await expect(result).resolves.toBe('alone 1');
    expect(together).toEqual([]);
  });

  it('puts the requests that waited into one transaction, in the order they came, when the running one ends', async () => {
    const { commit, alone, together, gates } = recorder();
    const first = commit.submit(1);
    const waiting = [2, 3, 4].map((n) => commit.submit(n));
    await flush();
    expect(together).toEqual([]);
    gates[0].open();
    await first;
    await flush();
    expect(together).toEqual([[2, 3, 4]]);
    gates[1].open();
    await expect(Promise.all(waiting)).resolves.toEqual(['together 2', 'together 3', 'together 4']);
    expect(alone).toEqual([1]);
  });

  it('runs up to `transactions` at once and takes at most `perTransaction` requests into one', async () => {
    const { commit, alone, together, gates } = recorder({ transactions: 2, perTransaction: 2, patienceMs: 60_000 });
    const all = [1, 2, 3, 4, 5, 6].map((n) => commit.submit(n));
    await flush();
    // the first two run at once, alone: nothing waited before them
    expect(alone).toEqual([1, 2]);
    gates[0].open();
    await all[0];
    await flush();
    expect(together).toEqual([[3, 4]]);
    gates[1].open();
    await all[1];
    await flush();
    expect(together).toEqual([[3, 4], [5, 6]]);
    gates[2].open();
    gates[3].open();
    await expect(Promise.all(all)).resolves.toEqual(['alone 1', 'alone 2', 'together 3', 'together 4', 'together 5', 'together 6']);
  });

  it('does not hold the requests behind a transaction that has run out of patience (a lock wait, say)', async () => {
    const { commit, alone, together, gates } = recorder({ transactions: 1, perTransaction: 32, patienceMs: 30 });
    const stuck = commit.submit(1);
    const behind = [commit.submit(2), commit.submit(3)];
    await flush();
    expect(together).toEqual([]);
    // the first is still running: the two behind it go into a transaction beside it
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(together).toEqual([[2, 3]]);
    gates[1].open();
    await expect(Promise.all(behind)).resolves.toEqual(['together 2', 'together 3']);
    // the stuck one no longer counts: the next request runs at once, alone
    const next = commit.submit(4);
    await flush();
    expect(alone).toEqual([1, 4]);
    gates[2].open();
    gates[0].open();
    await expect(Promise.all([stuck, next])).resolves.toEqual(['alone 1', 'alone 4']);
    // the stuck one, finished, does not give its place back a second time: still one at a time
    const [fifth, sixth] = [commit.submit(5), commit.submit(6)];
    await flush();
    expect(alone).toEqual([1, 4, 5]);
    expect(together).toEqual([[2, 3]]);
    gates[3].open();
    await fifth;
    await flush();
    expect(alone).toEqual([1, 4, 5, 6]);
    gates[4].open();
    await expect(sixth).resolves.toBe('alone 6');
  });

  it('rejects a request whose run throws at once, instead of leaving its caller waiting', async () => {
    const commit = new GroupCommit<number, number>(
      { transactions: 1, perTransaction: 8, patienceMs: 60_000 },
      (n) => {
        if (n === 1) throw new TypeError('refused at once');
        return Promise.resolve(n);
      },
      () => {
        throw new TypeError('refused at once, together');
      },
    );
    await expect(commit.submit(1)).rejects.toThrow('refused at once');
    await flush(); // its place is given back
    await expect(Promise.all([commit.submit(2), commit.submit(3), commit.submit(4)].map((p) => p.catch((e: Error) => e.message)))).resolves.toEqual([
      2,
      'refused at once, together',
      'refused at once, together',
    ]);
  });

  it('rejects the requests a failed transaction left unsettled, and keeps the results it gave', async () => {
    const { commit, release } = heldFirst(async (queued) => {
      queued[0].resolve(20);
      throw new Error('connection lost');
    });
    const first = commit.submit(1);
    const two = commit.submit(2);
    const three = commit.submit(3);
    release();
    await expect(first).resolves.toBe(1);
    await expect(two).resolves.toBe(20);
    await expect(three).rejects.toThrow('connection lost');
  });

  it('rejects a request the transaction never settled instead of leaving its caller waiting', async () => {
    const { commit, release } = heldFirst(async (queued) => queued[1].resolve(3));
    const waiting = [commit.submit(1), commit.submit(2), commit.submit(3)];
    release();
    await expect(waiting[2]).resolves.toBe(3);
    await expect(waiting[1]).rejects.toThrow('settled no result');
  });

  it('refuses limits under one', () => {
    const run = async () => 0;
    expect(() => new GroupCommit({ transactions: 0, perTransaction: 4, patienceMs: 50 }, run, async () => undefined)).toThrow(RangeError);
    expect(() => new GroupCommit({ transactions: 2, perTransaction: 0, patienceMs: 50 }, run, async () => undefined)).toThrow(RangeError);
    expect(() => new GroupCommit({ transactions: 2, perTransaction: 4, patienceMs: 0 }, run, async () => undefined)).toThrow(RangeError);
  });
});
