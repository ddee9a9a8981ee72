import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, Navigate, useLocation } from 'react-router-dom';
import { Heading, Link, Paragraph, RouterLink } from 'suomifi-ui-components';
import { reservationCalendarUrl, type Reservation } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { useSession } from '../platform/queries';
import { CalendarFeed } from './CalendarFeed';
import { CancelControls, reservationWhat } from './CancelReservation';
import { ReservationSummary } from './ReservationSummary';
import { SeriesCancel } from './SeriesCancel';
import { useMyReservations } from './queries';
import { formatSpan } from './time';
import './bookings.css';

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

const isActive = (r: Reservation) =>
  r.status === 'held' || r.status === 'requested' || r.status === 'confirmed';
/** A held booking is paid in the cart; it goes into calendars once it is confirmed. */
const hasCalendar = (r: Reservation) => r.status === 'requested' || r.status === 'confirmed';

/** "Pay in the cart" for a booking held for its booker. */
function PayLink({ item, slug }: { item: Reservation; slug: string }) {
  const { t } = useTranslation('bookings');
  return (
    <Paragraph mb="s">
      <RouterLink
        asComponent={RouterDomLink}
        to={`/${slug}/shop/cart`}
        aria-label={t('mine.payInCartLabel', { what: reservationWhat(item) })}
      >
        {t('mine.payInCart')}
      </RouterLink>
    </Paragraph>
  );
}

function ReservationList(props: {
  items: Reservation[];
  slug: string;
  onCancelled: (message: string) => void;
}) {
  const { items, slug, onCancelled } = props;
  // A season's coming weeks can be cancelled together, from its first listed week.
  const seasonWeeks = (item: Reservation) =>
    item.seriesId ? items.filter((i) => i.seriesId === item.seriesId && i.canCancel) : [];
  const firstOfSeason = (item: Reservation) => seasonWeeks(item)[0]?.id === item.id;
  return (
    <ul className="reservation-list">
      {items.map((item) => (
        <li key={item.id} className="reservation">
          <ReservationSummary item={item} />
          {item.status === 'held' && <PayLink item={item} slug={slug} />}
          {item.canCancel && <CancelControls item={item} slug={slug} onCancelled={onCancelled} />}
          {firstOfSeason(item) && seasonWeeks(item).length > 1 && (
            <div className="season-cancel">
              <SeriesCancel
                seriesId={item.seriesId!}
                weeks={seasonWeeks(item)}
                slug={slug}
                onCancelled={onCancelled}
              />
            </div>
          )}
          {hasCalendar(item) && (
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
  const onCancelled = (message: string) => {
    setNotice(message);
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
