import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import type { DaycareChild } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../courses/format';
import { AbsenceForm } from './AbsenceForm';
import { fullName } from './format';
import { useMyDaycare } from './queries';
import { UpcomingAbsences } from './UpcomingAbsences';
import './daycare.css';
import './discussions.css';

function ChildCard({ child, today }: { child: DaycareChild; today: string }) {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  return (
    <li className="daycare-child">
      <Heading variant="h3" as="h3">
        {fullName(child)}
      </Heading>
      {child.placements.length === 0 && <Paragraph>{t('family.noPlacement')}</Paragraph>}
      {child.placements.map((p) => (
        <div key={p.id} className="daycare-child__placement">
          <p className="daycare-child__place">
            {p.unit.name}, {p.group.name}
          </p>
          {p.startDate > today && (
            <p>{t('family.starts', { day: formatDate(p.startDate, language) })}</p>
          )}
          {p.endDate && <p>{t('family.ends', { day: formatDate(p.endDate, language) })}</p>}
          {p.unit.phone && (
            <p>
              {t('family.phone')}{' '}
              <a href={`tel:${p.unit.phone.replace(/\s/g, '')}`}>{p.unit.phone}</a>
            </p>
          )}
        </div>
      ))}
    </li>
  );
}

/**
 * The guardian's daycare page (mobile first): the children with their units and groups, the
 * absence form and the absences reported from today on.
 */
export function DaycarePage() {
  const { t } = useTranslation('daycare');
  const { t: td } = useTranslation('discussions');
  const { slug } = useMunicipality();
  const daycare = useMyDaycare(slug);
  usePageTitle(t('family.title'));

  return (
    <div className="page daycare">
      <Heading variant="h1" mb="s">
        {t('family.title')}
      </Heading>
      <Paragraph mb="m">{t('family.intro')}</Paragraph>
      <ul className="daycare-links">
        <li>
          <Link to={`/${slug}/daycare/discussions`}>{td('guardian.link')}</Link>
        </li>
        <li>
          <Link to={`/${slug}/daycare/calendar`}>{td('calendar.link')}</Link>
        </li>
        <li>
          <Link to={`/${slug}/daycare/fees`}>{t('family.feesLink')}</Link>
        </li>
      </ul>
      {daycare.isPending && <Loading text={t('loading')} />}
      {daycare.isError && <ErrorAlert error={daycare.error} />}
      {daycare.data && (
        <>
          <section aria-labelledby="children-heading" className="form-section">
            <Heading variant="h2" id="children-heading" mb="s">
              {t('family.children')}
            </Heading>
            {daycare.data.children.length === 0 ? (
              <Paragraph>{t('family.noChildren')}</Paragraph>
            ) : (
              <ul className="daycare-children">
                {daycare.data.children.map((child) => (
                  <ChildCard key={child.id} child={child} today={daycare.data.today} />
                ))}
              </ul>
            )}
          </section>
          <AbsenceForm slug={slug} daycare={daycare.data} />
          <UpcomingAbsences slug={slug} daycare={daycare.data} />
        </>
      )}
    </div>
  );
}
