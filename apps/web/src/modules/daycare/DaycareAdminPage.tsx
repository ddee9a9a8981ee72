import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import type { AdminDaycareUnit } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { weekdayName } from '../bookings/time';
import { useDaycareUnits } from './queries';
import { SettingsForm } from './SettingsForm';
import { UnitForm } from './UnitForm';
import './daycare.css';

export function GroupsTable({ unit }: { unit: AdminDaycareUnit }) {
  const { t } = useTranslation('daycare');
  if (unit.groups.length === 0) return <Paragraph>{t('admin.groups.empty')}</Paragraph>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={unit.name}>
      <table className="daycare-table">
        <caption>{t('admin.groups.caption', { unit: unit.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.groups.name')}</th>
            <th scope="col">{t('admin.groups.children')}</th>
            <th scope="col">{t('admin.groups.capacity')}</th>
          </tr>
        </thead>
        <tbody>
          {unit.groups.map((g) => (
            <tr key={g.id}>
              <th scope="row">{g.name}</th>
              <td>{g.children}</td>
              <td>{g.capacity}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Daycare administration: the units with their groups, a new unit, the absence cut-off. */
export function DaycareAdminPage() {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const { slug } = useMunicipality();
  const units = useDaycareUnits(slug);
  usePageTitle(t('admin.title'));

  return (
    <div className="page daycare">
      <Heading variant="h1" mb="s">
        {t('admin.title')}
      </Heading>
      <Paragraph mb="m">{t('admin.intro')}</Paragraph>
      <section aria-labelledby="units-heading" className="form-section">
        <Heading variant="h2" id="units-heading" mb="s">
          {t('admin.units')}
        </Heading>
        {units.isPending && <Loading text={t('loading')} />}
        {units.isError && <ErrorAlert error={units.error} />}
        {units.data?.items.length === 0 && <Paragraph>{t('admin.noUnits')}</Paragraph>}
        <ul className="daycare-units">
          {units.data?.items.map((unit) => (
            <li key={unit.id} className="daycare-unit">
              <Heading variant="h3" as="h3" mb="xs">
                {unit.name}
              </Heading>
              <Paragraph mb="xs">
                {[unit.address, unit.phone].filter(Boolean).join(' · ')}
              </Paragraph>
              <Paragraph mb="s">
                {t('admin.openOn', {
                  days: unit.operationDays.map((d) => weekdayName(d, language)).join(', '),
                })}{' '}
                · {t('admin.staffCount', { count: unit.staff })}
              </Paragraph>
              <GroupsTable unit={unit} />
              <RouterLink asComponent={RouterDomLink} to={`/${slug}/admin/daycare/${unit.id}`}>
                {t('admin.manage', { name: unit.name })}
              </RouterLink>
            </li>
          ))}
        </ul>
      </section>
      <UnitForm slug={slug} />
      <SettingsForm slug={slug} />
    </div>
  );
}
