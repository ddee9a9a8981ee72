/**
 * Payment references used on Finnish invoices: the national reference number (viitenumero)
 * and the international RF creditor reference (ISO 11649) built from it.
 */

const WEIGHTS = [7, 3, 1];

/** Check digit of a national reference: weights 7, 3, 1 from the right, to the next ten. */
export function nationalCheckDigit(base: string): number {
  if (!/^\d{3,19}$/.test(base)) throw new RangeError('A reference base has 3–19 digits');
  let sum = 0;
  [...base].reverse().forEach((digit, i) => {
    sum += Number(digit) * WEIGHTS[i % 3]!;
  });
  return (10 - (sum % 10)) % 10;
}

/** A national reference number from a base, e.g. 1111 → 11112. */
export function nationalReference(base: string): string {
  return base + String(nationalCheckDigit(base));
}

export function isValidNationalReference(reference: string): boolean {
  const digits = reference.replace(/\s+/g, '');
  if (!/^\d{4,20}$/.test(digits) || /^0/.test(digits)) return false;
  return nationalCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

/** ISO 7064 mod 97-10 over digits and letters (A = 10 … Z = 35), as ISO 11649 uses it. */
function mod97(text: string): number {
  const numeric = [...text.toUpperCase()]
    .map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c))
    .join('');
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}

/** RF creditor reference of a national reference, e.g. 11112 → RF9811112. */
export function rfReference(reference: string): string {
  const body = reference.replace(/\s+/g, '').toUpperCase();
  if (!/^[0-9A-Z]{1,21}$/.test(body))
    throw new RangeError('An RF reference body has 1–21 characters');
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, '0')}${body}`;
}

export function isValidRfReference(reference: string): boolean {
  const compact = reference.replace(/\s+/g, '').toUpperCase();
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(compact)) return false;
  return mod97(compact.slice(4) + compact.slice(0, 4)) === 1;
}

/** Groups of four, as printed on an invoice: RF98 1111 2. */
export function formatRfReference(reference: string): string {
  return reference.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Groups of five from the right, as printed: 1 23456 78901. */
export function formatNationalReference(reference: string): string {
  return reference.replace(/\B(?=(\d{5})+$)/g, ' ');
}
