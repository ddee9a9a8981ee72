import type { CustomerGroup, Order, OrderLine, Product, ProductKind } from '../../api/client';
import type { Language } from '../../i18n';

/** The order in which product kinds are listed. */
export const productKinds = [
  'ticket',
  'series_card',
  'event_fee',
  'course_fee',
  'permit',
  'facility_use',
  'other',
] as const satisfies readonly ProductKind[];

// Euro amounts: "6,50 €" in Finnish and Swedish, "€6.50" in (Irish) English.
const moneyLocales: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-IE' };

/** Integer cents as euros. */
export function formatMoney(cents: number, language: Language): string {
  return new Intl.NumberFormat(moneyLocales[language], {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);
}

/** A VAT rate in basis points: 2550 → "25,5 %", 1000 → "10 %". */
export function formatVatRate(basisPoints: number, language: Language): string {
  const number = new Intl.NumberFormat(moneyLocales[language], { maximumFractionDigits: 2 });
  return `${number.format(basisPoints / 100)}\u00a0%`;
}

export const priceOf = (product: Product, group: CustomerGroup): number | null =>
  product.prices.find((p) => p.customerGroup === group)?.unitPriceCents ?? null;

/** How many items the cart holds in all (two tickets and a card are three). */
export const itemCount = (order: Order | undefined): number =>
  order?.lines.reduce((sum, line) => sum + line.quantity, 0) ?? 0;

/** A line's name in the current language when the product is known (the order keeps its own). */
export function lineName(line: OrderLine, products: Product[] | undefined, language: Language) {
  return products?.find((p) => p.id === line.productId)?.name[language] ?? line.name;
}

/** A whole number from what was typed, or null. */
export function parseQuantity(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}
