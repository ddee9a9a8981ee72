import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { GroupDay, GroupDayChild } from '../../api/client';
import { ErrorAlert, SuccessAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { formatMoment } from '../bookings/time';
import { formatDays, fullName } from './format';
import { useCancelGroupAbsence } from './queries';
import { StaffAbsenceForm } from './StaffAbsenceForm';

type Upcoming = GroupDayChild['upcoming'];

/** A child's coming absences with runs of one reason on consecutive dates joined. */
function runs(upcoming: Upcoming) {
  const list: { from: string; to: string; category: Upcoming[number]['category'] }[] = [];
  for (const a of upcoming) {
    const last = list.at(-1);
    const gap = last ? (Date.parse(a.date) - Date.parse(last.to)) / 86_400_000 : Infinity;
    // A weekend between two days of one holiday does not split it.
    if (last && last.category === a.category && gap <= 3) last.to = a.date;
    else list.push({ from: a.date, to: a.date, category: a.category });
  }
  return list;
}

/**
 * The day of one group: counts, the absent with their reasons, the present, what is coming.
 * The group's staff record a present child absent, or remove an absence, from today on.
 */
export function GroupDayView({ slug, day }: { slug: string; day: GroupDay }) {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const absent = day.children.filter((c) => c.absence);
  const present = day.children.filter((c) => !c.absence);
  const coming = day.children.filter((c) => c.upcoming.length > 0);
  const [recording, setRecording] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const noticeRef = useRef<HTMLDivElement>(null);
  const cancel = useCancelGroupAbsence(slug, day.group.id);
  const canRecord = day.canRecord && day.operationDay;
  const say = (text: string) => {
    setDone(text);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };

  return (
    <div className="group-day">
      {!day.operationDay && <Paragraph mb="m">{t('staff.closed')}</Paragraph>}
      <dl className="day-summary">
        <div>
          <dt>{t('staff.children')}</dt>
          <dd>{day.children.length}</dd>
        </div>
        {day.operationDay && (
          <>
            <div>
              <dt>{t('staff.present')}</dt>
              <dd>{present.length}</dd>
            </div>
            <div>
              <dt>{t('staff.absent')}</dt>
              <dd>{absent.length}</dd>
            </div>
          </>
        )}
      </dl>
      <div ref={noticeRef} tabIndex={-1} className="notice-focus">
        {done && <SuccessAlert>{done}</SuccessAlert>}
        {cancel.isError && <ErrorAlert error={cancel.error} />}
      </div>
      {day.operationDay && (
        <>
          <section aria-labelledby="absent-heading" className="form-section">
            <Heading variant="h3" as="h3" id="absent-heading" mb="xs">
              {t('staff.absentHeading', { count: absent.length })}
            </Heading>
            {absent.length === 0 ? (
              <Paragraph>{t('staff.noneAbsent')}</Paragraph>
            ) : (
              <ul className="day-list">
                {absent.map((c) => (
                  <li key={c.id} className="day-child day-child--absent">
                    <p className="day-child__name">{fullName(c)}</p>
                    <p>
                      <span className={`absence-category absence-category--${c.absence!.category}`}>
                        {t(`category.${c.absence!.category}`)}
                      </span>
                      {c.absence!.note && (
                        <span className="day-child__note"> – {c.absence!.note}</span>
                      )}
                    </p>
                    <p className="day-child__meta">
                      {t('staff.reported', {
                        name: c.absence!.reportedBy,
                        time: formatMoment(c.absence!.reportedAt, language),
                      })}
                      {c.absence!.byStaff && ` ${t('staffAbsence.byStaff')}`}
                    </p>
                    {canRecord && (
                      <Button
                        variant="secondary"
                        aria-label={t('staffAbsence.removeFor', { name: fullName(c) })}
                        disabled={cancel.isPending}
                        onClick={() =>
                          cancel.mutate(c.absence!.id, {
                            onSuccess: () => say(t('staffAbsence.removed', { name: fullName(c) })),
                          })
                        }
                      >
                        {t('staffAbsence.remove')}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="present-heading" className="form-section">
            <Heading variant="h3" as="h3" id="present-heading" mb="xs">
              {t('staff.presentHeading', { count: present.length })}
            </Heading>
            {present.length === 0 ? (
              <Paragraph>{t('staff.nonePresent')}</Paragraph>
            ) : (
              <ul className={canRecord ? 'day-list' : 'day-list day-list--compact'}>
                {present.map((c) => (
                  <li key={c.id} className="day-child">
                    <div className="day-child__row">
                      <span>{fullName(c)}</span>
                      {canRecord && (
                        <Button
                          variant="secondaryNoBorder"
                          aria-expanded={recording === c.id}
                          aria-label={t('staffAbsence.recordFor', { name: fullName(c) })}
                          onClick={() => setRecording(recording === c.id ? null : c.id)}
                        >
                          {t('staffAbsence.record')}
                        </Button>
                      )}
                    </div>
                    {recording === c.id && (
                      <StaffAbsenceForm
                        slug={slug}
                        groupId={day.group.id}
                        date={day.date}
                        child={c}
                        onDone={(text) => {
                          setRecording(null);
                          say(text);
                        }}
                        onCancel={() => setRecording(null)}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <section aria-labelledby="coming-heading" className="form-section">
        <Heading variant="h3" as="h3" id="coming-heading" mb="xs">
          {t('staff.upcomingHeading')}
        </Heading>
        {coming.length === 0 ? (
          <Paragraph>{t('staff.noneUpcoming')}</Paragraph>
        ) : (
          <ul className="day-list">
            {coming.map((c) => (
              <li key={c.id} className="day-child">
                <p className="day-child__name">{fullName(c)}</p>
                <ul className="day-child__upcoming">
                  {runs(c.upcoming).map((r) => (
                    <li key={r.from}>
                      {formatDays(r.from, r.to, language)}: {t(`category.${r.category}`)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
