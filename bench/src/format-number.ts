/**
 * A figure as the table prints it: three significant digits below 1,000 (`0.0123`, `4.56`,
 * `78.9`, `123`), whole numbers with thousands separators from 1,000 on (`2,213`).
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size >= 1000) return Math.round(value).toLocaleString('en-US');
  if (size === 0) return '0';
  return Number(value.toPrecision(3)).toString();
}
