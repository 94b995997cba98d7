/**
 * The text PostgreSQL prints for a `jsonb` value (`jsonb::text`), reproduced in TypeScript so a
 * store outside PostgreSQL computes the same canonical event form, hence the same hash chain
 * (docs/adr/0003, 0006). The value is first normalised exactly as the PostgreSQL store sends it
 * (JSON.stringify then parse: dates become strings, undefined members vanish).
 */
export function jsonbText(value: unknown): string {
  const json = JSON.stringify(value);
  return json === undefined ? 'null' : print(JSON.parse(json));
}

function print(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return numericText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(print).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareKeys(a, b));
  return `{${entries.map(([k, x]) => `${quote(k)}: ${print(x)}`).join(', ')}}`;
}

/** jsonb orders object keys by byte length first, then bytewise (lengthCompareJsonbString). */
function compareKeys(a: string, b: string): number {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ba.length - bb.length || Buffer.compare(ba, bb);
}

/** PostgreSQL's escape_json: the five short escapes, other control characters as \u00xx, the rest verbatim. */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * jsonb stores numbers as `numeric`, which prints plain decimals (never an exponent) with exactly
 * the fraction digits of the input. The input is JavaScript's shortest round-trip form, so expanding
 * its exponent reproduces numeric_out: 1e21 -> 1000000000000000000000, 1.5e-7 -> 0.00000015.
 */
export function numericText(n: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) return 'null'; // NaN and Infinity: JSON.stringify already made them null
  const [, sign, int, frac = '', exp = '0'] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + text.replace(/^0+(?=\d)/, '');
}
