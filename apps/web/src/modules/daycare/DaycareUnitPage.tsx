import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useParams } from 'react-router-dom';
import { Button, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { GroupsTable } from './DaycareAdminPage';
import { GroupForm } from './GroupForm';
import { PlacementForm } from './PlacementForm';
import { PlacementsSection } from './PlacementsSection';
import { useDaycareUnits } from './queries';
import { StaffSection } from './StaffSection';
import { UnitForm } from './UnitForm';
import './daycare.css';

/** One unit for the administrators: its groups, placements, staff and details. */
export function DaycareUnitPage() {
  const { t } = useTranslation('daycare');
  const { slug } = useMunicipality();
  const { unitId = '' } = useParams();
  const units = useDaycareUnits(slug);
  const unit = units.data?.items.find((u) => u.id === unitId);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  usePageTitle(unit?.name ?? t('admin.title'));

  const back = (
    <RouterLink asComponent={RouterDomLink} to={`/${slug}/admin/daycare`}>
      {t('admin.back')}
    </RouterLink>
  );
  if (units.isPending) return <Loading text={t('loading')} />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  if (!unit) {
    return (
      <div className="page daycare">
        <Heading variant="h1" mb="s">
          {t('admin.unitNotFound')}
        </Heading>
        {back}
      </div>
    );
  }
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
  };
  return (
    <div className="page daycare">
      <Paragraph mb="s">{back}</Paragraph>
      <Heading variant="h1" mb="m">
        {unit.name}
      </Heading>
      <section aria-labelledby="groups-heading" className="form-section">
        <Heading variant="h2" id="groups-heading" mb="s">
          {t('admin.groups.heading')}
        </Heading>
        <div role="status">{notice && <SuccessAlert>{notice}</SuccessAlert>}</div>
        <GroupsTable unit={unit} />
        <ul className="placement-list">
          {unit.groups.map((g) => (
            <li key={g.id}>
              {editing === g.id ? (
                <GroupForm slug={slug} unitId={unit.id} group={g} onDone={done} />
              ) : (
                <Button variant="secondaryNoBorder" onClick={() => setEditing(g.id)}>
                  {t('admin.groups.edit', { name: g.name })}
                </Button>
              )}
            </li>
          ))}
        </ul>
        <GroupForm slug={slug} unitId={unit.id} onDone={done} />
      </section>
      <PlacementsSection slug={slug} unitId={unit.id} />
      <PlacementForm slug={slug} unit={unit} />
      <StaffSection slug={slug} unit={unit} />
      <UnitForm key={unit.id} slug={slug} unit={unit} />
    </div>
  );
}
