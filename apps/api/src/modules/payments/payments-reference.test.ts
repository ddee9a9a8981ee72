import { describe, expect, it } from 'vitest';
import { virtualBarcode } from './barcode.js';
import {
  formatNationalReference,
  formatRfReference,
  isValidNationalReference,
  isValidRfReference,
  nationalReference,
  rfReference,
} from './reference.js';

describe('Finnish national reference number', () => {
  it('computes the 7-3-1 check digit (published examples)', () => {
    expect(nationalReference('1111')).toBe('11112');
    expect(nationalReference('123')).toBe('1232');
    expect(nationalReference('12345')).toBe('123453');
    expect(nationalReference('86851625961989')).toBe('868516259619897');
  });

  it('validates and formats', () => {
    expect(isValidNationalReference('11112')).toBe(true);
    expect(isValidNationalReference('11113')).toBe(false);
    expect(isValidNationalReference('1 11112')).toBe(false);
    expect(formatNationalReference('868516259619897')).toBe('86851 62596 19897');
    expect(() => nationalReference('12')).toThrow(RangeError);
  });
});

describe('RF creditor reference (ISO 11649)', () => {
  it('builds RF references (published examples)', () => {
    expect(rfReference('11112')).toBe('RF9811112');
    expect(rfReference('868516259619897')).toBe('RF09868516259619897');
    expect(rfReference('539007547034')).toBe('RF18539007547034');
  });

  it('validates and formats', () => {
    expect(isValidRfReference('RF18 5390 0754 7034')).toBe(true);
    expect(isValidRfReference('RF19 5390 0754 7034')).toBe(false);
    expect(formatRfReference('RF09868516259619897')).toBe('RF09 8685 1625 9619 897');
  });
});

describe('virtual barcode', () => {
  // The examples of the Finnish banks' barcode guide (Pankkiviivakoodi-opas).
  it('version 4 with a national reference', () => {
    expect(
      virtualBarcode({
        iban: 'FI79 4405 2020 0360 82',
        amountCents: 488315,
        reference: '86851 62596 19897',
        dueDate: '2010-06-12',
      }),
    ).toBe('479440520200360820048831500000000868516259619897100612');
  });

  it('version 5 with an RF reference', () => {
    expect(
      virtualBarcode({
        iban: 'FI79 4405 2020 0360 82',
        amountCents: 488315,
        reference: 'RF09 8685 1625 9619 897',
        dueDate: '2010-06-12',
      }),
    ).toBe('579440520200360820048831509000000868516259619897100612');
  });

  it('is always 54 digits; no due date and too large amounts become zeros', () => {
    const code = virtualBarcode({
      iban: 'FI58 1017 1000 0001 22',
      amountCents: 100_000_000,
      reference: '11112',
      dueDate: null,
    });
    expect(code).toHaveLength(54);
    expect(code).toBe('458101710000001220000000000000000000000000011112000000');
    expect(() =>
      virtualBarcode({
        iban: 'SE45 5000 0000 0583 9825 7466',
        amountCents: 1,
        reference: '11112',
        dueDate: null,
      }),
    ).toThrow(RangeError);
  });
});
