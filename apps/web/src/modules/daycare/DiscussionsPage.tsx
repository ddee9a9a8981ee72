import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button, Heading, Paragraph, RadioButton, RadioButtonGroup } from 'suomifi-ui-components';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDay, formatSpan } from '../bookings/time';
import {
  useBook,
  useCancelBooking,
  useMyDiscussions,
  type MyDiscussion,
} from './discussions.queries';
import './daycare.css';
import './discussions.css';

type Child = MyDiscussion['children'][number];

/** One child's time in a survey: the booked one, and the free ones to book or change to. */
function ChildBooking({
  slug,
  survey,
  child,
}: {
  slug: string;
  survey: MyDiscussion;
  child: Child;
}) {
  const { t } = useTranslation('discussions');
  const language = currentLanguage();
  const book = useBook(slug);
  const cancel = useCancelBooking(slug);
  const [slotId, setSlotId] = useState('');
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState('');
  const resultRef = useRef<HTMLDivElement>(null);
  const booking = child.booking;
  const error = touched && !slotId ? t('guardian.chooseSlot') : undefined;

  const after = (message: string) => {
    setDone(message);
    window.setTimeout(() => resultRef.current?.focus(), 0);
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setDone('');
    const slot = survey.freeSlots.find((s) => s.id === slotId);
    if (!slot || book.isPending) return;
    try {
      await book.mutateAsync([slot.id, child.id]);
      setSlotId('');
      setTouched(false);
      after(
        t('guardian.booked', {
          child: child.firstName,
          time: formatSpan(slot.startsAt, slot.endsAt, language),
        }),
      );
    } catch {
      after('');
    }
  }

  async function onCancel() {
    if (!booking) return;
    setDone('');
    try {
      await cancel.mutateAsync([booking.id]);
      after(t('guardian.cancelled', { child: child.firstName }));
    } catch {
      after('');
    }
  }

  return (
    <div className="discussion-child">
      <Heading variant="h3" as="h3" mb="xs">
        {child.firstName}
      </Heading>
      <div ref={resultRef} tabIndex={-1} className="notice-focus">
        {done && <SuccessAlert>{done}</SuccessAlert>}
        {book.isError && <ErrorAlert error={book.error} />}
        {cancel.isError && <ErrorAlert error={cancel.error} />}
      </div>
      {booking ? (
        <div className="discussion-booking">
          <p className="discussion-booking__time">
            {formatSpan(booking.startsAt, booking.endsAt, language)}
          </p>
          <p>{t('guardian.with', { staff: booking.staffName })}</p>
          {booking.place && <p>{booking.place}</p>}
          {survey.open && (
            <Button variant="secondary" onClick={() => void onCancel()} disabled={cancel.isPending}>
              {t('guardian.cancel', { child: child.firstName })}
            </Button>
          )}
        </div>
      ) : (
        <Paragraph mb="s">{survey.open ? t('guardian.notBooked') : t('guardian.noTime')}</Paragraph>
      )}
      {survey.open && survey.freeSlots.length === 0 && !booking && (
        <Paragraph>{t('guardian.noFreeSlots')}</Paragraph>
      )}
      {survey.open && survey.freeSlots.length > 0 && (
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <RadioButtonGroup
            labelText={
              booking
                ? t('guardian.changeLabel', { child: child.firstName })
                : t('guardian.chooseLabel', { child: child.firstName })
            }
            groupHintText={error}
            className={error ? 'daycare-group--error' : undefined}
            name={`slot-${survey.id}-${child.id}`}
            value={slotId}
            onChange={setSlotId}
            mb="s"
          >
            {survey.freeSlots.map((slot) => (
              <RadioButton
                key={slot.id}
                value={slot.id}
                hintText={[slot.staffName, slot.place].filter(Boolean).join(', ')}
              >
                {formatSpan(slot.startsAt, slot.endsAt, language)}
              </RadioButton>
            ))}
          </RadioButtonGroup>
          <Button type="submit" disabled={book.isPending}>
            {booking ? t('guardian.change') : t('guardian.book')}
          </Button>
        </form>
      )}
    </div>
  );
}

/**
 * The guardian's discussion times (mobile first): each survey concerning their children, a
 * time per child to book, change or cancel until the deadline.
 */
export function DiscussionsPage() {
  const { t } = useTranslation('discussions');
  const language = currentLanguage();
  const { slug } = useMunicipality();
  const discussions = useMyDiscussions(slug);
  usePageTitle(t('guardian.title'));

  return (
    <div className="page daycare discussions">
      <Heading variant="h1" mb="s">
        {t('guardian.title')}
      </Heading>
      <Paragraph mb="s">{t('guardian.intro')}</Paragraph>
      <p>
        <Link to={`/${slug}/daycare/calendar`}>{t('calendar.link')}</Link>
      </p>
      {discussions.isPending && <Loading text={t('loading')} />}
      {discussions.isError && <ErrorAlert error={discussions.error} />}
      {discussions.data?.items.length === 0 && <Paragraph>{t('guardian.none')}</Paragraph>}
      {discussions.data?.items.map((survey) => (
        <section
          key={survey.id}
          aria-labelledby={`survey-${survey.id}`}
          className="form-section discussion-survey"
        >
          <Heading variant="h2" id={`survey-${survey.id}`} mb="xs">
            {survey.title}
          </Heading>
          <p className="discussion-survey__where">
            {survey.unitName}, {survey.groupName}
          </p>
          {survey.description && <Paragraph mb="s">{survey.description}</Paragraph>}
          <p className="discussion-survey__deadline">
            {survey.open
              ? t('guardian.deadline', { day: formatDay(survey.bookingDeadline, language) })
              : t('guardian.closed', { day: formatDay(survey.bookingDeadline, language) })}
          </p>
          {survey.children.map((child) => (
            <ChildBooking key={child.id} slug={slug} survey={survey} child={child} />
          ))}
        </section>
      ))}
    </div>
  );
}
