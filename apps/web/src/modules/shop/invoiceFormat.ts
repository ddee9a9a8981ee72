import { localeOf } from '../../app/format';
import type { Language } from '../../i18n';

/** A local date (YYYY-MM-DD) as the language writes it, without time zone shifts. */
export function formatLocalDate(day: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** FI46 5000 0120 3857 11: groups of four, as printed on invoices. */
export const formatIban = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

/** National reference in groups of five from the right: 1 23456 78901. */
export const formatReference = (reference: string) => reference.replace(/\B(?=(\d{5})+$)/g, ' ');

/** RF reference in groups of four: RF98 1111 2. */
export const formatRfReference = (reference: string) => reference.replace(/(.{4})(?=.)/g, '$1 ');
