import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Button, Heading, Paragraph, RouterLink, Table } from 'suomifi-ui-components';
import type { Reservation } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { useIsSmallScreen } from '../../app/useMediaQuery';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../shop/money';
import { BlockTimeForm } from './BlockTimeForm';
import { CancelControls, ConfirmCancel } from './CancelReservation';
import { DecisionControls } from './DecisionControls';
import { APPROVED_PAYMENT_DAYS } from './price';
import { useDecideReservation, useStaffReservations } from './queries';
import { paymentText, ReservationSummary } from './ReservationSummary';
import { SeriesRequestItem } from './SeriesRequestItem';
import { StaffOnly } from './StaffOnly';
import { formatSpan } from './time';
import './bookings.css';

function RequestItem(props: {
  item: Reservation;
  slug: string;
  onDecided: (text: string) => void;
}) {
  const { item, slug, onDecided } = props;
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const decide = useDecideReservation(slug);
  const [reason, setReason] = useState('');
  const what = `${item.resourceName[language]} ${formatSpan(item.start, item.end, language)}`;
  const who = item.bookerName ?? '–';
  // mutateAsync: the decided request leaves the list (this item unmounts) when the lists are
  // refreshed, and the callbacks of plain mutate() would not run for an unmounted component.
  async function send(approve: boolean) {
    if (decide.isPending) return;
    try {
      await decide.mutateAsync({ id: item.id, approve, reason: reason.trim() || undefined });
    } catch {
      return; // shown by decide.isError
    }
    onDecided(
      !approve
        ? t('staff.denied', { what, booker: who })
        : item.priceCents > 0
          ? t('staff.approvedPay', { what, booker: who, count: APPROVED_PAYMENT_DAYS })
          : t('staff.approved', { what, booker: who }),
    );
  }

  return (
    <li className="reservation">
      <ReservationSummary item={item} showBooker />
      {decide.isError && <ErrorAlert error={decide.error} />}
      <DecisionControls
        reason={reason}
        onReason={setReason}
        pending={decide.isPending}
        approve={{
          text: t('staff.approve'),
          label: t('staff.approveLabel', { what, booker: who }),
        }}
        deny={{ text: t('staff.deny'), label: t('staff.denyLabel', { what, booker: who }) }}
        onDecide={(approve) => void send(approve)}
      />
    </li>
  );
}

function Requests({ slug }: { slug: string }) {
  const { t } = useTranslation('bookings');
  const requests = useStaffReservations(slug, 'requested');
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const onDecided = (text: string) => {
    setNotice(text);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };
  const items = requests.data?.items.filter((r) => r.kind === 'booking') ?? [];
  // A season's requested weeks are decided together; other requests one by one.
  const weeksOf = (r: Reservation) => items.filter((i) => r.seriesId && i.seriesId === r.seriesId);
  const shown = items.filter((r) => !r.seriesId || weeksOf(r)[0] === r);
  return (
    <section aria-labelledby="requests-heading" className="form-section">
      <Heading variant="h2" id="requests-heading" mb="s">
        {t('staff.requests')}
      </Heading>
      <div ref={noticeRef} tabIndex={-1}>
        {notice && <SuccessAlert>{notice}</SuccessAlert>}
      </div>
      {requests.isPending && <Loading text={t('loading')} />}
      {requests.isError && <ErrorAlert error={requests.error} />}
      {requests.data &&
        (items.length === 0 ? (
          <Paragraph>{t('staff.noRequests')}</Paragraph>
        ) : (
          <ul className="reservation-list">
            {shown.map((item) =>
              weeksOf(item).length > 1 ? (
                <SeriesRequestItem
                  key={item.seriesId}
                  weeks={weeksOf(item)}
                  slug={slug}
                  onDecided={onDecided}
                />
              ) : (
                <RequestItem key={item.id} item={item} slug={slug} onDecided={onDecided} />
              ),
            )}
          </ul>
        ))}
    </section>
  );
}

/** "8,00 € · Maksettu" for a priced booking, "Maksuton" for a free one. */
function usePriceText() {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  return (r: Reservation) =>
    r.kind === 'block'
      ? ''
      : r.priceCents > 0
        ? `${formatMoney(r.priceCents, language)} · ${paymentText(r, t, language)}`
        : t('payment.free');
}

/**
 * Coming bookings and blocks: a table on wide screens, a list on phones. Staff may cancel a
 * booking; the confirmation says what the booker gets back (a paid booking: all of it).
 */
