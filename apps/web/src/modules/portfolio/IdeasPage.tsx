import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  Button,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  TextInput,
} from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../platform/queries';
import type { IdeaFilter, IdeaSummary } from './api';
import { useIdeas, useStages } from './queries';
import { StageTag } from './StageName';
import { canModerate } from './roles';
import { ExperimenterCount } from './ExperimenterCount';
import { ClockSummary } from './ClockSummary';
import { IdeaFilters, useUrlFilter, type Facets } from './IdeaFilters';
import './portfolio.css';

function IdeaCard({ idea }: { idea: IdeaSummary }) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  return (
    <li className="portfolio-card">
      <Heading variant="h3" as="h2">
        <Link to={`/${slug}/portfolio/ideas/${idea.id}`}>
          {idea.hidden && !idea.title ? t('idea.hiddenTitle') : idea.title}
        </Link>
      </Heading>
      <p className="portfolio-card__meta">
        <StageTag stage={idea.stage} />
        <span>{t('idea.supports', { count: idea.supportCount })}</span>
        <span>{t('idea.comments', { count: idea.commentCount })}</span>
        {(idea.owner || idea.clock) && <ClockSummary idea={idea} />}
        {idea.hidden && <span className="portfolio-hidden">{t('idea.hidden')}</span>}
      </p>
      {idea.problem && <p className="portfolio-card__text">{idea.problem}</p>}
      {idea.themes.length > 0 && (
        <p className="portfolio-card__tags">{idea.themes.map((th) => `#${th}`).join(' ')}</p>
      )}
    </li>
  );
}

/**
 * The public idea list (mobile first): newest or most supported first, with stage and text
 * filters, and the way to submit one's own idea. The team also sees hidden ideas.
 */
export function IdeasPage() {
  const { t } = useTranslation('portfolio');
  const { t: tOutcome } = useTranslation('experimentOutcome');
  const { t: tv } = useTranslation('portfolioViews');
  const { slug } = useMunicipality();
  const session = useSession(slug);
  const stages = useStages(slug);
  const team = canModerate(session.data);
  const url = useUrlFilter();
  const [text, setText] = useState(url.value('q'));
  const filter: IdeaFilter = { ...url.filter, ...(team ? { includeHidden: true } : {}) };
  const ideas = useIdeas(slug, filter);
  // The options stay while a new filter loads.
  const [facets, setFacets] = useState<Facets>();
  useEffect(() => {
    if (ideas.data) setFacets(ideas.data.facets);
  }, [ideas.data]);
  usePageTitle(t('list.title'));

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    url.set('q', text.trim());
  };

  return (
    <div className="page portfolio">
      <Heading variant="h1" mb="s">
        {t('list.title')}
      </Heading>
      <Paragraph mb="m">{t('list.intro')}</Paragraph>
      <p className="portfolio-actions">
        <Link className="portfolio-button-link" to={`/${slug}/portfolio/new`}>
          {t('list.submit')}
        </Link>
        <Link to={`/${slug}/portfolio/rounds`}>{team ? t('list.rounds') : t('list.minutes')}</Link>
        <Link to={`/${slug}/portfolio/journal`}>{tOutcome('feed.link')}</Link>
        {team && <Link to={`/${slug}/portfolio/overdue`}>{t('list.overdue')}</Link>}
        {team && <Link to={`/${slug}/portfolio/board`}>{tv('nav.board')}</Link>}
        <Link to={`/${slug}/portfolio/numbers`}>{tv('nav.numbers')}</Link>
        {team && <Link to={`/${slug}/portfolio/import`}>{t('list.importExport')}</Link>}
      </p>
      {team && <ExperimenterCount />}
      <form className="portfolio-filters" onSubmit={onSearch} role="search">
        <TextInput
          labelText={t('list.search')}
          value={text}
          onChange={(value) => setText(String(value ?? ''))}
        />
        <Button type="submit" variant="secondary">
          {t('list.searchButton')}
        </Button>
      </form>
      <IdeaFilters stages={stages.data?.items ?? []} facets={facets} url={url} />
      <div className="portfolio-sort">
        <Dropdown
          labelText={t('list.sort')}
          value={filter.sort ?? 'new'}
          onChange={(value: string) => url.set('sort', value === 'supports' ? 'supports' : '')}
        >
          <DropdownItem value="new">{t('list.sortNew')}</DropdownItem>
          <DropdownItem value="supports">{t('list.sortSupports')}</DropdownItem>
        </Dropdown>
      </div>
      {ideas.isPending && <Loading text={t('loading')} />}
      {ideas.isError && <ErrorAlert error={ideas.error} />}
      {ideas.data && (
        <>
          <p role="status" className="portfolio-count">
            {t('list.count', { count: ideas.data.items.length })}
          </p>
          <ul className="portfolio-list">
            {ideas.data.items.map((idea) => (
              <IdeaCard key={idea.id} idea={idea} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
