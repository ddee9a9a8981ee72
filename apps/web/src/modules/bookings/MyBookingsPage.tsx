import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, Navigate, useLocation } from 'react-router-dom';
import { Button, Heading, Link, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { reservationCalendarUrl, type Reservation } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { useSession } from '../platform/queries';
import { CalendarFeed } from './CalendarFeed';
import { ReservationSummary } from './ReservationSummary';
import { useCancelReservation, useMyReservations } from './queries';
import { formatSpan } from './time';
import './bookings.css';

function ConfirmCancel(props: {
  item: Reservation;
  slug: string;
  what: string;
  onClose: () => void;
  onCancelled: (what: string) => void;
}) {
  const { item, slug, what, onClose, onCancelled } = props;
  const { t } = useTranslation('bookings');
  const cancel = useCancelReservation(slug);
  const [reason, setReason] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = `cancel-${item.id}`;
  useEffect(() => formRef.current?.querySelector('input')?.focus(), []);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    cancel.mutate(
      { id: item.id, reason: reason.trim() || undefined },
      { onSuccess: () => onCancelled(what) },
    );
  }

  return (
    <form
      ref={formRef}
      className="confirm-box"
      aria-labelledby={headingId}
      onSubmit={onSubmit}
      noValidate
    >
      <Heading variant="h4" as="h3" id={headingId} mb="xs">
        {t('mine.confirmHeading')}
      </Heading>
      <Paragraph mb="s">{what}</Paragraph>
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      <TextInput
        labelText={t('mine.cancelReason')}
        optionalText={t('optional')}
        value={reason}
        maxLength={1000}
        onChange={(v) => setReason(String(v ?? ''))}
        fullWidth
        mb="s"
      />
      <div className="button-row">
        <Button type="submit" disabled={cancel.isPending}>
          {t('mine.confirmCancel')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('mine.keep')}
        </Button>
      </div>
    </form>
  );
}

function CancelControls(props: {
  item: Reservation;
  slug: string;
  onCancelled: (what: string) => void;
}) {
  const { item } = props;
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const [confirming, setConfirming] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const what = `${item.resourceName[language]} ${formatSpan(item.start, item.end, language)}`;

  if (confirming) {
    return (
      <ConfirmCancel
        {...props}
        what={what}
        onClose={() => {
          setConfirming(false);
          window.setTimeout(() => openButton.current?.focus(), 0);
        }}
      />
    );
  }
  return (
    <Button
      variant="secondary"
      ref={openButton}
      aria-label={t('mine.cancelLabel', { what })}
      onClick={() => setConfirming(true)}
    >
      {t('mine.cancel')}
    </Button>
  );
}

/** A booking as an iCalendar file for the person's own calendar app. */
function CalendarLink({ item, slug }: { item: Reservation; slug: string }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const what = `${item.resourceName[language]} ${formatSpan(item.start, item.end, language)}`;
  return (
    <Link
      href={reservationCalendarUrl(slug, item.id)}
      download
      aria-label={t('mine.addToCalendarLabel', { what })}
    >
      {t('mine.addToCalendar')}
    </Link>
  );
}

const isActive = (r: Reservation) => r.status === 'requested' || r.status === 'confirmed';

function ReservationList(props: {
  items: Reservation[];
  slug: string;
  onCancelled: (what: string) => void;
}) {
  const { items, slug, onCancelled } = props;
  return (
    <ul className="reservation-list">
      {items.map((item) => (
        <li key={item.id} className="reservation">
          <ReservationSummary item={item} />
          {item.canCancel && <CancelControls item={item} slug={slug} onCancelled={onCancelled} />}
          {isActive(item) && (
            <Paragraph mt="s">
              <CalendarLink item={item} slug={slug} />
            </Paragraph>
          )}
        </li>
      ))}
    </ul>
  );
}

export function MyBookingsPage() {
  const { t } = useTranslation('bookings');
  const { slug } = useMunicipality();
  const location = useLocation();
  const session = useSession(slug);
  const signedIn = Boolean(session.data?.user);
  const mine = useMyReservations(slug, signedIn);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const onCancelled = (what: string) => {
    setNotice(t('mine.cancelled', { what }));
    // The cancelled booking moves to the past list: keep the keyboard focus on the result.
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };
  usePageTitle(t('mine.title'));

  if (session.isSuccess && !signedIn) {
    const returnTo = encodeURIComponent(location.pathname);
    return <Navigate to={`/${slug}/login?returnTo=${returnTo}`} replace />;
  }

  const now = Date.now();
  const items = mine.data?.items ?? [];
  const upcoming = items
    .filter((r) => isActive(r) && Date.parse(r.end) > now)
    .sort((a, b) => a.start.localeCompare(b.start));
  const past = items.filter((r) => !upcoming.includes(r));

  return (
    <div className="page">
      <Heading variant="h1" mb="s">
        {t('mine.title')}
      </Heading>
      <Paragraph mb="m">
        {t('mine.intro')}{' '}
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/facilities`}>
          {t('mine.findFacility')}
        </RouterLink>
      </Paragraph>
      {(session.isPending || mine.isPending) && <Loading text={t('loading')} />}
      {mine.isError && <ErrorAlert error={mine.error} />}
      {mine.data && (
        <>
          <div ref={noticeRef} tabIndex={-1}>
            {notice && <SuccessAlert>{notice}</SuccessAlert>}
          </div>
          <section aria-labelledby="upcoming-heading" className="form-section">
            <Heading variant="h2" id="upcoming-heading" mb="s">
              {t('mine.upcoming')}
            </Heading>
            {upcoming.length ? (
              <ReservationList items={upcoming} slug={slug} onCancelled={onCancelled} />
            ) : (
              <Paragraph>{t('mine.emptyUpcoming')}</Paragraph>
            )}
          </section>
          <section aria-labelledby="past-heading" className="form-section">
            <Heading variant="h2" id="past-heading" mb="s">
              {t('mine.past')}
            </Heading>
            {past.length ? (
              <ReservationList items={past} slug={slug} onCancelled={onCancelled} />
            ) : (
              <Paragraph>{t('mine.emptyPast')}</Paragraph>
            )}
          </section>
          <CalendarFeed slug={slug} />
        </>
      )}
    </div>
  );
}
