import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { MyDaycare } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { absenceEntries, formatDays, fullName, type AbsenceEntry } from './format';
import { useCancelAbsences, useMyAbsences } from './queries';

/**
 * The children's reported absences from today on, one entry per report and child. The days
 * that can still be cancelled (after today, or today before the cut-off) are cancelled with
 * one button; a day that can no longer be cancelled says so.
 */
export function UpcomingAbsences({ slug, daycare }: { slug: string; daycare: MyDaycare }) {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const absences = useMyAbsences(slug);
  const cancel = useCancelAbsences(slug);
  const [done, setDone] = useState('');
  const noticeRef = useRef<HTMLDivElement>(null);
  const nameOf = (childId: string) => {
    const child = daycare.children.find((c) => c.id === childId);
    return child ? fullName(child) : '';
  };
  const describe = (entry: AbsenceEntry) =>
    `${nameOf(entry.childId)}, ${formatDays(entry.from, entry.to, language)}`;

  const cancelText = (entry: AbsenceEntry) =>
    entry.cancellable.length < entry.days
      ? t('upcoming.cancelRest', { count: entry.cancellable.length })
      : t('upcoming.cancel');

  async function onCancel(entry: AbsenceEntry) {
    setDone('');
    try {
      await cancel.mutateAsync(entry.cancellable);
      setDone(t('upcoming.cancelled', { what: describe(entry) }));
    } catch {
      // shown below the heading
    }
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  }

  const entries = absenceEntries(absences.data?.items ?? []);
  return (
    <section aria-labelledby="upcoming-heading" className="form-section">
      <Heading variant="h2" id="upcoming-heading" mb="s">
        {t('upcoming.heading')}
      </Heading>
      <div ref={noticeRef} tabIndex={-1} className="notice-focus">
        {done && <SuccessAlert>{done}</SuccessAlert>}
        {cancel.isError && <ErrorAlert error={cancel.error} />}
      </div>
      {absences.isPending && <Loading text={t('loading')} />}
      {absences.isError && <ErrorAlert error={absences.error} />}
      {absences.isSuccess && entries.length === 0 && <Paragraph>{t('upcoming.empty')}</Paragraph>}
      {entries.length > 0 && (
        <ul className="absence-list">
          {entries.map((entry) => (
            <li key={entry.key} className="absence-entry">
              <p className="absence-entry__who">{nameOf(entry.childId)}</p>
              <p>
                {formatDays(entry.from, entry.to, language)}
                {entry.days > 1 && ` (${t('upcoming.days', { count: entry.days })})`}
              </p>
              <p>
                <span className={`absence-category absence-category--${entry.category}`}>
                  {t(`category.${entry.category}`)}
                </span>
                {entry.note && <span className="absence-entry__note"> – {entry.note}</span>}
              </p>
              {entry.byStaff && <p className="absence-entry__by">{t('upcoming.byStaff')}</p>}
              {entry.cancellable.length > 0 ? (
                <Button
                  variant="secondary"
                  aria-label={`${cancelText(entry)}: ${describe(entry)}`}
                  disabled={cancel.isPending}
                  onClick={() => void onCancel(entry)}
                >
                  {cancelText(entry)}
                </Button>
              ) : (
                <p className="absence-entry__locked">{t('upcoming.locked')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
