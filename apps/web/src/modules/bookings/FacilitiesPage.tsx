import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useSearchParams } from 'react-router-dom';
import {
  Button,
  Checkbox,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  RouterLink,
  TextInput,
} from 'suomifi-ui-components';
import type { Resource, ResourceFilter, ResourceKind } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { useSession } from '../platform/queries';
import { FacilityFacts } from './FacilityFacts';
import { resourceKinds } from './kinds';
import { useResources } from './queries';
import './bookings.css';

type KindChoice = ResourceKind | 'all';
const isKind = (value: string | null): value is ResourceKind =>
  (resourceKinds as readonly string[]).includes(value ?? '');

/** The search is kept in the address (?q=&kind=&minCapacity=&accessible=1) for back and links. */
function filterOf(params: URLSearchParams): ResourceFilter {
  const kind = params.get('kind');
  const min = Number(params.get('minCapacity'));
  return {
    ...(params.get('q') ? { q: params.get('q') ?? '' } : {}),
    ...(isKind(kind) ? { kind } : {}),
    ...(Number.isInteger(min) && min > 0 ? { minCapacity: min } : {}),
    ...(params.get('accessible') === '1' ? { accessible: true } : {}),
  };
}

function ResultCard(props: { resource: Resource; slug: string; signedIn: boolean }) {
  const { resource, slug, signedIn } = props;
  const language = currentLanguage();
  return (
    <li className="card facility-card">
      <Heading variant="h3" as="h2" mb="xs">
        <RouterLink
          asComponent={RouterDomLink}
          to={`/${slug}/facilities/${resource.id}`}
          className="card__link"
        >
          {resource.name[language]}
        </RouterLink>
      </Heading>
      <FacilityFacts resource={resource} signedIn={signedIn} />
    </li>
  );
}

export function FacilitiesPage() {
  const { t } = useTranslation('bookings');
  const { slug } = useMunicipality();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const resources = useResources(slug, filter);
  const signedIn = Boolean(useSession(slug).data?.user);
  const [q, setQ] = useState(filter.q ?? '');
  const [kind, setKind] = useState<KindChoice>(filter.kind ?? 'all');
  const [minCapacity, setMinCapacity] = useState(filter.minCapacity?.toString() ?? '');
  const [accessible, setAccessible] = useState(filter.accessible ?? false);
  const capacityInvalid = minCapacity.trim() !== '' && !/^[1-9]\d{0,4}$/.test(minCapacity.trim());
  usePageTitle(t('search.title'));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (capacityInvalid) return;
    const next = new URLSearchParams();
    if (q.trim()) next.set('q', q.trim());
    if (kind !== 'all') next.set('kind', kind);
    if (minCapacity.trim()) next.set('minCapacity', minCapacity.trim());
    if (accessible) next.set('accessible', '1');
    setParams(next, { replace: true });
  }

  const items = resources.data?.items;
  return (
    <div className="page">
      <Heading variant="h1" mb="s">
        {t('search.title')}
      </Heading>
      <Paragraph mb="m">{t('search.intro')}</Paragraph>
      <form
        role="search"
        aria-label={t('search.formLabel')}
        className="facility-search"
        onSubmit={onSubmit}
        noValidate
      >
        <TextInput
          labelText={t('search.q')}
          hintText={t('search.qHint')}
          value={q}
          onChange={(v) => setQ(String(v ?? ''))}
          fullWidth
        />
        <Dropdown<KindChoice>
          labelText={t('search.kind')}
          value={kind}
          onChange={setKind}
          fullWidth
        >
          {[
            <DropdownItem key="all" value="all">
              {t('search.anyKind')}
            </DropdownItem>,
            ...resourceKinds.map((k) => (
              <DropdownItem key={k} value={k}>
                {t(`kinds.${k}`)}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
        <TextInput
          labelText={t('search.minCapacity')}
          inputMode="numeric"
          value={minCapacity}
          onChange={(v) => setMinCapacity(String(v ?? ''))}
          status={capacityInvalid ? 'error' : 'default'}
          statusText={capacityInvalid ? t('search.invalidCapacity') : undefined}
          fullWidth
        />
        <Checkbox
          checked={accessible}
          onClick={({ checkboxState }) => setAccessible(checkboxState)}
        >
          {t('search.accessible')}
        </Checkbox>
        <div>
          <Button type="submit">{t('search.submit')}</Button>
        </div>
      </form>

      <section aria-labelledby="results-heading" className="facility-results">
        <Heading variant="h2" id="results-heading" mb="s">
          {t('search.results')}
        </Heading>
        {resources.isPending && <Loading text={t('loading')} />}
        {resources.isError && <ErrorAlert error={resources.error} />}
        <Paragraph mb="s" role="status">
          {items
            ? items.length
              ? t('search.count', { count: items.length })
              : t('search.empty')
            : ''}
        </Paragraph>
        {items && items.length > 0 && (
          <ul className="card-list">
            {items.map((resource) => (
              <ResultCard key={resource.id} resource={resource} slug={slug} signedIn={signedIn} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
