import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Button, Checkbox, Heading, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import type { OrganisationSummary } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { StaffOnly } from '../bookings/StaffOnly';
import { useSetOrganisationActive, useStaffOrganisations } from './queries';
import './organisations.css';

function OrganisationRow(props: {
  item: OrganisationSummary;
  slug: string;
  onChanged: (text: string) => void;
}) {
  const { item, slug, onChanged } = props;
  const { t } = useTranslation('organisations');
  const setActive = useSetOrganisationActive(slug);
  async function toggle() {
    if (setActive.isPending) return;
    try {
      await setActive.mutateAsync({ id: item.id, active: !item.active });
    } catch {
      return;
    }
    onChanged(t(item.active ? 'staff.deactivated' : 'staff.activated', { name: item.name }));
  }
  return (
    <li className="organisation-list__item">
      <RouterLink asComponent={RouterDomLink} to={`/${slug}/organisations/${item.id}`}>
        {item.name}
      </RouterLink>
      <span className="organisation-list__meta">
        {t(`kinds.${item.kind}`)} · {item.businessId ?? item.registerNumber} ·{' '}
        {t('mine.members', { count: item.memberCount })}
        {!item.active && ` · ${t('staff.inactive')}`}
      </span>
      {setActive.isError && <ErrorAlert error={setActive.error} />}
      <div className="button-row">
        <Button
          variant="secondary"
          disabled={setActive.isPending}
          aria-label={t(item.active ? 'staff.deactivateLabel' : 'staff.activateLabel', {
            name: item.name,
          })}
          onClick={() => void toggle()}
        >
          {t(item.active ? 'staff.deactivate' : 'staff.activate')}
        </Button>
      </div>
    </li>
  );
}

/** Staff: the municipality's associations and companies; open one to edit, or deactivate it. */
export function OrganisationAdminPage() {
  const { t } = useTranslation('organisations');
  const { slug } = useMunicipality();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [inactive, setInactive] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useStaffOrganisations(slug, q, inactive);
  usePageTitle(t('staff.title'));

  function onSearch(event?: FormEvent) {
    event?.preventDefault();
    setQ(typed.trim());
  }

  const items = list.data?.items ?? [];
  return (
    <StaffOnly>
      <div className="page">
        <Heading variant="h1" mb="s">
          {t('staff.title')}
        </Heading>
        <Paragraph mb="m">{t('staff.intro')}</Paragraph>
        <form
          role="search"
          aria-label={t('staff.searchLabel')}
          onSubmit={onSearch}
          className="organisation-search"
        >
          <TextInput
            labelText={t('staff.search')}
            hintText={t('staff.searchHint')}
            value={typed}
            onChange={(v) => setTyped(String(v ?? ''))}
            fullWidth
          />
          <Checkbox checked={inactive} onClick={({ checkboxState }) => setInactive(checkboxState)}>
            {t('staff.includeInactive')}
          </Checkbox>
          <div>
            <Button type="submit">{t('staff.searchButton')}</Button>
          </div>
        </form>
        <div role="status">{notice && <SuccessAlert>{notice}</SuccessAlert>}</div>
        {list.isPending && <Loading text={t('loading')} />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && (
          <>
            <p className="visually-hidden" role="status">
              {t('staff.found', { count: items.length })}
            </p>
            {items.length === 0 ? (
              <Paragraph>{t('staff.none')}</Paragraph>
            ) : (
              <ul className="organisation-list" aria-label={t('staff.listLabel')}>
                {items.map((item) => (
                  <OrganisationRow key={item.id} item={item} slug={slug} onChanged={setNotice} />
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </StaffOnly>
  );
}
