import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Button, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { CartLine } from './CartLine';
import { formatMoney } from './money';
import { lineName } from './money';
import { OrderTotals, VatTable } from './OrderSummary';
import { useCart, useCheckout, useProducts } from './queries';
import './shop.css';

export function CartPage() {
  const { t } = useTranslation('shop');
  const { slug } = useMunicipality();
  const language = currentLanguage();
  const cart = useCart(slug, true);
  const products = useProducts(slug);
  const checkout = useCheckout(slug);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('cart.title'));

  function onChanged(message: string, removed: boolean) {
    setNotice(message);
    // A removed line takes its buttons with it: keep the keyboard focus on the result.
    if (removed) window.setTimeout(() => noticeRef.current?.focus(), 0);
  }

  function onCheckout() {
    if (checkout.isPending) return;
    checkout.mutate(undefined, {
      // The payment provider's page; it returns the browser to the order page afterwards.
      onSuccess: ({ redirectUrl }) => window.location.assign(redirectUrl),
    });
  }

  const order = cart.data;
  const productList = products.data?.items;
  return (
    <div className="page">
      <Heading variant="h1" mb="s">
        {t('cart.title')}
      </Heading>
      <Paragraph mb="m">
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/shop`}>
          {t('cart.continue')}
        </RouterLink>
      </Paragraph>
      {cart.isPending && <Loading text={t('loading')} />}
      {cart.isError && <ErrorAlert error={cart.error} />}
      <div ref={noticeRef} tabIndex={-1} className="cart-notice">
        {notice && <SuccessAlert>{notice}</SuccessAlert>}
      </div>
      {order && order.lines.length === 0 && <Paragraph>{t('cart.empty')}</Paragraph>}
      {order && order.lines.length > 0 && (
        <>
          <section aria-labelledby="cart-lines-heading" className="form-section">
            <Heading variant="h2" id="cart-lines-heading" mb="s">
              {t('cart.lines')}
            </Heading>
            <ul className="order-lines">
              {order.lines.map((line) =>
                line.productId ? (
                  <CartLine
                    // A new quantity from the server starts the line's input afresh.
                    key={`${line.productId}:${line.quantity}`}
                    line={{ ...line, productId: line.productId }}
                    name={lineName(line, productList, language)}
                    max={productList?.find((p) => p.id === line.productId)?.maxPerOrder}
                    slug={slug}
                    onChanged={onChanged}
                  />
                ) : (
                  <li key={line.reservationId} className="order-line">
                    <div className="order-line__head">
                      <span className="order-line__name">{line.name}</span>
                      <span className="order-line__total">
                        {formatMoney(line.totalCents, language)}
                      </span>
                    </div>
                  </li>
                ),
              )}
            </ul>
          </section>
          <section aria-labelledby="cart-total-heading" className="form-section">
            <Heading variant="h2" id="cart-total-heading" mb="s">
              {t('cart.total')}
            </Heading>
            <OrderTotals order={order} />
            <VatTable order={order} />
          </section>
          <section aria-labelledby="cart-pay-heading" className="form-section">
            <Heading variant="h2" id="cart-pay-heading" mb="s">
              {t('cart.pay')}
            </Heading>
            <Paragraph mb="s">{t('cart.checkoutInfo')}</Paragraph>
            {checkout.isError && <ErrorAlert error={checkout.error} />}
            <Button onClick={onCheckout}>{t('cart.checkout')}</Button>
            <p className="visually-hidden" role="status">
              {checkout.isPending || checkout.isSuccess ? t('cart.redirecting') : ''}
            </p>
          </section>
        </>
      )}
    </div>
  );
}
