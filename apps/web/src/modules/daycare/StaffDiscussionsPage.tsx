import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDay } from '../bookings/time';
import { useSession } from '../platform/queries';
import { useStaffSurveys } from './discussions.queries';
import { NewSurveyForm } from './NewSurveyForm';
import './daycare.css';
import './discussions.css';

/** The staff's discussion surveys (their units'), with counts, and a form for a new one. */
export function StaffDiscussionsPage() {
  const { t } = useTranslation('discussions');
  const language = currentLanguage();
  const { slug } = useMunicipality();
  const surveys = useStaffSurveys(slug);
  const session = useSession(slug);
  usePageTitle(t('staff.title'));

  return (
    <div className="page daycare staff-discussions">
      <Heading variant="h1" mb="s">
        {t('staff.title')}
      </Heading>
      <Paragraph mb="s">{t('staff.intro')}</Paragraph>
      <p>
        <Link to={`/${slug}/daycare/staff/events`}>{t('events.link')}</Link>
      </p>
      {surveys.isPending && <Loading text={t('loading')} />}
      {surveys.isError && <ErrorAlert error={surveys.error} />}
      {surveys.data && (
        <section aria-labelledby="surveys-heading" className="form-section">
          <Heading variant="h2" id="surveys-heading" mb="s">
            {t('staff.surveys')}
          </Heading>
          {surveys.data.items.length === 0 ? (
            <Paragraph>{t('staff.none')}</Paragraph>
          ) : (
            <ul className="survey-list">
              {surveys.data.items.map((s) => (
                <li key={s.id} className="survey-entry">
                  <p className="agenda-entry__title">
                    <Link to={`/${slug}/daycare/staff/discussions/${s.id}`}>{s.title}</Link>
                  </p>
                  <p>
                    {s.unitName}, {s.groupName}
                  </p>
                  <p>
                    {t('staff.counts', { booked: s.booked, children: s.children, slots: s.slots })}
                  </p>
                  <p>{t('staff.deadline', { day: formatDay(s.bookingDeadline, language) })}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {session.data?.user && <NewSurveyForm slug={slug} personId={session.data.user.id} />}
    </div>
  );
}
