import { useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { Course, CourseQueue } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { currentLanguage, type Language } from '../../i18n';
import { serverOffset, useCalmAnnouncement, useNow } from './clock';
import { formatCountdown, minutesUntil, formatWhen } from './format';
import { useCourseQueue, useJoinQueue } from './queries';
import { RegistrationForm } from './RegistrationForm';

/**
 * out: not in the queue; room: waiting for the draw at the opening; drawing: the opening has
 * come and the place is being drawn; queue: a place, waiting for the turn; admitted: may
 * register now; passed: the time to register went by.
 */
type Phase = 'out' | 'room' | 'drawing' | 'queue' | 'admitted' | 'passed';

function phaseOf(queue: CourseQueue | undefined, serverNow: number): Phase {
  if (!queue?.joined) return 'out';
  if (queue.state === 'passed') return 'passed';
  if (queue.state === 'admitted') {
    const until = queue.admittedUntil ? Date.parse(queue.admittedUntil) : Infinity;
    return serverNow >= until ? 'passed' : 'admitted';
  }
  if (queue.place === null) return serverNow < Date.parse(queue.opensAt) ? 'room' : 'drawing';
  return 'queue';
}

/**
 * How many of those before the person are still waiting for their turn. The API's `ahead`
 * counts every smaller place, also those already admitted, so it stays put while the queue
 * moves; the queue is admitted steadily at admitPerMinute, so the places still between the
 * current turn and the person's own follow from the time left to their admittedAt.
 */
export function stillAhead(q: CourseQueue, serverNow: number): number {
  if (q.ahead === null || !q.admittedAt) return q.ahead ?? 0;
  const left = Date.parse(q.admittedAt) - serverNow;
  return Math.max(0, Math.min(q.ahead, Math.ceil((left * q.admitPerMinute) / 60_000)));
}

/** The short message a screen reader hears when the waiting room changes. */
function liveMessage(
  phase: Phase,
  q: CourseQueue | undefined,
  serverNow: number,
  t: TFunction<'courses'>,
  language: Language,
) {
  if (!q) return '';
  const at = (iso: string | null) => (iso ? formatWhen(iso, language) : '');
  switch (phase) {
    case 'out':
      return '';
    case 'room':
      return t('queue.live.room', { time: at(q.opensAt) });
    case 'drawing':
      return t('queue.live.drawing');
    case 'queue':
      return t('queue.live.place', { place: q.place, count: stillAhead(q, serverNow) });
    case 'admitted':
      return t('queue.live.admitted', { time: at(q.admittedUntil) });
    case 'passed':
      return t('queue.live.passed');
  }
}

/**
 * The fair queue of a course: entering the waiting room before the opening, the countdown to
 * the draw, then the person's drawn place, how many are ahead, how fast the queue moves and
 * when their turn comes — polled every few seconds — and, on their turn, the registration
 * form with its deadline. A polite live region tells about changes, at most twice a minute
 * for a moving place.
 */
export function WaitingRoom({ course, slug }: { course: Course; slug: string }) {
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  const queue = useCourseQueue(slug, course.id, course.registration !== 'closed');
  const join = useJoinQueue(slug, course.id);
  const stateRef = useRef<HTMLDivElement>(null);
  const q = queue.data;
  const ticking = Boolean(q?.joined) && q?.state !== 'passed';
  const now = useNow(1000, ticking);
  const serverNow = now + serverOffset(q?.serverTime, queue.dataUpdatedAt);
  const phase = phaseOf(q, serverNow);
  const announcement = useCalmAnnouncement(liveMessage(phase, q, serverNow, t, language), phase);
  const at = (iso: string | null) => (iso ? formatWhen(iso, language) : '');

  async function onJoin() {
    if (join.isPending) return;
    try {
      await join.mutateAsync();
    } catch {
      return; // shown by join.isError
    }
    // The button is gone: the keyboard continues from the waiting room's state.
    window.setTimeout(() => stateRef.current?.focus(), 0);
  }

  const beforeOpening = serverNow < Date.parse(course.registrationOpensAt);
  return (
    <div className="waiting-room">
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {queue.isPending && <Loading text={t('loading')} />}
      {queue.isError && <ErrorAlert error={queue.error} />}
      {q && phase === 'out' && (
        <>
          <Paragraph mb="s">
            {beforeOpening
              ? t('queue.introBefore', { time: at(course.registrationOpensAt) })
              : t('queue.introAfter')}
          </Paragraph>
          {beforeOpening && <Paragraph mb="s">{t('queue.noHurry')}</Paragraph>}
          {join.isError && <ErrorAlert error={join.error} />}
          <Button disabled={join.isPending} onClick={() => void onJoin()}>
            {beforeOpening ? t('queue.enter') : t('queue.joinEnd')}
          </Button>
        </>
      )}
      <div
        ref={stateRef}
        tabIndex={-1}
        className={`waiting-room__state waiting-room__state--${phase}`}
      >
        {phase === 'room' && q && (
          <>
            <Heading variant="h3" mb="s">
              {t('queue.roomHeading')}
            </Heading>
            <p className="waiting-room__countdown">
              {t('queue.countdown', {
                left: formatCountdown(Date.parse(q.opensAt) - serverNow, t('queue.dayUnit')),
                time: at(q.opensAt),
              })}
            </p>
            <Paragraph mb="s">{t('queue.noHurryInside')}</Paragraph>
            <Paragraph mb="s">{t('queue.inRoom', { count: q.inQueue })}</Paragraph>
            <Paragraph>{t('queue.keepOpen')}</Paragraph>
          </>
        )}
        {phase === 'drawing' && (
          <>
            <Heading variant="h3" mb="s">
              {t('queue.drawingHeading')}
            </Heading>
            <Paragraph>{t('queue.drawing')}</Paragraph>
          </>
        )}
        {phase === 'queue' && q && (
          <>
            <Heading variant="h3" mb="s">
              {t('queue.queueHeading')}
            </Heading>
            <dl className="queue-facts">
              <div className="queue-facts__place">
                <dt>{t('queue.place')}</dt>
                <dd>{q.place}</dd>
              </div>
              <div>
                <dt>{t('queue.ahead')}</dt>
                <dd>{stillAhead(q, serverNow)}</dd>
              </div>
              <div>
                <dt>{t('queue.speed')}</dt>
                <dd>{t('queue.speedValue', { count: q.admitPerMinute })}</dd>
              </div>
              {q.admittedAt && (
                <div className="queue-facts__eta">
                  <dt>{t('queue.eta')}</dt>
                  <dd>
                    {t('queue.etaValue', {
                      count: minutesUntil(Date.parse(q.admittedAt) - serverNow),
                      time: at(q.admittedAt),
                    })}
                  </dd>
                </div>
              )}
            </dl>
            <Paragraph>{t('queue.keepOpen')}</Paragraph>
          </>
        )}
        {phase === 'admitted' && q && (
          <>
            <Heading variant="h3" mb="s">
              {t('queue.admittedHeading')}
            </Heading>
            <Paragraph mb="s">
              {q.place !== null && t('queue.yourPlaceWas', { place: q.place })}{' '}
              {t('queue.admittedUntil', {
                time: at(q.admittedUntil),
                left: formatCountdown(
                  Date.parse(q.admittedUntil ?? '') - serverNow,
                  t('queue.dayUnit'),
                ),
              })}
            </Paragraph>
          </>
        )}
        {phase === 'passed' && q && (
          <>
            <Heading variant="h3" mb="s">
              {t('queue.passedHeading')}
            </Heading>
            <Paragraph mb="s">{t('queue.passed', { time: at(q.admittedUntil) })}</Paragraph>
            {course.registration === 'open' && (
              <Button onClick={() => void onJoin()} disabled={join.isPending}>
                {t('queue.rejoin')}
              </Button>
            )}
            {join.isError && <ErrorAlert error={join.error} />}
          </>
        )}
      </div>
      {phase === 'admitted' && <RegistrationForm course={course} slug={slug} />}
    </div>
  );
}
