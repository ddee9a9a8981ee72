import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useSearchParams } from 'react-router-dom';
import { Button, Heading, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import type { CourseFilter } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { useSession } from '../platform/queries';
import { CourseFacts } from './CourseFacts';
import { useCourses } from './queries';
import './courses.css';

const agePattern = /^\d{1,3}$/;

/** The search is kept in the address (?q=&age=) for the back button and shared links. */
function filterOf(params: URLSearchParams): CourseFilter {
  const q = params.get('q')?.trim() ?? '';
  const age = params.get('age') ?? '';
  return {
    ...(q ? { q: q.slice(0, 100) } : {}),
    ...(agePattern.test(age) && Number(age) <= 120 ? { age: Number(age) } : {}),
  };
}

export function CoursesPage() {
  const { t } = useTranslation('courses');
  const { slug } = useMunicipality();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const courses = useCourses(slug, filter);
  const session = useSession(slug);
  const signedIn = Boolean(session.data?.user);
  const [q, setQ] = useState(filter.q ?? '');
  const [age, setAge] = useState(filter.age?.toString() ?? '');
  const ageInvalid = age.trim() !== '' && !(agePattern.test(age.trim()) && Number(age) <= 120);
  usePageTitle(t('list.title'));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (ageInvalid) return;
    const next = new URLSearchParams();
    if (q.trim()) next.set('q', q.trim());
    if (age.trim()) next.set('age', String(Number(age.trim())));
    setParams(next, { replace: true });
  }

  const items = courses.data?.items;
  return (
    <div className="page">
      <Heading variant="h1" mb="s">
        {t('list.title')}
      </Heading>
      <Paragraph mb="s">{t('list.intro')}</Paragraph>
      {signedIn && (
        <Paragraph mb="m">
          <RouterLink asComponent={RouterDomLink} to={`/${slug}/courses/mine`}>
            {t('list.myRegistrations')}
          </RouterLink>
        </Paragraph>
      )}
      <form
        role="search"
        aria-label={t('list.formLabel')}
        className="course-search"
        onSubmit={onSubmit}
        noValidate
      >
        <TextInput
          labelText={t('list.q')}
          hintText={t('list.qHint')}
          value={q}
          maxLength={100}
          onChange={(v) => setQ(String(v ?? ''))}
          fullWidth
        />
        <TextInput
          labelText={t('list.age')}
          hintText={t('list.ageHint')}
          inputMode="numeric"
          value={age}
          onChange={(v) => setAge(String(v ?? ''))}
          status={ageInvalid ? 'error' : 'default'}
          statusText={ageInvalid ? t('list.invalidAge') : undefined}
          fullWidth
        />
        <div className="course-search__submit">
          <Button type="submit">{t('list.submit')}</Button>
        </div>
      </form>

      <section aria-labelledby="course-results-heading">
        <Heading variant="h2" id="course-results-heading" mb="s">
          {t('list.results')}
        </Heading>
        {courses.isPending && <Loading text={t('loading')} />}
        {courses.isError && <ErrorAlert error={courses.error} />}
        <Paragraph mb="s" role="status">
          {items ? (items.length ? t('list.count', { count: items.length }) : t('list.empty')) : ''}
        </Paragraph>
        {items && items.length > 0 && (
          <ul className="card-list course-list">
            {items.map((course) => (
              <li key={course.id} className="card course-card">
                <Heading variant="h3" as="h3" mb="xs">
                  <RouterLink
                    asComponent={RouterDomLink}
                    to={`/${slug}/courses/${course.id}`}
                    className="card__link"
                  >
                    {course.name[language]}
                  </RouterLink>
                </Heading>
                <CourseFacts course={course} signedIn={signedIn} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
