import { AppError } from './errors.js';

/**
 * CSV as Finnish spreadsheets read it: semicolons, a decimal comma, CRLF line ends and a byte
 * order mark, so that Excel shows ä and ö right.
 */
export function toCsv(header: string[], rows: string[][]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.join(';')).join('\r\n') + '\r\n';
}

export const csvText = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A number with a decimal comma, rounded to at most two decimals; empty for none. */
export function csvNumber(value: number | null): string {
  return value === null ? '' : String(Math.round(value * 100) / 100).replace('.', ',');
}

/** Cents as euros with exactly two decimals: 1250 → 12,50. */
export const csvEuros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

const MAX_REPORT_DAYS = 366;

/** A report period of local dates: from before to, at most a year. */
export function checkReportPeriod(from: string, to: string): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (!(days >= 1 && days <= MAX_REPORT_DAYS)) {
    throw new AppError(422, 'reportPeriod', { days: MAX_REPORT_DAYS });
  }
}
