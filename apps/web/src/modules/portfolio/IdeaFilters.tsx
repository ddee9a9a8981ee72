import { useTranslation } from 'react-i18next';
import { Dropdown, DropdownItem } from 'suomifi-ui-components';
import { useSearchParams } from 'react-router-dom';
import { currentLanguage } from '../../i18n';
import type { IdeaFilter, Stage } from './api';
import { TIMEBOX_STATES, type TimeboxState } from './viewsApi';

/** The list's filters live in the address (?stage=…&theme=…), so a filtered list can be linked. */
export const FILTER_KEYS = ['stage', 'department', 'theme', 'owner', 'timeboxState'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

const isState = (v: string): v is TimeboxState => (TIMEBOX_STATES as string[]).includes(v);

export function useUrlFilter() {
  const [params, setParams] = useSearchParams();
  const value = (key: string) => params.get(key) ?? '';
  const state = value('timeboxState');
  const filter: IdeaFilter = {
    sort: value('sort') === 'supports' ? 'supports' : 'new',
    ...(value('q') ? { q: value('q') } : {}),
    ...(value('stage') ? { stage: value('stage') } : {}),
    ...(value('department') ? { department: value('department') } : {}),
    ...(value('theme') ? { theme: value('theme') } : {}),
    ...(value('owner') ? { owner: value('owner') } : {}),
    // An unknown state in a hand-edited address is left out rather than refused.
    ...(isState(state) ? { timeboxState: state } : {}),
  };
  const set = (key: FilterKey | 'sort' | 'q', v: string) => {
    const next = new URLSearchParams(params);
    if (v && v !== 'all') next.set(key, v);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const clear = () => {
    const next = new URLSearchParams(params);
    for (const key of FILTER_KEYS) next.delete(key);
    setParams(next, { replace: true });
  };
  const active = FILTER_KEYS.some((key) => value(key) !== '');
  return { filter, value, set, clear, active };
}

interface Option {
  value: string;
  label: string;
}

/** A Suomi.fi dropdown with "all" first; a value from the address that is not offered still shows. */
function FilterDropdown({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: Option[];
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation('portfolioViews');
  const all = [
    { value: 'all', label: t('filters.all') },
    ...options,
    ...(value && !options.some((o) => o.value === value) ? [{ value, label: value }] : []),
  ];
  return (
    <Dropdown
      labelText={label}
      value={value || 'all'}
      onChange={(v: string) => onChange(v)}
      fullWidth
    >
      {all.map((o) => (
        <DropdownItem key={o.value} value={o.value}>
          {o.label}
        </DropdownItem>
      ))}
    </Dropdown>
  );
}

export interface Facets {
  themes: string[];
  departments: string[];
  owners: { id: string; name: string }[];
}

export function IdeaFilters({
  stages,
  facets,
  url,
}: {
  stages: Stage[];
  facets: Facets | undefined;
  url: ReturnType<typeof useUrlFilter>;
}) {
  const { t } = useTranslation('portfolioViews');
  const { t: tp } = useTranslation('portfolio');
  const language = currentLanguage();
  const tags = (list: string[] | undefined) => (list ?? []).map((v) => ({ value: v, label: v }));
  return (
    <fieldset className="portfolio-filter-set">
      <legend>{t('filters.heading')}</legend>
      <div className="portfolio-filter-grid">
        <FilterDropdown
          label={tp('list.stage')}
          value={url.value('stage')}
          options={stages.map((s) => ({ value: s.key, label: s.name[language] }))}
          onChange={(v) => url.set('stage', v)}
        />
        <FilterDropdown
          label={t('filters.department')}
          value={url.value('department')}
          options={tags(facets?.departments)}
          onChange={(v) => url.set('department', v)}
        />
        <FilterDropdown
          label={t('filters.theme')}
          value={url.value('theme')}
          options={tags(facets?.themes)}
          onChange={(v) => url.set('theme', v)}
        />
        <FilterDropdown
          label={t('filters.owner')}
          value={url.value('owner')}
          options={(facets?.owners ?? []).map((o) => ({ value: o.id, label: o.name }))}
          onChange={(v) => url.set('owner', v)}
        />
        <FilterDropdown
          label={t('filters.timeboxState')}
          value={url.value('timeboxState')}
          options={TIMEBOX_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          onChange={(v) => url.set('timeboxState', v)}
        />
      </div>
      <p className="portfolio-hint">
        {t('filters.linkHint')}{' '}
        {url.active && (
          <button type="button" className="portfolio-link-button" onClick={url.clear}>
            {t('filters.clear')}
          </button>
        )}
      </p>
    </fieldset>
  );
}
