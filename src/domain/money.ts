/** How amounts read in tables: French grouping with a plain space, so columns line up in any terminal. */

/** `1500000` → `1 500 000 €`. */
export function formatEuros(euros: number): string {
  return `${groupDigits(Math.round(euros))} €`;
}

/** Signed change, `+40 000 €` or `−12 000 €` (a real minus sign). */
export function formatEuroChange(euros: number): string {
  const rounded = Math.round(euros);
  if (rounded === 0) return '0 €';
  return `${rounded > 0 ? '+' : '−'}${groupDigits(Math.abs(rounded))} €`;
}

/** `1234567` → `1 234 567`. */
export function groupDigits(value: number): string {
  const negative = value < 0;
  const digits = String(Math.abs(Math.trunc(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return negative ? `-${grouped}` : grouped;
}

/** `0.4567` → `45.7 %` with `decimals` digits. */
export function formatPercent(fraction: number, decimals = 1): string {
  return `${(fraction * 100).toFixed(decimals)} %`;
}
