import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem, RadioButton, RadioButtonGroup } from 'suomifi-ui-components';
import { useMunicipality } from '../../app/MunicipalityContext';
import { useOwners } from './queries';

/** An experiment's owner and its timebox: 21 days (small) or 105 (project-like). */
export function OwnerTimebox({
  ownerId,
  onOwner,
  timebox,
  onTimebox,
  idPrefix,
  portal,
}: {
  ownerId: string;
  onOwner: (id: string) => void;
  timebox: 21 | 105 | null;
  onTimebox: (days: 21 | 105) => void;
  idPrefix: string;
  /** false inside a modal dialog: the options must open in the dialog, not behind it. */
  portal?: boolean;
}) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const owners = useOwners(slug, true);
  const people = owners.data?.items ?? [];
  return (
    <>
      {/* A Suomi.fi dropdown cannot start without items: it appears once the staff are loaded. */}
      {people.length > 0 && (
        <Dropdown
          labelText={t('idea.fact.owner')}
          visualPlaceholder={t('team.chooseOwner')}
          value={ownerId}
          onChange={(v: string) => onOwner(v)}
          portal={portal}
          popoverClassName={portal === false ? 'portfolio-inline-popover' : undefined}
        >
          {people.map((o) => (
            <DropdownItem key={o.id} value={o.id}>
              {o.name}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      <RadioButtonGroup
        labelText={t('idea.fact.timebox')}
        name={`${idPrefix}-timebox`}
        value={timebox ? String(timebox) : ''}
        onChange={(v) => onTimebox(v === '105' ? 105 : 21)}
      >
        <RadioButton value="21">{t('team.small')}</RadioButton>
        <RadioButton value="105">{t('team.large')}</RadioButton>
      </RadioButtonGroup>
    </>
  );
}
