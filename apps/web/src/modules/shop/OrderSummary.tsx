import { useTranslation } from 'react-i18next';
import type { Order, Product } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { formatMoney, formatVatRate, lineName } from './money';
import { groupSeasons, sumCents } from './seasons';

/** The order's total and the VAT in it. */
export function OrderTotals({ order }: { order: Order }) {
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  return (
    <dl className="order-totals">
      <dt>{t('summary.total')}</dt>
      <dd className="order-totals__total">{formatMoney(order.totalCents, language)}</dd>
      <dt>{t('summary.vatIncluded')}</dt>
      <dd>{formatMoney(order.vatCents, language)}</dd>
    </dl>
  );
}

/** VAT by rate, as the receipt shows it: net, VAT and total per rate, and the sums. */
export function VatTable({ order }: { order: Order }) {
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  const money = (cents: number) => formatMoney(cents, language);
  const caption = t('summary.vatCaption');
  if (order.vat.length === 0) return null;
  return (
    <div className="table-scroll vat-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="vat-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('summary.rate')}</th>
            <th scope="col">{t('summary.net')}</th>
            <th scope="col">{t('summary.vat')}</th>
            <th scope="col">{t('summary.gross')}</th>
          </tr>
        </thead>
        <tbody>
          {order.vat.map((row) => (
            <tr key={row.vatRateBp}>
              <th scope="row">{formatVatRate(row.vatRateBp, language)}</th>
              <td>{money(row.netCents)}</td>
              <td>{money(row.vatCents)}</td>
              <td>{money(row.totalCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('summary.sum')}</th>
            <td>{money(order.totalCents - order.vatCents)}</td>
            <td>{money(order.vatCents)}</td>
            <td>{money(order.totalCents)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** "2 × 6,50 € · VAT 10 %" under a line's name. */
export function LineDetails({ line }: { line: Order['lines'][number] }) {
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  return (
    <p className="order-line__unit">
      {t('summary.unitPrice', {
        quantity: line.quantity,
        price: formatMoney(line.unitPriceCents, language),
      })}
      {' · '}
      {t('summary.vatRate', { rate: formatVatRate(line.vatRateBp, language) })}
    </p>
  );
}

/** The lines of a placed order, read only; a season's weeks as one line. */
export function OrderLines({ order, products }: { order: Order; products?: Product[] }) {
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  return (
    <ul className="order-lines">
      {groupSeasons(order.lines).map((shown) => {
        if (shown.kind === 'season') {
          const first = shown.lines[0]!;
          return (
            <li key={shown.seriesId} className="order-line">
              <p className="order-line__kind">{t('cart.season.kind')}</p>
              <div className="order-line__head">
                <span className="order-line__name">
                  {t('order.seasonName', { first: first.name })}
                </span>
                <span className="order-line__total">
                  {formatMoney(sumCents(shown.lines), language)}
                </span>
              </div>
              <LineDetails line={{ ...first, quantity: shown.lines.length }} />
            </li>
          );
        }
        const line = shown.line;
        return (
          <li
            key={line.productId ?? line.reservationId ?? line.registrationId}
            className="order-line"
          >
            <div className="order-line__head">
              <span className="order-line__name">{lineName(line, products, language)}</span>
              <span className="order-line__total">{formatMoney(line.totalCents, language)}</span>
            </div>
            <LineDetails line={line} />
          </li>
        );
      })}
    </ul>
  );
}
