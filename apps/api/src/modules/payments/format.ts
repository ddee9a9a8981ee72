import type { Language } from '../../platform/i18n/messages.js';
import { formatNationalReference, formatRfReference } from './reference.js';

/** How invoices print money, dates and account numbers in each language. */
export function invoiceFormat(language: Language) {
  const locale = language === 'en' ? 'en-IE' : `${language}-FI`;
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    euros: (cents: number) => money.format(cents / 100),
    percent: (bp: number) => percent.format(bp / 100),
    /** A local date (YYYY-MM-DD) as the language writes it: 24.12.2025 / 24/12/2025. */
    date: (day: string) => date.format(new Date(`${day}T00:00:00Z`)),
    iban: (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 '),
    reference: formatNationalReference,
    rfReference: formatRfReference,
  };
}
