import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Button, Heading, Paragraph, Textarea } from 'suomifi-ui-components';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDateTimeLong } from '../courses/format';
import { useSession } from '../platform/queries';
import { portfolioApi, type Idea } from './api';
import { ExperimentClock } from './ExperimentClock';
import { IdeaAttachmentList } from './IdeaAttachments';
import { IdeaHistory } from './IdeaHistory';
import { IdeaTeamPanel } from './IdeaTeamPanel';
import { JournalSection } from './Journal';
import { useIdea, usePortfolioMutation } from './queries';
import { StageTag } from './StageName';
import './portfolio.css';

function Comments({ idea, signedIn }: { idea: Idea; signedIn: boolean }) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const language = currentLanguage();
  const [body, setBody] = useState('');
  const add = usePortfolioMutation(slug, (text: string) =>
    portfolioApi.addIdeaComment(slug, idea.id, text),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim() || add.isPending) return;
    await add.mutateAsync(body.trim()).then(
      () => setBody(''),
      () => undefined,
    );
  };
  return (
    <section aria-labelledby="comments-heading" className="form-section">
      <Heading variant="h2" id="comments-heading" mb="s">
        {t('idea.commentsHeading', { count: idea.comments.length })}
      </Heading>
      <ul className="portfolio-comments">
        {idea.comments.map((c) => (
          <li key={c.id}>
            <p className="portfolio-comment__meta">
              {c.author}, {formatDateTimeLong(c.createdAt, language)}
              {c.hidden && ` (${t('idea.hidden')})`}
            </p>
            <p>{c.body}</p>
          </li>
        ))}
      </ul>
      {signedIn && !idea.hidden && !idea.mergedInto && (
        <form onSubmit={(event) => void submit(event)} className="portfolio-form">
          {add.isError && <ErrorAlert error={add.error} />}
          <Textarea
            labelText={t('idea.commentLabel')}
            value={body}
            maxLength={2000}
            onChange={(e) => setBody(e.target.value)}
            fullWidth
          />
          <Button type="submit" disabled={add.isPending}>
            {t('idea.commentSubmit')}
          </Button>
        </form>
      )}
    </section>
  );
}

function Actions({ idea }: { idea: Idea }) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const support = usePortfolioMutation(slug, (on: boolean) =>
    portfolioApi.supportIdea(slug, idea.id, on),
  );
  const follow = usePortfolioMutation(slug, (on: boolean) =>
    portfolioApi.followIdea(slug, idea.id, on),
  );
  return (
    <div className="portfolio-actions">
      {(support.isError || follow.isError) && <ErrorAlert error={support.error ?? follow.error} />}
      <Button
        variant={idea.supportedByMe ? 'secondary' : 'default'}
        aria-pressed={idea.supportedByMe}
        disabled={support.isPending}
        onClick={() => support.mutate(!idea.supportedByMe)}
      >
        {idea.supportedByMe ? t('idea.supported') : t('idea.support')}
      </Button>
      <Button
        variant="secondary"
        aria-pressed={idea.followedByMe}
        disabled={follow.isPending}
        onClick={() => follow.mutate(!idea.followedByMe)}
      >
        {idea.followedByMe ? t('idea.following') : t('idea.follow')}
      </Button>
    </div>
  );
}

/** An idea's public page: what it is, its supports, comments and history; the team's tools. */
export function IdeaPage() {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const { ideaId = '' } = useParams();
  const [search] = useSearchParams();
  const session = useSession(slug);
  const idea = useIdea(slug, ideaId);
  const language = currentLanguage();
  const data = idea.data;
  usePageTitle(data?.title || t('idea.hiddenTitle'));
  if (idea.isPending) return <Loading text={t('loading')} />;
  if (idea.isError || !data) return <ErrorAlert error={idea.error} />;
  const signedIn = Boolean(session.data?.user);

  return (
    <div className="page portfolio">
      <p>
        <Link to={`/${slug}/portfolio`}>{t('idea.back')}</Link>
      </p>
      {search.get('submitted') && <SuccessAlert>{t('form.done')}</SuccessAlert>}
      <Heading variant="h1" mb="s">
        {data.title || t('idea.hiddenTitle')}
      </Heading>
      <p className="portfolio-card__meta">
        <StageTag stage={data.stage} />
        <span>{t(`idea.by.${data.submittedAs}`)}</span>
        <span>{formatDateTimeLong(data.createdAt, language)}</span>
      </p>
      {data.hidden && (
        <div className="portfolio-notice">
          <Paragraph>{t('idea.hiddenBecause', { reason: data.hiddenReason ?? '' })}</Paragraph>
        </div>
      )}
      {data.mergedInto && (
        <div className="portfolio-notice">
          <Paragraph>
            {t('idea.merged')}{' '}
            <Link to={`/${slug}/portfolio/ideas/${data.mergedInto}`}>{t('idea.mergedLink')}</Link>
          </Paragraph>
        </div>
      )}
      {data.problem && (
        <>
          <Heading variant="h2" mb="xs">
            {t('idea.problem')}
          </Heading>
          <Paragraph mb="m">{data.problem}</Paragraph>
          <Heading variant="h2" mb="xs">
            {t('idea.proposal')}
          </Heading>
          <Paragraph mb="m">{data.proposal}</Paragraph>
        </>
      )}
      <dl className="portfolio-facts">
        {(
          [
            ['targetGroups', data.targetGroups.join(', ')],
            ['departments', data.departments.join(', ')],
            ['themes', data.themes.join(', ')],
            ['owner', data.owner?.name ?? ''],
            ['timebox', data.timeboxDays ? t('idea.days', { count: data.timeboxDays }) : ''],
            ['goal', data.goal],
            ['results', data.results],
            ['submitter', data.submitter?.name ?? ''],
          ] as const
        )
          .filter(([, value]) => value)
          .map(([key, value]) => (
            <div key={key}>
              <dt>{t(`idea.fact.${key}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <IdeaAttachmentList idea={data} />
      <ExperimentClock ideaId={data.id} enabled={data.timeboxDays !== null && !data.mergedInto} />
      <p className="portfolio-count">{t('idea.supports', { count: data.supportCount })}</p>
      {signedIn && !data.hidden && !data.mergedInto && <Actions idea={data} />}
      {!signedIn && (
        <Paragraph mb="m">
          <Link
            to={`/${slug}/login?returnTo=${encodeURIComponent(`/${slug}/portfolio/ideas/${data.id}`)}`}
          >
            {t('idea.signIn')}
          </Link>
        </Paragraph>
      )}
      <JournalSection ideaId={data.id} enabled={data.timeboxDays !== null && !data.mergedInto} />
      <Comments idea={data} signedIn={signedIn} />
      <IdeaHistory idea={data} />
      {data.canModerate && <IdeaTeamPanel idea={data} />}
    </div>
  );
}
