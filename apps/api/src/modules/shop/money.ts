/**
 * Money is integer cents. Prices are VAT-inclusive (what a resident pays); the VAT in a line
 * is worked out from the line total and rounded to the cent per line, and an order's totals
 * are sums of its lines, so every figure on a receipt adds up exactly.
 */
export interface LineInput {
  unitPriceCents: number;
  quantity: number;
  /** basis points: 2550 = 25.5 % */
  vatRateBp: number;
}

export interface LineAmounts {
  totalCents: number;
  vatCents: number;
  netCents: number;
}

export function lineAmounts({ unitPriceCents, quantity, vatRateBp }: LineInput): LineAmounts {
  if (!Number.isInteger(unitPriceCents) || unitPriceCents < 0)
    throw new RangeError('price in cents');
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError('quantity of at least one');
  if (!Number.isInteger(vatRateBp) || vatRateBp < 0 || vatRateBp > 10000)
    throw new RangeError('VAT rate');
  const totalCents = unitPriceCents * quantity;
  // VAT share of a gross amount: gross × rate / (1 + rate), half up, in integers only.
  const vatCents = Math.floor(
    (totalCents * vatRateBp * 2 + (10000 + vatRateBp)) / (2 * (10000 + vatRateBp)),
  );
  return { totalCents, vatCents, netCents: totalCents - vatCents };
}

export interface VatBreakdown {
  vatRateBp: number;
  netCents: number;
  vatCents: number;
  totalCents: number;
}

/** Totals of an order and the VAT per rate, as a receipt shows them. */
export function orderTotals(lines: LineInput[]) {
  const byRate = new Map<number, VatBreakdown>();
  let totalCents = 0;
  let vatCents = 0;
  for (const line of lines) {
    const amounts = lineAmounts(line);
    totalCents += amounts.totalCents;
    vatCents += amounts.vatCents;
    const rate = byRate.get(line.vatRateBp) ?? {
      vatRateBp: line.vatRateBp,
      netCents: 0,
      vatCents: 0,
      totalCents: 0,
    };
    rate.netCents += amounts.netCents;
    rate.vatCents += amounts.vatCents;
    rate.totalCents += amounts.totalCents;
    byRate.set(line.vatRateBp, rate);
  }
  return {
    totalCents,
    vatCents,
    netCents: totalCents - vatCents,
    vat: [...byRate.values()].sort((a, b) => b.vatRateBp - a.vatRateBp),
  };
}

/** One formatter per language: making an Intl.NumberFormat costs far more than using one. */
const euroFormats = new Map<string, Intl.NumberFormat>();

/** An amount as the reader writes euros: "12,50 €" in Finnish and Swedish, "€12.50" in English. */
export function formatEuros(cents: number, language: string): string {
  let format = euroFormats.get(language);
  if (!format) {
    const locale = language === 'en' ? 'en-IE' : `${language}-FI`;
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    euroFormats.set(language, format);
  }
  return format.format(cents / 100);
}
