import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useNavigate } from 'react-router-dom';
import {
  Button,
  Checkbox,
  Dropdown,
  DropdownItem,
  Heading,
  InlineAlert,
  Paragraph,
  RouterLink,
  TextInput,
} from 'suomifi-ui-components';
import type { Reservation, ResourceDetails } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { BuyerChooser } from '../organisations/BuyerChooser';
import { useBuyer } from '../organisations/buyer';
import { formatMoney } from '../shop/money';
import type { HeldBookingNotice } from '../shop/CartPage';
import { bookingPriceCents, HOLD_MINUTES } from './price';
import { useCreateReservation, useCreateSeries, useResource } from './queries';
import { AccessPin } from './ReservationSummary';
import { RepeatWeekly, seasonWeeks } from './RepeatWeekly';
import { SeriesResult } from './SeriesResult';
import type { Slot } from './slots';
import { formatDay, formatDuration, formatMoment, formatSpan, formatTime } from './time';

const MINUTE = 60_000;

interface Props {
  slug: string;
  resource: ResourceDetails;
  slot: Slot | null;
  onBooked: () => void;
}

/**
 * Who books (oneself or an organisation one acts for: its prices, its cart), length, once or
 * every week until a day, purpose and attendees for the chosen start, then "Book". A priced
 * facility shows the price of the chosen length for the chosen buyer; its booking (or season)
 * comes back held and the booker goes on to the cart to pay for it (the button says so).
 */
