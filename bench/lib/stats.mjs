// Medians, spreads and the formats of the benchmark's table.

/** {median, min, max, n} of the finite numbers in `xs`, or null when there are none. */
export function stat(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return { median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, min: s[0], max: s[s.length - 1], n: s.length };
}

/** The median of `xs`, or null. */
export const median = (xs) => stat(xs)?.median ?? null;

const num = (x) => x.toFixed(Math.abs(x) < 10 ? 1 : 0);

/** `412 ms`, or from a stat of several runs `412 ms (380–455)`. */
export function ms(x) {
  if (x === null || x === undefined) return '—';
  if (typeof x === 'number') return `${num(x)} ms`;
  return x.n > 1 ? `${num(x.median)} ms (${num(x.min)}–${num(x.max)})` : `${num(x.median)} ms`;
}

/** `12.3 MB`, or from a stat of several runs `12.3 MB (11.9–12.8)`. */
export function MB(x) {
  if (x === null || x === undefined) return '—';
  const mb = (b) => (b / 1e6).toFixed(1);
  if (typeof x === 'number') return `${mb(x)} MB`;
  return x.n > 1 ? `${mb(x.median)} MB (${mb(x.min)}–${mb(x.max)})` : `${mb(x.median)} MB`;
}

/** The value of a number or the median of a stat. */
export const mid = (x) => (x === null || x === undefined ? null : typeof x === 'number' ? x : x.median);

/** a / b of numbers or medians, or null. */
export function ratio(a, b) {
  const [x, y] = [mid(a), mid(b)];
  return x === null || y === null || !y ? null : x / y;
}

export const fmtRatio = (r) => (r === null ? '—' : `${r.toFixed(2)}×`);
