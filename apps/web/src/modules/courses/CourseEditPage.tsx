import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import { Heading, Link, Paragraph, RouterLink } from 'suomifi-ui-components';
import { isApiError, type Course } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { StaffOnly } from '../bookings/StaffOnly';
import { NotFoundPage } from '../platform/NotFoundPage';
import { CourseArchive } from './CourseArchive';
import { CourseCancel } from './CourseCancel';
import { CourseForm } from './CourseForm';
import { CourseRegistrationsTable } from './CourseRegistrationsTable';
import { useCourse } from './queries';
import './courses.css';

/** Router state of a course just created: the edit page says so. */
interface SavedNotice {
  saved: string;
}
const isSavedNotice = (state: unknown): state is SavedNotice =>
  typeof state === 'object' && state !== null && 'saved' in state;

function Editor({ slug, courseId }: { slug: string; courseId: string | null }) {
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const course = useCourse(slug, courseId ?? '', courseId !== null);
  const [notice, setNotice] = useState<string | null>(() =>
    isSavedNotice(location.state) ? location.state.saved : null,
  );
  const noticeRef = useRef<HTMLDivElement>(null);
  const arrivedWithNotice = useRef(notice !== null);
  useEffect(() => {
    if (arrivedWithNotice.current) noticeRef.current?.focus();
  }, []);
  const data = course.data;
  const title = courseId
    ? t('admin.editTitle', { name: data?.name[language] ?? '' })
    : t('admin.newTitle');
  usePageTitle(title);

  function onSaved(saved: Course) {
    const message = t('admin.saved', { name: saved.name[language] });
    if (!courseId) {
      const state: SavedNotice = { saved: message };
      void navigate(`/${slug}/admin/courses/${saved.id}`, { replace: true, state });
      return;
    }
    setNotice(message);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  }

  if (course.isError && (isApiError(course.error, 404) || isApiError(course.error, 400))) {
    return <NotFoundPage />;
  }
  return (
    <div className="page">
      <Paragraph mb="s">
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/admin/courses`}>
          {t('admin.back')}
        </RouterLink>
      </Paragraph>
      <Heading variant="h1" mb="s">
        {title}
      </Heading>
      {data && (
        <ul className="link-list">
          <li>
            <RouterLink asComponent={RouterDomLink} to={`/${slug}/courses/${data.id}`}>
              {t('admin.publicPage')}
            </RouterLink>
          </li>
          <li>
            <Link href="#course-registrations">{t('admin.toRegistrations')}</Link>
          </li>
        </ul>
      )}
      <div ref={noticeRef} tabIndex={-1} className="notice-focus">
        {notice && <SuccessAlert>{notice}</SuccessAlert>}
      </div>
      {courseId && course.isPending && <Loading text={t('loading')} />}
      {course.isError && <ErrorAlert error={course.error} />}
      {(!courseId || data) && (
        <section aria-labelledby="course-form-heading" className="form-section">
          <Heading variant="h2" id="course-form-heading" mb="s">
            {t('admin.details')}
          </Heading>
          <CourseForm key={data?.id ?? 'new'} slug={slug} course={data ?? null} onSaved={onSaved} />
        </section>
      )}
      {data && <CourseRegistrationsTable slug={slug} course={data} />}
      {data && <CourseCancel slug={slug} course={data} />}
      {data && <CourseArchive slug={slug} course={data} />}
    </div>
  );
}

export function CourseEditPage() {
  const { slug } = useMunicipality();
  const { courseId } = useParams();
  return (
    <StaffOnly>
      {/* A new course, once saved, opens as the edit page: keyed so that it starts afresh. */}
      <Editor key={courseId ?? 'new'} slug={slug} courseId={courseId ?? null} />
    </StaffOnly>
  );
}
