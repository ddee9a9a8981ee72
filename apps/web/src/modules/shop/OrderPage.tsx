import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useNavigate, useParams } from 'react-router-dom';
import { Button, Heading, InlineAlert, Paragraph, RouterLink } from 'suomifi-ui-components';
import type { Order, OrderStatus } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { InvoiceDetails } from './InvoiceDetails';
import { OrderLines, OrderTotals, VatTable } from './OrderSummary';
import { useOrder, useProducts, useSetCartLine } from './queries';
import './shop.css';

const alertStatus: Record<OrderStatus, 'neutral' | 'warning'> = {
  paid: 'neutral',
  invoiced: 'neutral',
  cancelled: 'warning',
  pending: 'neutral',
  cart: 'neutral',
};

/** After a cancelled payment: the same products back in the cart, to pay again. */
function RestoreToCart({ order, slug }: { order: Order; slug: string }) {
  const { t } = useTranslation('shop');
  const navigate = useNavigate();
  const setLine = useSetCartLine(slug);
  const [busy, setBusy] = useState(false);

  async function restore() {
    if (busy) return;
    setBusy(true);
    try {
      for (const line of order.lines) {
        await setLine.mutateAsync({ productId: line.productId, quantity: line.quantity });
      }
      await navigate(`/${slug}/shop/cart`);
    } catch {
      setBusy(false);
    }
  }

  return (
    <>
      {setLine.isError && <ErrorAlert error={setLine.error} />}
      <Button variant="secondary" onClick={() => void restore()}>
        {t('order.restore')}
      </Button>
    </>
  );
}

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
            {t(`order.status.${data.status}.body`)}
          </InlineAlert>
          <dl className="order-facts">
            <dt>{t('order.number')}</dt>
            <dd>{data.id}</dd>
            {data.paidAt && (
              <>
                <dt>{t('order.paidAt')}</dt>
                <dd>{formatDateTime(data.paidAt, language)}</dd>
              </>
            )}
          </dl>
          {data.invoice && <InvoiceDetails invoice={data.invoice} slug={slug} />}
          {data.status === 'cancelled' && data.lines.length > 0 && (
            <div className="form-section">
              <RestoreToCart order={data} slug={slug} />
            </div>
          )}
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
      <Paragraph>
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/shop`}>
          {t('order.back')}
        </RouterLink>
      </Paragraph>
    </div>
  );
}
