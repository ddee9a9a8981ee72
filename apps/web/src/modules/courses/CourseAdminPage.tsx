import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useLocation } from 'react-router-dom';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { StaffOnly } from '../bookings/StaffOnly';
import { isArchivedNotice } from './CourseArchive';
import { RegistrationState } from './CourseFacts';
import { seatsText, sessionsSummary } from './format';
import { useCourses } from './queries';
import './courses.css';

function CourseList({ slug }: { slug: string }) {
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  const courses = useCourses(slug, {});
  const items = courses.data?.items;
  const location = useLocation();
  const archived: unknown = location.state;
  return (
    <section aria-labelledby="admin-courses-heading" className="form-section">
      <Heading variant="h2" id="admin-courses-heading" mb="s">
        {t('admin.courses')}
      </Heading>
      <div role="status">
        {isArchivedNotice(archived) && <SuccessAlert>{archived.archived}</SuccessAlert>}
      </div>
      {courses.isPending && <Loading text={t('loading')} />}
      {courses.isError && <ErrorAlert error={courses.error} />}
      {items && items.length === 0 && <Paragraph>{t('admin.noCourses')}</Paragraph>}
      {items && items.length > 0 && (
        <ul className="card-list course-list">
          {items.map((course) => (
            <li key={course.id} className="card course-card">
              <Heading variant="h3" as="h3" mb="xs">
                <RouterLink
                  asComponent={RouterDomLink}
                  to={`/${slug}/admin/courses/${course.id}`}
                  className="card__link"
                  aria-label={t('admin.editLabel', { name: course.name[language] })}
                >
                  {course.name[language]}
                </RouterLink>
              </Heading>
              <dl className="facts">
                <dt>{t('facts.sessions')}</dt>
                <dd>{sessionsSummary(course, language, t)}</dd>
                <dt>{t('facts.seats')}</dt>
                <dd>{seatsText(course, t)}</dd>
                <dt>{t('facts.registration')}</dt>
                <dd>
                  <RegistrationState course={course} />
                </dd>
                <dt>{t('admin.mode')}</dt>
                <dd>{t(`mode.${course.registrationMode}`)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Facility staff and admins: the courses, a way to a new one, each to its edit page. */
export function CourseAdminPage() {
  const { t } = useTranslation('courses');
  const { slug } = useMunicipality();
  usePageTitle(t('admin.title'));
  return (
    <StaffOnly>
      <div className="page">
        <Heading variant="h1" mb="s">
          {t('admin.title')}
        </Heading>
        <Paragraph mb="m">{t('admin.intro')}</Paragraph>
        <Paragraph mb="m">
          <RouterDomLink to={`/${slug}/admin/courses/new`} className="button-link">
            {t('admin.new')}
          </RouterDomLink>
        </Paragraph>
        <CourseList slug={slug} />
      </div>
    </StaffOnly>
  );
}