export function BookingForm({ slug, resource, slot, onBooked }: Props) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const navigate = useNavigate();
  const { organisationId, organisation } = useBuyer(slug);
  const priced = useResource(slug, resource.id, organisationId);
  const create = useCreateReservation(slug);
  const series = useCreateSeries(slug);
  const [length, setLength] = useState('');
  const [purpose, setPurpose] = useState('');
  const [attendees, setAttendees] = useState('');
  const [weekly, setWeekly] = useState(false);
  const [until, setUntil] = useState('');
  const [touched, setTouched] = useState(false);
  const [acceptedTerms, setAcceptedTerms] = useState(false);
  const terms = resource.terms;
  const termsMissing = terms !== null && !acceptedTerms;
  const resultRef = useRef<HTMLDivElement>(null);

  const lengths = slot?.lengths ?? [];
  const chosen = lengths.includes(Number(length)) ? Number(length) : lengths[0];
  // The buyer's own hourly price: a person's group, or the organisation's.
  const hourly = (organisationId ? priced.data : resource)?.pricePerHourCents ?? null;
  const isPriced = hourly !== null && hourly > 0;
  const payNow = isPriced && resource.bookingMode === 'instant';
  const weekPrice = hourly !== null && chosen !== undefined ? bookingPriceCents(hourly, chosen) : 0;
  const attendeeCount = Number(attendees.trim());
  const attendeesInvalid =
    attendees.trim() !== '' &&
    (!Number.isInteger(attendeeCount) || attendeeCount < 1 || attendeeCount > resource.capacity);
  const pending = create.isPending || series.isPending;

  // A new start slot begins a new booking: forget the previous result.
  const { reset } = create;
  const { reset: resetSeries } = series;
  const slotStart = slot?.start;
  useEffect(() => {
    if (slotStart !== undefined) {
      reset();
      resetSeries();
    }
  }, [slotStart, reset, resetSeries]);

  function toCart(what: string, heldUntil: string) {
    const state: HeldBookingNotice = {
      heldBooking: { what, until: formatMoment(heldUntil, language) },
    };
    void navigate(`/${slug}/shop/cart`, { state });
  }

  function done() {
    setPurpose('');
    setAttendees('');
    setLength('');
    setWeekly(false);
    setAcceptedTerms(false);
    setTouched(false);
    onBooked();
    // The form under the button is gone: take keyboard focus to the result.
    window.setTimeout(() => resultRef.current?.focus(), 0);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!slot || !chosen || attendeesInvalid || termsMissing || pending) return;
    if (weekly && seasonWeeks(slot.date, until) === null) return;
    const body = {
      resourceId: resource.id,
      start: new Date(slot.start).toISOString(),
      end: new Date(slot.start + chosen * MINUTE).toISOString(),
      ...(purpose.trim() ? { purpose: purpose.trim() } : {}),
      ...(attendees.trim() ? { attendees: attendeeCount } : {}),
      ...(organisationId ? { organisationId } : {}),
      // The version the booker read: if staff changed the terms meanwhile, the API says so.
      ...(terms ? { termsVersion: terms.version } : {}),
    };
    if (weekly) {
      series.mutate(
        { ...body, until },
        {
          onSuccess: (result) => {
            const first = result.booked[0];
            if (result.heldUntil && first) {
              const what = t('series.what', {
                resource: first.resourceName[language],
                count: result.booked.length,
              });
              toCart(what, result.heldUntil);
            } else done();
          },
        },
      );
      return;
    }
    create.mutate(body, {
      onSuccess: (booked: Reservation) => {
        if (booked.status === 'held' && booked.heldUntil) {
          toCart(
            `${booked.resourceName[language]} ${formatSpan(booked.start, booked.end, language)}`,
            booked.heldUntil,
          );
        } else done();
      },
    });
  }

  const booked = create.data;
  return (
    <section aria-labelledby="book-heading" className="form-section booking-form" id="book">
      <Heading variant="h2" id="book-heading" mb="s">
        {t('book.heading')}
      </Heading>
      <div ref={resultRef} tabIndex={-1} className="booking-form__result">
        {booked && (
          <InlineAlert
            status="neutral"
            role="status"
            labelText={booked.status === 'confirmed' ? t('book.confirmed') : t('book.requested')}
            mb="m"
          >
            <Paragraph mb="xs">
              {t('book.summary', {
                resource: booked.resourceName[language],
                time: formatSpan(booked.start, booked.end, language),
              })}
            </Paragraph>
            {booked.status === 'requested' && booked.priceCents > 0 && (
              <Paragraph mb="xs">
                {t('book.payAfterApproval', {
                  price: formatMoney(booked.priceCents, language),
                })}
              </Paragraph>
            )}
            {booked.access && (
              <dl className="facts">
                <AccessPin access={booked.access} />
              </dl>
            )}
            <RouterLink asComponent={RouterDomLink} to={`/${slug}/bookings/mine`}>
              {t('book.myBookings')}
            </RouterLink>
          </InlineAlert>
        )}
        {series.data && !series.data.heldUntil && <SeriesResult result={series.data} slug={slug} />}
      </div>
      {create.isError && <ErrorAlert error={create.error} />}
      {series.isError && <ErrorAlert error={series.error} />}
      <BuyerChooser slug={slug} label={t('book.bookAs')} />
      {hourly === null ? (
        <Paragraph>
          {organisation
            ? t('book.notForOrganisation', { name: organisation.name })
            : t('book.notForYou')}
        </Paragraph>
      ) : !slot ? (
        <Paragraph>{t('book.pickFirst')}</Paragraph>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Paragraph mb="m">
            <strong>{t('book.start')}:</strong>{' '}
            {t('book.startValue', {
              day: formatDay(slot.date, language),
              time: formatTime(slot.start, language),
            })}
          </Paragraph>
          <Dropdown<string>
            labelText={t('book.length')}
            value={String(chosen)}
            onChange={setLength}
            mb="m"
          >
            {lengths.map((minutes) => (
              <DropdownItem key={minutes} value={String(minutes)}>
                {t('book.lengthOption', {
                  duration: formatDuration(minutes),
                  from: formatTime(slot.start, language),
                  to: formatTime(slot.start + minutes * MINUTE, language),
                })}
              </DropdownItem>
            ))}
          </Dropdown>
          {isPriced && chosen !== undefined && (
            // Says the new price when another length or buyer is chosen.
            <p className="booking-form__price" aria-live="polite">
              <strong>{t('book.price')}:</strong>{' '}
              {t('book.priceValue', {
                price: formatMoney(weekPrice, language),
                hourly: t('facility.hourly', { price: formatMoney(hourly, language) }),
              })}
            </p>
          )}
          <RepeatWeekly
            weekly={weekly}
            onWeekly={setWeekly}
            firstDate={slot.date}
            until={until}
            onUntil={setUntil}
            weekPriceCents={isPriced ? weekPrice : null}
            showErrors={touched}
          />
          <TextInput
            labelText={t('book.purpose')}
            optionalText={t('optional')}
            hintText={t('book.purposeHint')}
            value={purpose}
            maxLength={500}
            onChange={(v) => setPurpose(String(v ?? ''))}
            fullWidth
            mb="m"
          />
          <TextInput
            labelText={t('book.attendees')}
            optionalText={t('optional')}
            hintText={t('book.attendeesHint', { count: resource.capacity })}
            inputMode="numeric"
            value={attendees}
            onChange={(v) => setAttendees(String(v ?? ''))}
            status={touched && attendeesInvalid ? 'error' : 'default'}
            statusText={
              touched && attendeesInvalid
                ? t('book.invalidAttendees', { count: resource.capacity })
                : undefined
            }
            mb="m"
          />
          {resource.bookingMode === 'approval' && (
            <Paragraph mb="m">{t('book.approvalNote')}</Paragraph>
          )}
          {payNow && <Paragraph mb="m">{t('book.payNote', { count: HOLD_MINUTES })}</Paragraph>}
          {terms && (
            <div className="booking-form__terms">
              <Checkbox
                checked={acceptedTerms}
                onClick={({ checkboxState }) => setAcceptedTerms(checkboxState)}
                hintText={t('terms.acceptHint')}
                status={touched && termsMissing ? 'error' : 'default'}
                statusText={touched && termsMissing ? t('terms.acceptRequired') : undefined}
              >
                {t('terms.accept')}
              </Checkbox>
              <a href="#terms" className="booking-form__terms-link">
                {t('terms.read')}
              </a>
            </div>
          )}
          {isPriced && (
            <Paragraph mb="m">
              {t('facility.cancellation', { count: resource.cancelFreeHours })}
            </Paragraph>
          )}
          <Button type="submit" disabled={pending}>
            {weekly
              ? t(payNow ? 'series.submitAndPay' : 'series.submit')
              : payNow
                ? t('book.submitAndPay')
                : t('book.submit')}
          </Button>
        </form>
      )}
    </section>
  );
}
