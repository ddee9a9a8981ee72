import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDateTimeLong } from '../courses/format';
import { portfolioApi } from './api';
import { PostKind } from './PostKind';
import './portfolio.css';
import './Journal.css';

const PAGE = 20;

/** The municipality's public journal: every experiment's public posts, newest first. */
export function JournalFeedPage() {
  const { t } = useTranslation('experimentOutcome');
  const { slug } = useMunicipality();
  const language = currentLanguage();
  const [params] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  usePageTitle(t('feed.title'));
  const feed = useQuery({
    queryKey: ['portfolio', slug, 'journalFeed', page],
    queryFn: () => portfolioApi.listJournalFeed(slug, (page - 1) * PAGE, PAGE),
  });
  const pages = feed.data ? Math.max(1, Math.ceil(feed.data.total / PAGE)) : 1;
  return (
    <div className="page portfolio">
      <p>
        <Link to={`/${slug}/portfolio`}>{t('feed.back')}</Link>
      </p>
      <Heading variant="h1" mb="s">
        {t('feed.title')}
      </Heading>
      <Paragraph mb="s">{t('feed.intro')}</Paragraph>
      <p>
        <a href={`/api/${encodeURIComponent(slug)}/portfolio/journal.atom`}>{t('feed.atom')}</a>
      </p>
      {feed.isPending && <Loading text={t('feed.loading')} />}
      {feed.isError && <ErrorAlert error={feed.error} />}
      {feed.data?.items.length === 0 && <Paragraph>{t('feed.empty')}</Paragraph>}
      <ul className="portfolio-comments">
        {feed.data?.items.map((post) => (
          <li key={post.id} className={`portfolio-feed__item--${post.kind}`}>
            <PostKind kind={post.kind} outcome={post.outcome} />
            <Heading variant="h3" as="h2" mb="xs">
              <Link to={`/${slug}/portfolio/ideas/${post.ideaId}`}>{post.ideaTitle}</Link>
            </Heading>
            <p className="portfolio-comment__meta">
              {t('feed.meta', {
                author: post.author,
                at: formatDateTimeLong(post.createdAt, language),
              })}
            </p>
            <p className="portfolio-journal__body">{post.body}</p>
            {post.videoUrl && (
              <p>
                <a href={post.videoUrl} rel="noopener noreferrer nofollow" target="_blank">
                  {t('feed.video')}
                  <span className="visually-hidden"> {t('feed.newWindow')}</span>
                </a>
              </p>
            )}
            {post.photos.map((photo) => (
              <img
                key={photo.id}
                className="portfolio-journal__photo"
                src={`/api/${slug}/portfolio/ideas/${post.ideaId}/journal/photos/${photo.id}`}
                alt={photo.altText}
                width={photo.width}
                height={photo.height}
                loading="lazy"
              />
            ))}
          </li>
        ))}
      </ul>
      {feed.data && pages > 1 && (
        <nav className="portfolio-feed__paging" aria-label={t('feed.paging')}>
          {page > 1 && (
            <Link to={`/${slug}/portfolio/journal?page=${page - 1}`}>{t('feed.newer')}</Link>
          )}
          <span>{t('feed.pages', { page, pages })}</span>
          {page < pages && (
            <Link to={`/${slug}/portfolio/journal?page=${page + 1}`}>{t('feed.older')}</Link>
          )}
        </nav>
      )}
    </div>
  );
}
