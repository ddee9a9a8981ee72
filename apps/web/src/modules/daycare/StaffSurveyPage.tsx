import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDay, formatSpan } from '../bookings/time';
import { useSession } from '../platform/queries';
import {
  useAddSeries,
  useCancelSlot,
  useRemind,
  useStaffSurvey,
  type StaffSurvey,
} from './discussions.queries';
import { checkSeries, emptySeries, SlotSeriesFields } from './SlotSeriesFields';
import { SlotEditForm } from './SlotEditForm';
import './daycare.css';
import './discussions.css';

function AddSlots({
  slug,
  survey,
  personId,
}: {
  slug: string;
  survey: StaffSurvey;
  personId: string;
}) {
  const { t } = useTranslation('discussions');
  const add = useAddSeries(slug, survey.id);
  const [draft, setDraft] = useState(
    emptySeries(
      survey.staff.some((s) => s.id === personId) ? personId : (survey.staff[0]?.id ?? ''),
    ),
  );
  const [touched, setTouched] = useState(false);
  const checked = checkSeries(draft, t);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!checked.series || add.isPending) return;
    try {
      await add.mutateAsync([checked.series]);
      setTouched(false);
      setDraft({ ...draft, day: '' });
    } catch {
      // Shown below.
    }
  }

  return (
    <section aria-labelledby="add-slots-heading" className="form-section">
      <Heading variant="h2" id="add-slots-heading" mb="s">
        {t('detail.addSlots')}
      </Heading>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <SlotSeriesFields
          draft={draft}
          onChange={setDraft}
          staff={survey.staff}
          errors={touched ? checked.errors : {}}
        />
        {add.isError && <ErrorAlert error={add.error} />}
        <Button type="submit" disabled={add.isPending}>
          {t('detail.addSubmit')}
        </Button>
      </form>
    </section>
  );
}

/**
 * A survey for its unit's staff: the slots by time with who booked them (cancel a free slot,
 * or a booked one, which tells the guardians), who has not booked (remind them with one
 * click), and more slots.
 */
export function StaffSurveyPage() {
  const { t } = useTranslation('discussions');
  const language = currentLanguage();
  const { slug } = useMunicipality();
  const { surveyId = '' } = useParams();
  const survey = useStaffSurvey(slug, surveyId);
  const session = useSession(slug);
  const cancel = useCancelSlot(slug);
  const remind = useRemind(slug, surveyId);
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState('');
  const noticeRef = useRef<HTMLDivElement>(null);
  usePageTitle(survey.data?.title ?? t('staff.title'));

  const tell = (message: string) => {
    setNotice(message);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };

  async function onCancel(slotId: string, booked: boolean) {
    if (booked && !window.confirm(t('detail.confirmCancelBooked'))) return;
    setNotice('');
    try {
      await cancel.mutateAsync([slotId]);
      tell(booked ? t('detail.cancelledBooked') : t('detail.cancelled'));
    } catch {
      tell('');
    }
  }

  async function onRemind() {
    setNotice('');
    try {
      const result = await remind.mutateAsync([]);
      tell(t('detail.reminded', { count: result.guardians }));
    } catch {
      tell('');
    }
  }

  if (survey.isPending) return <Loading text={t('loading')} />;
  if (survey.isError) {
    return (
      <div className="page daycare">
        <ErrorAlert error={survey.error} />
      </div>
    );
  }
  const s = survey.data;
  return (
    <div className="page daycare staff-survey">
      <p>
        <Link to={`/${slug}/daycare/staff/discussions`}>{t('detail.back')}</Link>
      </p>
      <Heading variant="h1" mb="s">
        {s.title}
      </Heading>
      <p className="discussion-survey__where">
        {s.unit.name}, {s.group.name}
      </p>
      {s.description && <Paragraph mb="s">{s.description}</Paragraph>}
      <p className="discussion-survey__deadline">
        {t('staff.deadline', { day: formatDay(s.bookingDeadline, language) })}
      </p>
      <div ref={noticeRef} tabIndex={-1} className="notice-focus">
        {notice && <SuccessAlert>{notice}</SuccessAlert>}
        {cancel.isError && <ErrorAlert error={cancel.error} />}
        {remind.isError && <ErrorAlert error={remind.error} />}
      </div>
      <section aria-labelledby="slots-heading" className="form-section">
        <Heading variant="h2" id="slots-heading" mb="s">
          {t('detail.slots', {
            booked: s.slots.filter((sl) => sl.booking).length,
            count: s.slots.length,
          })}
        </Heading>
        {s.slots.length === 0 ? (
          <Paragraph>{t('detail.noSlots')}</Paragraph>
        ) : (
          <ul className="slot-list">
            {s.slots.map((slot) => (
              <li
                key={slot.id}
                className={`slot-entry${slot.booking ? ' slot-entry--booked' : ''}`}
              >
                <p className="slot-entry__time">
                  {formatSpan(slot.startsAt, slot.endsAt, language)}
                </p>
                <p>
                  {slot.staff.name}
                  {slot.place && `, ${slot.place}`}
                </p>
                <p>
                  {slot.booking
                    ? t('detail.bookedFor', { child: slot.booking.child })
                    : t('detail.free')}
                </p>
                {editing === slot.id ? (
                  <SlotEditForm
                    slug={slug}
                    slot={slot}
                    staff={s.staff}
                    onDone={(changed) => {
                      setEditing('');
                      if (changed) tell(t('edit.saved'));
                    }}
                  />
                ) : (
                  <div className="button-row">
                    {!slot.booking && (
                      <Button
                        variant="secondary"
                        onClick={() => setEditing(slot.id)}
                        aria-label={t('edit.label', {
                          time: formatSpan(slot.startsAt, slot.endsAt, language),
                        })}
                      >
                        {t('edit.open')}
                      </Button>
                    )}
                    <Button
                      variant="secondary"
                      disabled={cancel.isPending}
                      onClick={() => void onCancel(slot.id, Boolean(slot.booking))}
                      aria-label={t('detail.cancelLabel', {
                        time: formatSpan(slot.startsAt, slot.endsAt, language),
                      })}
                    >
                      {t('detail.cancel')}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="not-booked-heading" className="form-section">
        <Heading variant="h2" id="not-booked-heading" mb="s">
          {t('detail.notBooked', { count: s.notBooked.length })}
        </Heading>
        {s.notBooked.length === 0 ? (
          <Paragraph>{t('detail.allBooked')}</Paragraph>
        ) : (
          <>
            <ul className="slot-list">
              {s.notBooked.map((c) => (
                <li key={c.id}>{c.name}</li>
              ))}
            </ul>
            <Button onClick={() => void onRemind()} disabled={remind.isPending}>
              {t('detail.remind')}
            </Button>
          </>
        )}
      </section>
      {session.data?.user && <AddSlots slug={slug} survey={s} personId={session.data.user.id} />}
    </div>
  );
}
