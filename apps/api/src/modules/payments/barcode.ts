import { isValidRfReference } from './reference.js';

/**
 * The 54-digit virtual barcode (virtuaaliviivakoodi) of Finnish bank payments, versions 4
 * (national reference) and 5 (RF creditor reference), as the Finnish banks' barcode guide
 * specifies: version, the 16 digits of a Finnish IBAN, euros (6), cents (2), the reference,
 * and the due date YYMMDD (000000 when none).
 */
export interface BarcodeInput {
  /** A Finnish IBAN, spaces allowed: FI79 4405 2020 0360 82 */
  iban: string;
  /** The amount in cents; above 999 999,99 € the amount field is zeros. */
  amountCents: number;
  /** A national reference (version 4) or an RF reference (version 5). */
  reference: string;
  /** YYYY-MM-DD, or null */
  dueDate: string | null;
}

export function virtualBarcode({ iban, amountCents, reference, dueDate }: BarcodeInput): string {
  const account = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^FI\d{16}$/.test(account)) throw new RangeError('The virtual barcode needs a Finnish IBAN');
  if (!Number.isInteger(amountCents) || amountCents < 0)
    throw new RangeError('Amount in whole cents');
  const amount = amountCents > 99_999_999 ? '0'.repeat(8) : String(amountCents).padStart(8, '0');
  const due = dueDate ? dueDate.replace(/^\d{2}(\d{2})-(\d{2})-(\d{2})$/, '$1$2$3') : '000000';
  if (!/^\d{6}$/.test(due)) throw new RangeError('Due date as YYYY-MM-DD');
  const compact = reference.replace(/\s+/g, '').toUpperCase();
  if (compact.startsWith('RF')) {
    if (!isValidRfReference(compact) || !/^RF\d+$/.test(compact)) {
      throw new RangeError('Version 5 needs a numeric RF reference');
    }
    const check = compact.slice(2, 4);
    const body = compact.slice(4).padStart(21, '0');
    return `5${account.slice(2)}${amount}${check}${body}${due}`;
  }
  if (!/^\d{1,20}$/.test(compact)) throw new RangeError('A national reference has up to 20 digits');
  return `4${account.slice(2)}${amount}000${compact.padStart(20, '0')}${due}`;
}
