import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useLocation } from 'react-router-dom';
import {
  Button,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  RouterLink,
} from 'suomifi-ui-components';
import type { PaymentMethod } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { useMyReservations } from '../bookings/queries';
import { useMyRegistrations } from '../courses/queries';
import { BuyerChooser } from '../organisations/BuyerChooser';
import { useBuyer } from '../organisations/buyer';
import { CartLine } from './CartLine';
import { HeldCartLine } from './HeldCartLine';
import { SeasonCartLine } from './SeasonCartLine';
import { groupSeasons } from './seasons';
import { lineName } from './money';
import { OrderTotals, VatTable } from './OrderSummary';
import { useCart, useCheckout, useProducts } from './queries';
import './shop.css';

/** What the booking form hands over (router state) when a booking is held for payment. */
export interface HeldBookingNotice {
  heldBooking: { what: string; until: string };
}

const isHeldBookingNotice = (state: unknown): state is HeldBookingNotice =>
  typeof state === 'object' && state !== null && 'heldBooking' in state;

/** The clock, ticking each `ms`: a hold that ends while the page is open shows as ended. */
function useNow(ms: number) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

export function CartPage() {
  const { t } = useTranslation('shop');
  const { slug } = useMunicipality();
  const language = currentLanguage();
  const location = useLocation();
  // One cart per buyer: the person's own, or the one they fill for an organisation.
  const { organisationId, organisation } = useBuyer(slug);
  const cart = useCart(slug, true, organisationId);
  const products = useProducts(slug, organisationId);
  const checkout = useCheckout(slug, organisationId);
  const hasBookings = cart.data?.lines.some((line) => line.reservationId) ?? false;
  const hasCourses = cart.data?.lines.some((line) => line.registrationId) ?? false;
  // The hold times of the bookings and course seats in the cart.
  const bookings = useMyReservations(slug, hasBookings);
  const registrations = useMyRegistrations(slug, hasCourses);
  const now = useNow(30_000);
  const [notice, setNotice] = useState<string | null>(() => {
    const state: unknown = location.state;
    return isHeldBookingNotice(state)
      ? t('cart.heldNotice', { what: state.heldBooking.what, time: state.heldBooking.until })
      : null;
  });
  // An organisation is invoiced unless it chooses to pay online.
  const [chosenMethod, setMethod] = useState<PaymentMethod | null>(null);
  const method = chosenMethod ?? (organisationId ? 'invoice' : 'online');
  const noticeRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('cart.title'));

  // Arriving from the booking form: the keyboard and screen reader start at what happened.
  const arrivedWithNotice = useRef(notice !== null);
  useEffect(() => {
    if (arrivedWithNotice.current) noticeRef.current?.focus();
  }, []);

  function onChanged(message: string, removed: boolean) {
    setNotice(message);
    // A removed line takes its buttons with it: keep the keyboard focus on the result.
    if (removed) window.setTimeout(() => noticeRef.current?.focus(), 0);
  }

  const order = cart.data;
  // The server says whether every line of this cart may be invoiced; otherwise online only.
  const byInvoice = method === 'invoice' && Boolean(order?.invoiceAllowed);

  function onCheckout() {
    if (checkout.isPending) return;
    checkout.mutate(byInvoice ? 'invoice' : 'online', {
      // Online: the payment provider's page, which returns the browser to the order page.
      // Invoice: the order page itself, with the invoice.
      onSuccess: ({ redirectUrl }) => window.location.assign(redirectUrl),
    });
  }

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
      <BuyerChooser slug={slug} label={t('cart.buyer')} />
      {organisation && (
        <Paragraph mb="m">{t('cart.organisation', { name: organisation.name })}</Paragraph>
      )}
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
              {groupSeasons(order.lines).map((shown) => {
                if (shown.kind === 'season') {
                  const ids = shown.lines.map((l) => l.reservationId);
                  return (
                    <SeasonCartLine
                      key={shown.seriesId}
                      seriesId={shown.seriesId}
                      lines={shown.lines}
                      weeks={bookings.data?.items.filter((r) => ids.includes(r.id)) ?? []}
                      now={now}
                      slug={slug}
                      onChanged={onChanged}
                    />
                  );
                }
                const line = shown.line;
                return line.productId ? (
                  <CartLine
                    // A new quantity from the server starts the line's input afresh.
                    key={`${line.productId}:${line.quantity}`}
                    line={{ ...line, productId: line.productId }}
                    name={lineName(line, productList, language)}
                    max={productList?.find((p) => p.id === line.productId)?.maxPerOrder}
                    slug={slug}
                    onChanged={onChanged}
                  />
                ) : line.reservationId || line.registrationId ? (
                  <HeldCartLine
                    key={line.reservationId ?? line.registrationId}
                    line={line}
                    held={
                      line.reservationId
                        ? {
                            kind: 'booking',
                            id: line.reservationId,
                            item: bookings.data?.items.find((r) => r.id === line.reservationId),
                          }
                        : {
                            kind: 'course',
                            id: line.registrationId!,
                            item: registrations.data?.items.find(
                              (r) => r.id === line.registrationId,
                            ),
                          }
                    }
                    now={now}
                    slug={slug}
                    onChanged={onChanged}
                  />
                ) : null;
              })}
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
            {order.invoiceAllowed && (
              <RadioButtonGroup
                labelText={t('cart.method')}
                name="payment-method"
                value={method}
                onChange={(value) => setMethod(value as PaymentMethod)}
                mb="m"
              >
                <RadioButton value="online" hintText={t('cart.onlineHint')}>
                  {t('cart.online')}
                </RadioButton>
                <RadioButton
                  value="invoice"
                  hintText={t(organisation ? 'cart.invoiceHintOrganisation' : 'cart.invoiceHint')}
                >
                  {t('cart.invoice')}
                </RadioButton>
              </RadioButtonGroup>
            )}
            <Paragraph mb="s">
              {byInvoice && organisation
                ? t('cart.invoiceInfoOrganisation', { name: organisation.name })
                : t(byInvoice ? 'cart.invoiceInfo' : 'cart.checkoutInfo')}
            </Paragraph>
            {hasBookings && <Paragraph mb="s">{t('cart.bookingsNote')}</Paragraph>}
            {hasCourses && <Paragraph mb="s">{t('cart.coursesNote')}</Paragraph>}
            {checkout.isError && <ErrorAlert error={checkout.error} />}
            <Button onClick={onCheckout}>
              {t(byInvoice ? 'cart.checkoutInvoice' : 'cart.checkout')}
            </Button>
            <p className="visually-hidden" role="status">
              {checkout.isPending || checkout.isSuccess
                ? t(byInvoice ? 'cart.invoicing' : 'cart.redirecting')
                : ''}
            </p>
          </section>
        </>
      )}
    </div>
  );
}
