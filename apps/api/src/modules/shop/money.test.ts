import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineAmounts, orderTotals } from './money.js';

describe('money', () => {
  it('takes the VAT out of VAT-inclusive prices, to the cent', () => {
    // 12,40 € swimming ticket at 10 %: VAT 1,13 €, net 11,27 €.
    expect(lineAmounts({ unitPriceCents: 1240, quantity: 1, vatRateBp: 1000 })).toEqual({
      totalCents: 1240,
      vatCents: 113,
      netCents: 1127,
    });
    // 25,5 %: 100,00 € includes 20,32 € VAT (100 × 25.5 / 125.5 = 20.318…).
    expect(lineAmounts({ unitPriceCents: 10000, quantity: 1, vatRateBp: 2550 }).vatCents).toBe(
      2032,
    );
    // Exempt (municipal authority service): no VAT.
    expect(lineAmounts({ unitPriceCents: 4500, quantity: 3, vatRateBp: 0 })).toEqual({
      totalCents: 13500,
      vatCents: 0,
      netCents: 13500,
    });
  });

  it('refuses what is not money', () => {
    expect(() => lineAmounts({ unitPriceCents: 12.5, quantity: 1, vatRateBp: 1000 })).toThrow(
      RangeError,
    );
    expect(() => lineAmounts({ unitPriceCents: 100, quantity: 0, vatRateBp: 1000 })).toThrow(
      RangeError,
    );
    expect(() => lineAmounts({ unitPriceCents: -1, quantity: 1, vatRateBp: 1000 })).toThrow(
      RangeError,
    );
  });

  it('always adds up: net + VAT = total, per rate and for the whole order', () => {
    const line = fc.record({
      unitPriceCents: fc.integer({ min: 0, max: 1_000_000 }),
      quantity: fc.integer({ min: 1, max: 50 }),
      vatRateBp: fc.constantFrom(0, 1000, 1350, 1400, 2400, 2550),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const totals = orderTotals(lines);
        expect(totals.netCents + totals.vatCents).toBe(totals.totalCents);
        expect(totals.totalCents).toBe(
          lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0),
        );
        expect(totals.vat.reduce((s, r) => s + r.vatCents, 0)).toBe(totals.vatCents);
        for (const rate of totals.vat) expect(rate.netCents + rate.vatCents).toBe(rate.totalCents);
        for (const l of lines) {
          const { vatCents, totalCents } = lineAmounts(l);
          // Within half a cent of the exact VAT share.
          expect(
            Math.abs(vatCents - (totalCents * l.vatRateBp) / (10000 + l.vatRateBp)),
          ).toBeLessThanOrEqual(0.5);
        }
      }),
    );
  });
});
