import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import {
  Button,
  Heading,
  IconArrowLeft,
  IconArrowRight,
  Paragraph,
  RouterLink,
} from 'suomifi-ui-components';
import type { ResourceDetails } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { BookingForm } from './BookingForm';
import { useAvailability } from './queries';
import { buildSlots, type Slot } from './slots';
import { addDays, formatClock, formatDay, mondayOf, todayLocal } from './time';
import { WeekCalendar } from './WeekCalendar';

interface Props {
  slug: string;
  resource: ResourceDetails;
  signedIn: boolean;
}

/** Week navigation, the free/busy calendar and, for signed-in people, the booking form. */
export function BookingPanel({ slug, resource, signedIn }: Props) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const thisWeek = mondayOf(todayLocal());
  const [from, setFrom] = useState(thisWeek);
  const [selected, setSelected] = useState<number | null>(null);
  const availability = useAvailability(slug, resource.id, from);
  const data = availability.data?.from === from ? availability.data : undefined;

  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(from, i)), [from]);
  const slots = useMemo(
    () => (data ? buildSlots(data, resource, Date.now()) : []),
    [data, resource],
  );
  // The chosen start stays chosen only while it is still free (others may book meanwhile).
  const selectedSlot: Slot | null =
    slots.find((s) => s.start === selected && s.state === 'free') ?? null;
  const lastBookable = addDays(todayLocal(), resource.slot.bookAheadDays);
  const to = addDays(from, 6);
  const weekText = t('calendar.week', {
    from: formatDay(from, language),
    to: formatDay(to, language),
  });

  function goTo(week: string) {
    setSelected(null);
    setFrom(week);
  }

  const loginTo = `/${slug}/login?returnTo=${encodeURIComponent(`/${slug}/facilities/${resource.id}`)}`;
  return (
    <>
      <section aria-labelledby="calendar-heading" className="form-section">
        <Heading variant="h2" id="calendar-heading" mb="s">
          {t('calendar.heading')}
        </Heading>
        <Paragraph mb="s">{t('calendar.intro')}</Paragraph>
        {signedIn ? (
          <a href="#book" className="skip-calendar">
            {t('calendar.skip')}
          </a>
        ) : (
          <Paragraph mb="s">
            <RouterLink asComponent={RouterDomLink} to={loginTo}>
              {t('calendar.loginToBook')}
            </RouterLink>
          </Paragraph>
        )}
        <div className="week-nav">
          <Button
            variant="secondary"
            icon={<IconArrowLeft />}
            disabled={from <= thisWeek}
            onClick={() => goTo(addDays(from, -7))}
          >
            {t('calendar.previous')}
          </Button>
          <p className="week-nav__label" role="status">
            {weekText}
          </p>
          <Button
            variant="secondary"
            iconRight={<IconArrowRight />}
            disabled={from > lastBookable}
            onClick={() => goTo(addDays(from, 7))}
          >
            {t('calendar.next')}
          </Button>
        </div>
        {availability.isError && <ErrorAlert error={availability.error} />}
        {!data && !availability.isError && <Loading text={t('calendar.loading')} />}
        {data && (
          <>
            {slots.length === 0 && <Paragraph mb="s">{t('calendar.noSlots')}</Paragraph>}
            {slots.length > 0 && (
              <WeekCalendar
                days={days}
                slots={slots}
                selected={selectedSlot?.start ?? null}
                onSelect={signedIn ? (slot) => setSelected(slot.start) : undefined}
                caption={t('calendar.caption', { week: weekText })}
              />
            )}
          </>
        )}
        <p className="visually-hidden" role="status">
          {selectedSlot
            ? t('calendar.selectedStatus', {
                day: formatDay(selectedSlot.date, language),
                time: formatClock(selectedSlot.time, language),
              })
            : ''}
        </p>
      </section>
      {signedIn && (
        <BookingForm
          slug={slug}
          resource={resource}
          slot={selectedSlot}
          onBooked={() => setSelected(null)}
        />
      )}
    </>
  );
}
