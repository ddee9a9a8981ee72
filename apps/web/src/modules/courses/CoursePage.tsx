import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useParams } from 'react-router-dom';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { isApiError, type Course } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { NotFoundPage } from '../platform/NotFoundPage';
import { useSession } from '../platform/queries';
import { CourseFacts } from './CourseFacts';
import { sessionText } from './format';
import { useCourse } from './queries';
import { RegistrationPanel } from './RegistrationPanel';
import './courses.css';

/** Every session of the course, numbered, in Helsinki time. */
function Schedule({ course }: { course: Course }) {
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  return (
    <section aria-labelledby="schedule-heading" className="form-section">
      <Heading variant="h2" id="schedule-heading" mb="s">
        {t('schedule.heading', { count: course.sessions.length })}
      </Heading>
      {course.sessions.length === 0 ? (
        <Paragraph>{t('schedule.none')}</Paragraph>
      ) : (
        <>
          <ol className="session-list">
            {course.sessions.map((session) => (
              <li key={session.start}>
                <time dateTime={session.start}>{sessionText(session, language, t)}</time>
              </li>
            ))}
          </ol>
          <Paragraph mt="s">{t('schedule.timeZone')}</Paragraph>
        </>
      )}
    </section>
  );
}

export function CoursePage() {
  const { t } = useTranslation('courses');
  const { slug } = useMunicipality();
  const { courseId = '' } = useParams();
  const language = currentLanguage();
  const session = useSession(slug);
  const course = useCourse(slug, courseId);
  const data = course.data;
  const signedIn = Boolean(session.data?.user);
  usePageTitle(data ? data.name[language] : t('list.title'));

  if (course.isError && (isApiError(course.error, 404) || isApiError(course.error, 400))) {
    return <NotFoundPage />;
  }
  return (
    <div className="page course-page">
      <Paragraph mb="s">
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/courses`}>
          {t('course.back')}
        </RouterLink>
      </Paragraph>
      {course.isPending && <Loading text={t('loading')} />}
      {course.isError && <ErrorAlert error={course.error} />}
      {data && (
        <>
          <Heading variant="h1" mb="s">
            {data.name[language]}
          </Heading>
          {data.description[language] && (
            <Paragraph mb="m" className="lead course-page__description">
              {data.description[language]}
            </Paragraph>
          )}
          {/* Registering comes before the full schedule (the facts summarise it): on a phone
              the form or the waiting room is not below ten sessions. */}
          <div className="course-page__layout">
            <div className="course-page__main">
              <section aria-labelledby="details-heading" className="form-section">
                <Heading variant="h2" id="details-heading" mb="s">
                  {t('course.details')}
                </Heading>
                <CourseFacts course={data} signedIn={signedIn} />
              </section>
              {session.isSuccess && (
                <RegistrationPanel course={data} slug={slug} signedIn={signedIn} />
              )}
            </div>
            <Schedule course={data} />
          </div>
        </>
      )}
    </div>
  );
}
