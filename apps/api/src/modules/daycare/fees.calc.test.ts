import { describe, expect, it } from 'vitest';
import { childFees, fullFee, incomeLimit, type FeeParameters } from './fees.calc.js';

/** The national sets of migration 0014; the 2026 limits as an administrator would enter them. */
const set2024: FeeParameters = {
  validFrom: '2024-08-01',
  maxFeeCents: 31100,
  minFeeCents: 3000,
  incomeBp: 1070,
  secondChildBp: 4000,
  furtherChildBp: 2000,
  secondChildMaxCents: 12400,
  incomeLimitsCents: [406600, 524500, 595600, 666700, 737600],
  incrementCents: 27500,
};
const set2026: FeeParameters = {
  ...set2024,
  validFrom: '2026-08-01',
  maxFeeCents: 33500,
  minFeeCents: 3200,
  secondChildMaxCents: 13400,
  incomeLimitsCents: [420000, 540000, 615000, 690000, 760000],
  incrementCents: 28000,
};

/** The fees charged for `children` children in daycare, youngest first, in cents. */
const fees = (p: FeeParameters, incomeCents: number, size: number, children: number) =>
  childFees(p, fullFee(p, incomeCents, size)!.fullFeeCents, children).map((c) => c.feeCents);

describe('daycare fee (hand-calculated, 2024 set)', () => {
  it('charges nothing at or under the income limit', () => {
    // Two adults and a child: limit 5 245 €; 5 000 € is under it.
    expect(fullFee(set2024, 500000, 3)).toEqual({
      limitCents: 524500,
      excessCents: 0,
      percentFeeCents: 0,
      fullFeeCents: 0,
    });
    expect(fees(set2024, 524500, 3, 1)).toEqual([0]);
  });

  it('charges 10,7 % of the income above the limit, rounded down to the cent', () => {
    // (5 600 € − 5 245 €) × 10,7 % = 37,985 € → 37,98 €.
    expect(fullFee(set2024, 560000, 3)!.fullFeeCents).toBe(3798);
    // (7 000 € − 5 956 €) × 10,7 % = 111,708 € → 111,70 €.
    expect(fees(set2024, 700000, 4, 1)).toEqual([11170]);
  });

  it('caps the fee at the maximum', () => {
    // (9 000 € − 5 245 €) × 10,7 % = 401,78 € → 311 €.
    const fee = fullFee(set2024, 900000, 3)!;
    expect(fee.percentFeeCents).toBe(40178);
    expect(fee.fullFeeCents).toBe(31100);
  });

  it('does not charge a fee below the minimum', () => {
    // One adult and a child: (4 300 € − 4 066 €) × 10,7 % = 25,03 € < 30 € → 0.
    expect(fullFee(set2024, 430000, 2)!.fullFeeCents).toBe(2503);
    expect(fees(set2024, 430000, 2, 1)).toEqual([0]);
    // 4 350 €: 30,38 € is charged.
    expect(fees(set2024, 435000, 2, 1)).toEqual([3038]);
  });

  it('gives the second child 40 % of the youngest fee', () => {
    // Family of 4, 7 000 €: 111,70 € and 40 % of it, 44,68 €.
    expect(fees(set2024, 700000, 4, 2)).toEqual([11170, 4468]);
    // At the maximum: 40 % of 311 € is 124,40 €, capped at the published 124 €.
    expect(fees(set2024, 1000000, 4, 2)).toEqual([31100, 12400]);
  });

  it('gives a third child 20 % of the youngest fee, and nothing when that is under 30 €', () => {
    // Family of 5, 8 000 €: (8 000 − 6 667) × 10,7 % = 142,63 €; 57,05 €; 28,52 € < 30 € → 0.
    expect(fees(set2024, 800000, 5, 3)).toEqual([14263, 5705, 0]);
    // 10 000 €: 311 €, 124 €, 62,20 €.
    expect(fees(set2024, 1000000, 5, 3)).toEqual([31100, 12400, 6220]);
  });

  it('raises the limit of a family larger than six by the increment per person', () => {
    expect(incomeLimit(set2024, 7)).toBe(765100);
    expect(incomeLimit(set2024, 8)).toBe(792600);
    // Family of 7, 8 000 €: (8 000 − 7 651) × 10,7 % = 37,343 € → 37,34 €.
    expect(fees(set2024, 800000, 7, 1)).toEqual([3734]);
  });
});

describe('daycare fee (2026 set)', () => {
  it('charges 335 €, 134 € and 67 € to a high-income family of three children', () => {
    expect(fees(set2026, 1200000, 5, 3)).toEqual([33500, 13400, 6700]);
  });

  it('caps the second child at 134 € even when the percentage would give more', () => {
    const generous = { ...set2026, secondChildBp: 5000 };
    expect(fees(generous, 1200000, 4, 2)).toEqual([33500, 13400]);
  });

  it('applies the 32 € minimum', () => {
    // One adult, two children: (5 700 € − 5 400 €) × 10,7 % = 32,10 € is charged, its 40 %
    // (12,84 €) is not.
    expect(fees(set2026, 570000, 3, 2)).toEqual([3210, 0]);
    // (5 690 € − 5 400 €) × 10,7 % = 31,03 € < 32 € → 0.
    expect(fees(set2026, 569000, 3, 1)).toEqual([0]);
  });

  it('has no fee while the limits are not published', () => {
    const unpublished = { ...set2026, incomeLimitsCents: null, incrementCents: null };
    expect(fullFee(unpublished, 600000, 3)).toBeNull();
  });
});
