import { formatNumber, percentile, ratioOf, renderMarkdown, renderTable, toJson, verdictOf, type ResultRow } from '../../bench/bench-table';

const throughput: ResultRow = {
  section: 'HTTP commands',
  name: 'register, 16 conn: throughput',
  value: 620,
  unit: 'commands/s',
  baselineName: 'GET /health',
  baseline: 3100,
  target: { on: 'value', op: '>=', bound: 500 },
};
const storeRatio: ResultRow = {
  section: 'event store',
  name: '1 event per append, 1 writer',
  value: 800,
  unit: 'events/s',
  baselineName: 'raw SQL',
  baseline: 1000,
  target: { on: 'ratio', op: '>=', bound: 0.85 },
};
const latency: ResultRow = {
  section: 'queries',
  name: 'timeline: p95',
  value: 4.5,
  unit: 'ms',
  baselineName: 'raw SQL',
  baseline: 1.5,
  target: { on: 'value', op: '<', bound: 20 },
  note: 'one kept-alive connection',
};

describe('the benchmark table', () => {
  it('puts each figure beside its baseline as a ratio, and has none without a baseline', () => {
    expect(ratioOf(throughput)).toBeCloseTo(0.2);
    expect(ratioOf({ value: 3, baseline: null })).toBeNull();
    expect(ratioOf({ value: 3, baseline: 0 })).toBeNull();
  });

  it('judges a target on the figure or on the ratio, in the direction the target states', () => {
    expect(verdictOf(throughput)).toBe('pass');
    expect(verdictOf({ ...throughput, value: 499 })).toBe('miss');
    expect(verdictOf(storeRatio)).toBe('miss');
    expect(verdictOf({ ...storeRatio, value: 850 })).toBe('pass');
    expect(verdictOf(latency)).toBe('pass');
    expect(verdictOf({ ...latency, value: 20 })).toBe('miss');
    expect(verdictOf({ ...latency, target: undefined })).toBe('');
  });

  it('counts a figure that could not be measured as a miss', () => {
    expect(verdictOf({ ...latency, value: Number.POSITIVE_INFINITY })).toBe('miss');
    expect(verdictOf({ ...storeRatio, baseline: null })).toBe('miss');
  });

  it('prints one aligned terminal table with the target and the verdict', () => {
    const lines = renderTable([throughput, storeRatio, latency]).split('\n');
    expect(lines).toHaveLength(5);
    expect(new Set(lines.slice(0, 2).map((l) => l.length)).size).toBe(1);
    expect(lines[2]).toMatch(/register, 16 conn: throughput\s+620\s+commands\/s\s+GET \/health\s+3,100\s+0\.20\s+>= 500 commands\/s\s+PASS$/);
    expect(lines[3]).toMatch(/0\.80\s+ratio >= 0\.85\s+MISS$/);
    expect(lines[4]).toMatch(/4\.50\s+ms\s+raw SQL\s+1\.50\s+3\.00\s+< 20 ms\s+PASS$/);
  });

  it('writes Markdown with the run context, the notes and the count of missed targets', () => {
    const md = renderMarkdown([throughput, storeRatio, latency], { mode: 'full', commit: 'abc123' });
    expect(md).toContain('- commit: abc123');
    expect(md).toContain('| HTTP commands | register, 16 conn: throughput | 620 | commands/s | GET /health | 3,100 | 0.20 | >= 500 commands/s | PASS |');
    expect(md).toContain('- queries, timeline: p95: one kept-alive connection');
    expect(md).toContain('**1 target(s) missed.**');
  });

  it('writes JSON rows with their ratio and result spelled out', () => {
    const json = JSON.parse(toJson([storeRatio], { mode: 'quick' })) as { mode: string; rows: Array<{ ratio: number; result: string }> };
    expect(json.mode).toBe('quick');
    expect(json.rows[0]).toMatchObject({ ratio: 0.8, result: 'miss' });
  });

  it('formats large figures without decimals and small ones with two', () => {
    expect(formatNumber(123456.7)).toBe('123,457');
    expect(formatNumber(42.34)).toBe('42.3');
    expect(formatNumber(0.456)).toBe('0.46');
    expect(formatNumber(null)).toBe('');
  });

  it('takes nearest-rank percentiles of unsorted samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile([], 50)).toBeNaN();
  });
});