function Upcoming({ slug }: { slug: string }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const small = useIsSmallScreen();
  const all = useStaffReservations(slug);
  const priceText = usePriceText();
  const [cancelling, setCancelling] = useState<Reservation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const items =
    all.data?.items.filter(
      (r) => r.status === 'held' || r.status === 'requested' || r.status === 'confirmed',
    ) ?? [];
  const booker = (r: Reservation) =>
    r.kind === 'block' ? `${t('reservation.block')}: ${r.purpose}` : (r.bookerName ?? '–');
  const cancellable = (r: Reservation) => r.kind === 'booking' && r.canCancel;
  const onCancelled = (message: string) => {
    setCancelling(null);
    setNotice(message);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };
  const columns = [
    { key: 'resource', labelText: t('reservation.resource') },
    { key: 'time', labelText: t('reservation.time') },
    { key: 'booker', labelText: t('reservation.booker') },
    { key: 'status', labelText: t('reservation.status') },
    { key: 'payment', labelText: t('staff.payment') },
    { key: 'actions', labelText: t('staff.actions') },
  ] as const;
  const rows = items.map((r) => ({
    id: r.id,
    resource: r.resourceName[language],
    time: <time dateTime={r.start}>{formatSpan(r.start, r.end, language)}</time>,
    booker: booker(r),
    status: t(`status.${r.status}`),
    payment: priceText(r),
    actions: cancellable(r) ? (
      <Button
        variant="secondary"
        id={`staff-cancel-${r.id}`}
        aria-label={t('staff.cancelLabel', {
          what: `${r.resourceName[language]} ${formatSpan(r.start, r.end, language)}`,
          booker: booker(r),
        })}
        onClick={() => setCancelling(r)}
      >
        {t('staff.cancel')}
      </Button>
    ) : (
      ''
    ),
  }));

  return (
    <section aria-labelledby="upcoming-heading" className="form-section">
      <Heading variant="h2" id="upcoming-heading" mb="s">
        {t('staff.upcoming')}
      </Heading>
      <div ref={noticeRef} tabIndex={-1}>
        {notice && <SuccessAlert>{notice}</SuccessAlert>}
      </div>
      {all.isPending && <Loading text={t('loading')} />}
      {all.isError && <ErrorAlert error={all.error} />}
      {all.data &&
        (items.length === 0 ? (
          <Paragraph>{t('staff.noUpcoming')}</Paragraph>
        ) : small ? (
          <ul className="reservation-list" aria-label={t('staff.upcoming')}>
            {items.map((item) => (
              <li key={item.id} className="reservation">
                <ReservationSummary item={item} showBooker />
                {cancellable(item) && (
                  <CancelControls item={item} slug={slug} byStaff onCancelled={onCancelled} />
                )}
              </li>
            ))}
          </ul>
        ) : (
          <>
            <div
              className="table-scroll"
              tabIndex={0}
              role="region"
              aria-label={t('staff.upcoming')}
            >
              <Table
                className="reservation-table"
                caption={t('staff.caption')}
                columns={columns}
                data={rows}
                condensed
              />
            </div>
            {cancelling && (
              <ConfirmCancel
                key={cancelling.id}
                item={cancelling}
                slug={slug}
                byStaff
                onClose={() => {
                  const id = cancelling.id;
                  setCancelling(null);
                  window.setTimeout(
                    () => document.getElementById(`staff-cancel-${id}`)?.focus(),
                    0,
                  );
                }}
                onCancelled={onCancelled}
              />
            )}
          </>
        ))}
    </section>
  );
}

/** Facility staff (facility_admin) and admins: requests, coming reservations and blocks. */
export function ReservationAdminPage() {
  const { t } = useTranslation('bookings');
  const { slug } = useMunicipality();
  usePageTitle(t('staff.title'));

  return (
    <StaffOnly>
      <div className="page">
        <Heading variant="h1" mb="s">
          {t('staff.title')}
        </Heading>
        <Paragraph mb="s">{t('staff.intro')}</Paragraph>
        <Paragraph mb="m">
          <RouterLink asComponent={RouterDomLink} to={`/${slug}/admin/utilisation`}>
            {t('staff.reportLink')}
          </RouterLink>
        </Paragraph>
        <Requests slug={slug} />
        <Upcoming slug={slug} />
        <BlockTimeForm slug={slug} forCustomer />
        <BlockTimeForm slug={slug} />
      </div>
    </StaffOnly>
  );
}
