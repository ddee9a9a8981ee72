import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useParams } from 'react-router-dom';
import { Heading, InlineAlert, Link, Paragraph, RouterLink } from 'suomifi-ui-components';
import { receiptPdfUrl, type OrderStatus } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { InvoiceDetails } from './InvoiceDetails';
import { OrderLines, OrderTotals, VatTable } from './OrderSummary';
import { useOrder, useProducts } from './queries';
import './shop.css';

// A payment given up at the provider leaves the order as the cart again ('cart'), or, when a
// new cart was started meanwhile, moves its lines there ('cancelled'): either way what was
// bought is in the cart, so the page links there (no separate "restore" step).
const alertStatus: Record<OrderStatus, 'neutral' | 'warning'> = {
  paid: 'neutral',
  invoiced: 'neutral',
  cancelled: 'warning',
  pending: 'neutral',
  cart: 'warning',
};

export function OrderPage() {
  const { t } = useTranslation('shop');
  const { slug } = useMunicipality();
  const { orderId = '' } = useParams();
  const language = currentLanguage();
  const order = useOrder(slug, orderId);
  const products = useProducts(slug);
  usePageTitle(t('order.title'));

  const data = order.data;
  return (
    <div className="page">
      <Heading variant="h1" mb="s">
        {t('order.title')}
      </Heading>
      {order.isPending && <Loading text={t('loading')} />}
      {order.isError && <ErrorAlert error={order.error} />}
      {data && (
        <>
          <InlineAlert
            status={alertStatus[data.status]}
            labelText={t(`order.status.${data.status}.title`)}
            role="status"
            mb="m"
            className="order-status"
          >
            <Paragraph>{t(`order.status.${data.status}.body`)}</Paragraph>
            {(data.status === 'cart' || data.status === 'cancelled') && (
              <Paragraph mt="xs">
                <RouterLink asComponent={RouterDomLink} to={`/${slug}/shop/cart`}>
                  {t('order.toCart')}
                </RouterLink>
              </Paragraph>
            )}
            {data.status === 'paid' && data.lines.some((line) => line.registrationId) && (
              <Paragraph mt="xs">
                {t('order.coursesPaid')}{' '}
                <RouterLink asComponent={RouterDomLink} to={`/${slug}/courses/mine`}>
                  {t('order.myRegistrations')}
                </RouterLink>
              </Paragraph>
            )}
            {data.status === 'paid' && data.lines.some((line) => line.reservationId) && (
              <Paragraph mt="xs">
                {t('order.bookingsPaid')}{' '}
                <RouterLink asComponent={RouterDomLink} to={`/${slug}/bookings/mine`}>
                  {t('order.myBookings')}
                </RouterLink>
              </Paragraph>
            )}
          </InlineAlert>
          <dl className="order-facts">
            <dt>{t('order.number')}</dt>
            <dd>{data.id}</dd>
            {data.organisation && (
              <>
                <dt>{t('order.buyer')}</dt>
                <dd>{data.organisation.name}</dd>
              </>
            )}
            {data.paidAt && (
              <>
                <dt>{t('order.paidAt')}</dt>
                <dd>{formatDateTime(data.paidAt, language)}</dd>
              </>
            )}
          </dl>
          {data.status === 'paid' && (
            <Paragraph mb="m">
              <Link href={`${receiptPdfUrl(slug, data.id!)}?lang=${language}`}>
                {t('order.receipt')}
              </Link>
            </Paragraph>
          )}
          {data.invoice && <InvoiceDetails invoice={data.invoice} slug={slug} />}
          {/* A cancelled order's lines went to the cart: the cart shows them, not this page. */}
          {data.status !== 'cancelled' && (
            <>
              <section aria-labelledby="order-lines-heading" className="form-section">
                <Heading variant="h2" id="order-lines-heading" mb="s">
                  {t('order.lines')}
                </Heading>
                <OrderLines order={data} products={products.data?.items} />
              </section>
              <section aria-labelledby="order-total-heading" className="form-section">
                <Heading variant="h2" id="order-total-heading" mb="s">
                  {t('order.total')}
                </Heading>
                <OrderTotals order={data} />
                <VatTable order={data} />
              </section>
            </>
          )}
        </>
      )}
      <Paragraph>
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/shop`}>
          {t('order.back')}
        </RouterLink>
      </Paragraph>
    </div>
  );
}
