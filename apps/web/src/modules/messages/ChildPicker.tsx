import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Paragraph, RadioButton, RadioButtonGroup, TextInput } from 'suomifi-ui-components';
import { api } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';

/** How many matches are listed at once; a longer list asks for a more precise search. */
const SHOWN = 30;

/**
 * Staff pick the one child whose guardians they write to, from the children placed today in
 * their groups: a search field that narrows a list of radio buttons (plain form controls,
 * so labels, Tab and the arrow keys work as everywhere else, and the match count is told).
 */
export function ChildPicker({
  slug,
  value,
  onChange,
  error,
}: {
  slug: string;
  value: string;
  onChange: (childId: string) => void;
  error?: string;
}) {
  const { t } = useTranslation('messages');
  const [q, setQ] = useState('');
  const children = useQuery({
    queryKey: ['daycare', slug, 'staff-children'],
    queryFn: () => api.listMyGroupChildren(slug),
  });
  if (children.isPending) return <Loading text={t('loading')} />;
  if (children.isError) return <ErrorAlert error={children.error} />;
  const units = new Set(children.data.items.map((c) => c.unitName));
  const all = children.data.items.map((c) => ({
    id: c.id,
    name: `${c.firstName} ${c.lastName}`,
    where: `${units.size > 1 ? `${c.unitName}, ` : ''}${c.groupName}`,
  }));
  const words = q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matches = all.filter(
    (c) => c.id === value || words.every((w) => c.name.toLocaleLowerCase().includes(w)),
  );
  const shown = matches.slice(0, SHOWN);

  return (
    <div className="message-child-picker">
      <TextInput
        labelText={t('new.childSearch')}
        hintText={t('new.childPickerHint')}
        value={q}
        onChange={(text) => setQ(String(text ?? ''))}
        fullWidth
        autoComplete="off"
        className="message-child-picker__search"
      />
      <Paragraph mb="xs" aria-live="polite" className="message-child-picker__count">
        {matches.length === 0
          ? t('new.noChildren')
          : t('new.childrenAvailable', { count: matches.length })}
        {matches.length > SHOWN && ` ${t('new.refineSearch', { count: SHOWN })}`}
      </Paragraph>
      {shown.length > 0 && (
        <RadioButtonGroup
          labelText={t('new.childPicker')}
          groupHintText={error}
          className={error ? 'message-child-picker--error' : undefined}
          name="message-child"
          value={value}
          onChange={onChange}
          mb="m"
        >
          {shown.map((c) => (
            <RadioButton key={c.id} value={c.id} hintText={c.where}>
              {c.name}
            </RadioButton>
          ))}
        </RadioButtonGroup>
      )}
    </div>
  );
}
