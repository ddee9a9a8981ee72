import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioButton, RadioButtonGroup } from 'suomifi-ui-components';
import { useBuyer } from './buyer';

/**
 * "Book and buy as: myself | Tyrskylän Urheiluseura ry". Shown only to someone who is a member
 * of an organisation; the choice changes prices (the organisation's customer group) and the
 * cart things go into, everywhere in the tab.
 */
export function BuyerChooser({ slug, label }: { slug: string; label: string }) {
  const { t } = useTranslation('organisations');
  const { organisationId, organisations, choose } = useBuyer(slug);
  const name = useId();
  if (organisations.length === 0) return null;
  return (
    <RadioButtonGroup
      labelText={label}
      groupHintText={t('buyer.hint')}
      name={name}
      value={organisationId ?? 'self'}
      onChange={(value) => choose(value === 'self' ? null : value)}
      className="buyer-chooser"
      mb="m"
    >
      <RadioButton value="self">{t('buyer.self')}</RadioButton>
      {organisations.map((organisation) => (
        <RadioButton
          key={organisation.id}
          value={organisation.id}
          hintText={t(`kinds.${organisation.kind}`)}
        >
          {organisation.name}
        </RadioButton>
      ))}
    </RadioButtonGroup>
  );
}
