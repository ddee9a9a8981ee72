import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useSearchParams } from 'react-router-dom';
import { Button, Heading, Link, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import type { CaseFilter, CaseOutcome, CaseSummary, SizeClass } from './api';
import { NativeSelect } from './NativeSelect';
import { useCases } from './queries';
import './cases.css';

const OUTCOMES: CaseOutcome[] = ['adopted', 'changed', 'stopped'];
const SIZES: SizeClass[] = ['small', 'medium', 'large', 'city'];
const isOneOf = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

/** The filters live in the address (?q=&theme=&size=&outcome=&sort=) for sharing and Back. */
function filterOf(params: URLSearchParams): CaseFilter {
  const q = params.get('q')?.trim().slice(0, 100);
  const theme = params.get('theme')?.trim().slice(0, 40);
  const size = params.get('size');
  const outcome = params.get('outcome');
  return {
    ...(q ? { q } : {}),
    ...(theme ? { theme } : {}),
    ...(isOneOf(SIZES, size) ? { size } : {}),
    ...(isOneOf(OUTCOMES, outcome) ? { outcome } : {}),
    ...(params.get('sort') === 'top' ? { sort: 'top' as const } : {}),
  };
}

/** The shared case bank: every municipality's published experiments, no login needed. */
export function CaseBankPage() {
  const { t } = useTranslation('cases');
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const cases = useCases(filter);
  const everything = useCases({ limit: 100 });
  const [form, setForm] = useState({
    q: filter.q ?? '',
    theme: filter.theme ?? '',
    size: filter.size ?? '',
    outcome: filter.outcome ?? '',
    sort: filter.sort ?? 'new',
  });
  usePageTitle(t('bank.title'));
  const themes = [...new Set(everything.data?.items.flatMap((c) => c.themes) ?? [])].sort();
  if (form.theme && !themes.includes(form.theme)) themes.unshift(form.theme);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) {
      if (value && !(key === 'sort' && value === 'new')) next.set(key, value.trim());
    }
    setParams(next, { replace: true });
  }
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const items = cases.data?.items;

  return (
    <div className="page">
      <Heading variant="h1" mb="s">
        {t('bank.title')}
      </Heading>
      <Paragraph mb="m">{t('bank.intro')}</Paragraph>
      <form
        role="search"
        aria-label={t('bank.formLabel')}
        className="case-search"
        onSubmit={onSubmit}
        noValidate
      >
        <TextInput
          labelText={t('bank.q')}
          hintText={t('bank.qHint')}
          value={form.q}
          maxLength={100}
          onChange={(v) => set('q')(String(v ?? ''))}
          fullWidth
        />
        <NativeSelect
          label={t('bank.theme')}
          value={form.theme}
          options={[
            { value: '', label: t('bank.all') },
            ...themes.map((th) => ({ value: th, label: th })),
          ]}
          onChange={set('theme')}
        />
        <NativeSelect
          label={t('bank.size')}
          value={form.size}
          options={[
            { value: '', label: t('bank.all') },
            ...SIZES.map((s) => ({ value: s, label: t(`size.${s}`) })),
          ]}
          onChange={set('size')}
        />
        <NativeSelect
          label={t('bank.outcome')}
          value={form.outcome}
          options={[
            { value: '', label: t('bank.all') },
            ...OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) })),
          ]}
          onChange={set('outcome')}
        />
        <NativeSelect
          label={t('bank.sort')}
          value={form.sort}
          options={[
            { value: 'new', label: t('bank.sortNew') },
            { value: 'top', label: t('bank.sortTop') },
          ]}
          onChange={set('sort')}
        />
        <div className="case-search__submit">
          <Button type="submit">{t('bank.submit')}</Button>
        </div>
      </form>

      <section aria-labelledby="case-results-heading">
        <Heading variant="h2" id="case-results-heading" mb="s">
          {t('bank.results')}
        </Heading>
        {cases.isPending && <Loading text={t('loading')} />}
        {cases.isError && <ErrorAlert error={cases.error} />}
        <Paragraph mb="s" role="status">
          {items ? (items.length ? t('bank.count', { count: items.length }) : t('bank.empty')) : ''}
        </Paragraph>
        {items && items.length > 0 && (
          <ul className="card-list case-list">
            {items.map((c) => (
              <CaseListItem key={c.id} item={c} />
            ))}
          </ul>
        )}
      </section>

      <section className="case-open-data" aria-labelledby="case-open-data-heading">
        <Heading variant="h2" id="case-open-data-heading" mb="s">
          {t('bank.openData')}
        </Heading>
        <Paragraph mb="s">{t('bank.openDataIntro')}</Paragraph>
        <ul>
          <li>
            <Link href="/api/cases.json">{t('bank.json')}</Link>
          </li>
          <li>
            <Link href="/api/cases.csv">{t('bank.csv')}</Link>
          </li>
          <li>
            <Link href="/api/cases.atom">{t('bank.atom')}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}

function CaseListItem({ item }: { item: CaseSummary }) {
  const { t } = useTranslation('cases');
  const language = currentLanguage();
  return (
    <li className="card case-card">
      {item.coverPhotoId && (
        // Decorative here: the card's title says what the case is; the case page has the alt text.
        <img
          className="case-card__photo"
          src={`/api/cases/${item.id}/photos/${item.coverPhotoId}`}
          alt=""
          loading="lazy"
        />
      )}
      <Heading variant="h3" as="h3">
        <RouterLink asComponent={RouterDomLink} to={`/cases/${item.id}`} className="card__link">
          {item.title}
        </RouterLink>
      </Heading>
      <p className="case-meta">
        {item.municipality.name[language]}
        {item.municipality.sizeClass && ` · ${t(`size.${item.municipality.sizeClass}`)}`}
      </p>
      {item.outcome && (
        <p className="case-meta">
          <span className={`case-outcome case-outcome--${item.outcome}`}>
            {t(`outcome.${item.outcome}`)}
          </span>{' '}
          · {t('bank.supports', { count: item.supports })}
        </p>
      )}
      {item.themes.length > 0 && (
        <ul className="case-themes" aria-label={t('case.themes')}>
          {item.themes.map((theme) => (
            <li key={theme}>{theme}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
