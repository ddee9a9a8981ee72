import { currentLanguage } from '../../i18n';

/** Euro amounts and dates of the case bank, in the reader's language (Helsinki time). */
export const formatEuros = (cents: number) =>
  new Intl.NumberFormat(`${currentLanguage()}-FI`, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);

export const formatDate = (iso: string) =>
  new Intl.DateTimeFormat(`${currentLanguage()}-FI`, {
    timeZone: 'Europe/Helsinki',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).format(new Date(iso));

export const formatNumber = (value: number | null) =>
  value === null ? '–' : new Intl.NumberFormat(`${currentLanguage()}-FI`).format(value);
