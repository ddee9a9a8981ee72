import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { Course } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { useArchiveCourse } from './queries';

/** Router state of the course list after a course was taken out of use. */
export interface ArchivedNotice {
  archived: string;
}
export const isArchivedNotice = (state: unknown): state is ArchivedNotice =>
  typeof state === 'object' && state !== null && 'archived' in state;

/**
 * Take the course out of use: it leaves the lists and takes no registrations. The API allows
 * it only when nobody is on the course (staff cancel the registrations first).
 */
export function CourseArchive({ slug, course }: { slug: string; course: Course }) {
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  const navigate = useNavigate();
  const archive = useArchiveCourse(slug);
  const [confirming, setConfirming] = useState(false);
  const name = course.name[language];

  async function onConfirm() {
    if (archive.isPending) return;
    try {
      await archive.mutateAsync(course.id);
    } catch {
      return; // shown by archive.isError
    }
    const state: ArchivedNotice = { archived: t('admin.archived', { name }) };
    void navigate(`/${slug}/admin/courses`, { state });
  }

  return (
    <section aria-labelledby="course-archive-heading" className="form-section">
      <Heading variant="h2" id="course-archive-heading" mb="s">
        {t('admin.archiveHeading')}
      </Heading>
      <Paragraph mb="s">{t('admin.archiveIntro')}</Paragraph>
      {archive.isError && <ErrorAlert error={archive.error} />}
      {!confirming ? (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('admin.archive')}
        </Button>
      ) : (
        <div className="button-row">
          <Button disabled={archive.isPending} onClick={() => void onConfirm()}>
            {t('admin.archiveConfirm', { name })}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('admin.archiveKeep')}
          </Button>
        </div>
      )}
    </section>
  );
}
