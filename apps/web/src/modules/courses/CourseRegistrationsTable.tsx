import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { Course } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { formatMoney } from '../shop/money';
import { useCourseRegistrations } from './queries';
import { ConfirmCancel } from './RegistrationActions';
import { paymentText, registrationWhat, statusDetail } from './RegistrationSummary';
import { formatDateTimeLong } from './format';

/**
 * Who is registered for a course, for its staff: confirmed first, then held, offered,
 * waitlisted (in waitlist order) and ended ones, as the API sorts them.
 */
export function CourseRegistrationsTable({ slug, course }: { slug: string; course: Course }) {
  const { t } = useTranslation('courses');
  const language = currentLanguage();
  const registrations = useCourseRegistrations(slug, course.id);
  // Staff cancel a registration here (the seat goes to the waitlist, a paid fee back in full).
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = registrations.data?.items;
  const caption = t('admin.registrationsCaption', { name: course.name[language] });
  const taken =
    items?.filter((r) => r.status === 'confirmed' || r.status === 'held' || r.status === 'offered')
      .length ?? 0;
  return (
    <section
      id="course-registrations"
      tabIndex={-1}
      aria-labelledby="course-registrations-heading"
      className="form-section notice-focus"
    >
      <Heading variant="h2" id="course-registrations-heading" mb="s">
        {t('admin.registrations')}
      </Heading>
      <div role="status">{notice && <SuccessAlert>{notice}</SuccessAlert>}</div>
      {registrations.isPending && <Loading text={t('loading')} />}
      {registrations.isError && <ErrorAlert error={registrations.error} />}
      {items && (
        <Paragraph mb="s">
          {t('admin.registrationsSummary', {
            taken,
            seats: course.seats,
            count: course.waitlistLength,
          })}
        </Paragraph>
      )}
      {items && items.length === 0 && <Paragraph>{t('admin.noRegistrations')}</Paragraph>}
      {items && items.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
          <table className="data-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.col.child')}</th>
                <th scope="col">{t('admin.col.guardian')}</th>
                <th scope="col">{t('admin.col.status')}</th>
                <th scope="col">{t('admin.col.payment')}</th>
                <th scope="col">{t('admin.col.registered')}</th>
                <th scope="col">{t('admin.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => {
                const detail = statusDetail(r, t, language, true);
                const what = registrationWhat(r, language);
                return (
                  <Fragment key={r.id}>
                    <tr>
                      <th scope="row">
                        {r.child.firstName} {r.child.lastName}
                      </th>
                      <td>{r.guardianName}</td>
                      <td>
                        {t(`status.${r.status}`)}
                        {detail && <span className="data-table__detail">{detail}</span>}
                      </td>
                      <td>
                        {r.priceCents > 0
                          ? `${formatMoney(r.priceCents, language)} · ${paymentText(r, t, language)}`
                          : t('payment.free')}
                      </td>
                      <td>{formatDateTimeLong(r.createdAt, language)}</td>
                      <td>
                        {r.canCancel && cancelling !== r.id && (
                          <Button
                            variant="secondary"
                            aria-label={t('cancel.label', { what })}
                            onClick={() => {
                              setNotice(null);
                              setCancelling(r.id);
                            }}
                          >
                            {t('admin.cancel')}
                          </Button>
                        )}
                      </td>
                    </tr>
                    {cancelling === r.id && (
                      <tr>
                        <td colSpan={6}>
                          <ConfirmCancel
                            item={r}
                            slug={slug}
                            byStaff
                            onClose={() => setCancelling(null)}
                            onDone={(message) => {
                              setCancelling(null);
                              setNotice(message);
                            }}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
