import { useState, type FormEvent } from 'react';
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
import { currentLanguage } from '../../i18n';
import { useSession } from '../platform/queries';
import type { IdeaFilter, IdeaSummary } from './api';
import { useIdeas, useStages } from './queries';
import { StageTag } from './StageName';
import { canModerate } from './roles';
import { ExperimenterCount } from './ExperimenterCount';
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
  const { slug } = useMunicipality();
  const session = useSession(slug);
  const stages = useStages(slug);
  const language = currentLanguage();
  const team = canModerate(session.data);
  const [stage, setStage] = useState('all');
  const [sort, setSort] = useState<'new' | 'supports'>('new');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const filter: IdeaFilter = {
    sort,
    ...(stage !== 'all' ? { stage } : {}),
    ...(q ? { q } : {}),
    ...(team ? { includeHidden: true } : {}),
  };
  const ideas = useIdeas(slug, filter);
  usePageTitle(t('list.title'));

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
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
        <Dropdown
          labelText={t('list.stage')}
          value={stage}
          onChange={(value: string) => setStage(value)}
        >
          {[
            <DropdownItem key="all" value="all">
              {t('list.allStages')}
            </DropdownItem>,
            ...(stages.data?.items ?? []).map((s) => (
              <DropdownItem key={s.key} value={s.key}>
                {s.name[language]}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
        <Dropdown
          labelText={t('list.sort')}
          value={sort}
          onChange={(value: string) => setSort(value === 'supports' ? 'supports' : 'new')}
        >
          <DropdownItem value="new">{t('list.sortNew')}</DropdownItem>
          <DropdownItem value="supports">{t('list.sortSupports')}</DropdownItem>
        </Dropdown>
      </form>
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
