import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert, Paragraph, Textarea } from 'suomifi-ui-components';
import type { Course } from '../../api/client';
import { ErrorAlert, SuccessAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../shop/money';
import { formatDateTimeLong } from './format';
import { useCancelCourse } from './queries';

/**
 * Cancel the whole course in one action: staff write the reason the guardians are told, then
 * confirm. The API ends every registration in one transaction and refunds paid fees in full;
 * the result says how many registrations ended and how much goes back. A cancelled course
 * shows when and why instead of the form.
 */
export function CourseCancel({ slug, course }: { slug: string; course: Course }) {
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  const cancel = useCancelCourse(slug, course.id);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  // The button pressed goes away: keyboard focus moves to the confirmation.
  useEffect(() => {
    if (confirming) confirmRef.current?.querySelector('button')?.focus();
  }, [confirming]);
  const name = course.name[language];
  const reasonError = touched && !reason.trim() ? t('admin.cancelReasonRequired') : undefined;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!reason.trim()) return;
    setConfirming(true);
  }

  async function onConfirm() {
    if (cancel.isPending) return;
    try {
      const done = await cancel.mutateAsync(reason.trim());
      setResult(
        t('admin.courseCancelled', {
          name,
          count: done.cancelledRegistrations,
          amount: formatMoney(done.refundedCents, language),
        }),
      );
      window.setTimeout(() => resultRef.current?.focus(), 0);
    } catch {
      setConfirming(false); // shown by cancel.isError
    }
  }

  return (
    <section aria-labelledby="course-cancel-heading" className="form-section">
      <Heading variant="h2" id="course-cancel-heading" mb="s">
        {t('admin.cancelHeading')}
      </Heading>
      <div ref={resultRef} tabIndex={-1} className="notice-focus">
        {result && <SuccessAlert>{result}</SuccessAlert>}
      </div>
      {course.cancelledAt ? (
        <InlineAlert
          status="warning"
          labelText={t('admin.cancelledAt', {
            time: formatDateTimeLong(course.cancelledAt, language),
          })}
          mb="m"
        >
          {t('admin.cancelledReason', { reason: course.cancelReason ?? '' })}
        </InlineAlert>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Paragraph mb="s">{t('admin.cancelIntro')}</Paragraph>
          {cancel.isError && <ErrorAlert error={cancel.error} />}
          <Textarea
            labelText={t('admin.cancelReason')}
            hintText={t('admin.cancelReasonHint')}
            value={reason}
            maxLength={1000}
            onChange={(event) => {
              setReason(event.target.value);
              setConfirming(false);
            }}
            status={reasonError ? 'error' : 'default'}
            statusText={reasonError}
            fullWidth
            mb="s"
          />
          {!confirming ? (
            <Button type="submit" variant="secondary">
              {t('admin.cancelCourse')}
            </Button>
          ) : (
            <div
              ref={confirmRef}
              className="button-row"
              role="group"
              aria-label={t('admin.cancelConfirmGroup')}
            >
              <Button disabled={cancel.isPending} onClick={() => void onConfirm()}>
                {t('admin.cancelConfirm', { name })}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('admin.cancelKeep')}
              </Button>
            </div>
          )}
        </form>
      )}
    </section>
  );
}
