import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import type { CourseRegistration } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { useMyRegistrations } from './queries';
import { RegistrationActions } from './RegistrationActions';
import { RegistrationSummary } from './RegistrationSummary';
import './courses.css';

const isActive = (r: CourseRegistration) =>
  r.status === 'held' ||
  r.status === 'confirmed' ||
  r.status === 'waitlisted' ||
  r.status === 'offered';

// Things to act on first: an offer with a deadline, a seat waiting for payment.
const order: Record<CourseRegistration['status'], number> = {
  offered: 0,
  held: 1,
  confirmed: 2,
  waitlisted: 3,
  cancelled: 4,
  expired: 5,
};

function RegistrationList(props: {
  items: CourseRegistration[];
  slug: string;
  onDone: (message: string) => void;
}) {
  const { items, slug, onDone } = props;
  return (
    <ul className="registration-list">
      {items.map((item) => (
        <li key={item.id} className={`registration registration--${item.status}`}>
          <RegistrationSummary item={item} slug={slug} />
          <RegistrationActions item={item} slug={slug} onDone={onDone} />
        </li>
      ))}
    </ul>
  );
}

/** The guardian's course registrations: what to pay, offers to accept, cancelling. */
export function MyRegistrationsPage() {
  const { t } = useTranslation('courses');
  const { slug } = useMunicipality();
  const mine = useMyRegistrations(slug, true);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('mine.title'));

  const onDone = (message: string) => {
    setNotice(message);
    // The registration may move to the other list: keep the keyboard focus on the result.
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };

  const items = [...(mine.data?.items ?? [])].sort((a, b) => order[a.status] - order[b.status]);
  const active = items.filter(isActive);
  const ended = items.filter((r) => !isActive(r));
  return (
    <div className="page">
      <Heading variant="h1" mb="s">
        {t('mine.title')}
      </Heading>
      <Paragraph mb="m">
        {t('mine.intro')}{' '}
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/courses`}>
          {t('mine.findCourse')}
        </RouterLink>
      </Paragraph>
      {mine.isPending && <Loading text={t('loading')} />}
      {mine.isError && <ErrorAlert error={mine.error} />}
      <div ref={noticeRef} tabIndex={-1} className="notice-focus">
        {notice && <SuccessAlert>{notice}</SuccessAlert>}
      </div>
      {mine.data && (
        <>
          <section aria-labelledby="active-heading" className="form-section">
            <Heading variant="h2" id="active-heading" mb="s">
              {t('mine.active')}
            </Heading>
            {active.length ? (
              <RegistrationList items={active} slug={slug} onDone={onDone} />
            ) : (
              <Paragraph>{t('mine.emptyActive')}</Paragraph>
            )}
          </section>
          <section aria-labelledby="ended-heading" className="form-section">
            <Heading variant="h2" id="ended-heading" mb="s">
              {t('mine.ended')}
            </Heading>
            {ended.length ? (
              <RegistrationList items={ended} slug={slug} onDone={onDone} />
            ) : (
              <Paragraph>{t('mine.emptyEnded')}</Paragraph>
            )}
          </section>
        </>
      )}
    </div>
  );
}
