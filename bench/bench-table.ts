/**
 * The one table `npm run bench` prints: each figure beside the baseline measured in the same run,
 * the ratio, and the target with pass/miss. Pure formatting, so it has a jest test
 * (test/bench/bench-table.spec.ts); the benchmarks themselves are never timed in jest.
 */

/** A target on the figure itself (`value`) or on figure / baseline (`ratio`). */
export interface Target {
  on: 'value' | 'ratio';
  op: '>=' | '<';
  bound: number;
}

export interface ResultRow {
  /** e.g. `event store`, `HTTP commands`, `queries at 100k` */
  section: string;
  name: string;
  value: number;
  unit: string;
  /** what the baseline is, e.g. `raw SQL`, `GET /health`; null when the figure has none */
  baselineName: string | null;
  baseline: number | null;
  target?: Target;
  /** one line of context (e.g. errors seen, what bounds a miss) */
  note?: string;
}

export type Verdict = 'pass' | 'miss' | '';

export function ratioOf(row: Pick<ResultRow, 'value' | 'baseline'>): number | null {
  if (row.baseline === null || row.baseline === 0 || !Number.isFinite(row.baseline)) return null;
  return row.value / row.baseline;
}

export function verdictOf(row: ResultRow): Verdict {
  const t = row.target;
  if (!t) return '';
  const measured = t.on === 'value' ? row.value : ratioOf(row);
  if (measured === null || !Number.isFinite(measured)) return 'miss';
  return (t.op === '>=' ? measured >= t.bound : measured < t.bound) ? 'pass' : 'miss';
}

export function describeTarget(row: ResultRow): string {
  const t = row.target;
  if (!t) return '';
  return t.on === 'value' ? `${t.op} ${t.bound.toLocaleString('en-US')} ${row.unit}` : `ratio ${t.op} ${t.bound}`;
}

/** Large figures without decimals, small ones with enough digits to be read (latencies in ms). */
export function formatNumber(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '';
  const abs = Math.abs(n);
  if (abs >= 100) return Math.round(n).toLocaleString('en-US');
  if (abs >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

const HEADER = ['section', 'figure', 'value', 'unit', 'baseline', 'baseline value', 'ratio', 'target', 'result'];

function cells(row: ResultRow): string[] {
  const ratio = ratioOf(row);
  const verdict = verdictOf(row);
  return [
    row.section,
    row.name,
    formatNumber(row.value),
    row.unit,
    row.baselineName ?? '',
    formatNumber(row.baseline),
    ratio === null ? '' : ratio.toFixed(2),
    describeTarget(row),
    verdict === '' ? '' : verdict.toUpperCase(),
  ];
}

const NUMERIC = new Set([2, 5, 6]);

/** A fixed-width table for the terminal: text columns left, figures right. */
export function renderTable(rows: readonly ResultRow[]): string {
  const body = rows.map(cells);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cs: string[]) => cs.map((c, i) => (NUMERIC.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

const escapeCell = (s: string) => s.replace(/\|/g, '\\|');

/** The same table in GitHub Markdown, with the run's context above and the notes below. */
export function renderMarkdown(rows: readonly ResultRow[], context: Record<string, string | number>): string {
  const out = ['# Jejak benchmark results', ''];
  for (const [k, v] of Object.entries(context)) out.push(`- ${k}: ${v}`);
  out.push('', `| ${HEADER.join(' | ')} |`, `|${HEADER.map((_, i) => (NUMERIC.has(i) ? '---:' : '---')).join('|')}|`);
  for (const row of rows) out.push(`| ${cells(row).map(escapeCell).join(' | ')} |`);
  const notes = rows.filter((r) => r.note);
  if (notes.length) {
    out.push('', '## Notes', '');
    for (const r of notes) out.push(`- ${r.section}, ${r.name}: ${r.note}`);
  }
  const misses = rows.filter((r) => verdictOf(r) === 'miss');
  out.push('', misses.length ? `**${misses.length} target(s) missed.**` : '**All targets met.**', '');
  return out.join('\n');
}

/** The JSON written to bench/results/latest.json: rows with their ratio and verdict spelled out. */
export function toJson(rows: readonly ResultRow[], context: Record<string, string | number>): string {
  return JSON.stringify({ ...context, rows: rows.map((r) => ({ ...r, ratio: ratioOf(r), result: verdictOf(r) || null })) }, null, 2);
}

/** Nearest-rank percentile of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
