import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useParams } from 'react-router-dom';
import { Button, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import type { CaseCard } from './api';
import { CaseFacts, CaseBody } from './CaseBody';
import { useCase, useCaseBankSession, useCaseHere, useCopyCase, useSupportCase } from './queries';
import './cases.css';

/** A published case card, public; signed-in people support it, staff copy it home. */
export function CasePage() {
  const { t } = useTranslation('cases');
  const { id = '' } = useParams();
  const card = useCase(id);
  usePageTitle(card.data?.title ?? t('case.loading'));

  if (card.isPending) return <Loading text={t('case.loading')} />;
  if (card.isError) {
    return (
      <div className="page">
        <ErrorAlert error={card.error} />
        <BackLink />
      </div>
    );
  }
  return (
    <div className="page">
      <BackLink />
      <Heading variant="h1" mb="s">
        {card.data.title}
      </Heading>
      <CaseFacts card={card.data} />
      <Actions card={card.data} />
      <CaseBody card={card.data} photoUrl={(p) => `/api/cases/${card.data.id}/photos/${p}`} />
    </div>
  );
}

function BackLink() {
  const { t } = useTranslation('cases');
  return (
    <Paragraph mb="s">
      <RouterLink asComponent={RouterDomLink} to="/cases">
        {t('case.back')}
      </RouterLink>
    </Paragraph>
  );
}

function Actions({ card }: { card: CaseCard }) {
  const { t } = useTranslation('cases');
  const language = currentLanguage();
  const session = useCaseBankSession();
  const support = useSupportCase(card.id);
  if (!session.data) return null;
  // Staff of another municipality may copy the case into their own pipeline.
  const copyTo = session.data.staffOf.filter((m) => m.slug !== card.municipality.slug);
  return (
    <section aria-label={t('case.actions')}>
      {!session.data.signedIn && <Paragraph mb="s">{t('case.signInToSupport')}</Paragraph>}
      <div className="case-actions">
        {session.data.signedIn && (
          <Button
            variant={card.mySupport ? 'secondary' : 'default'}
            aria-pressed={card.mySupport}
            disabled={support.isPending}
            onClick={() => support.mutate(!card.mySupport)}
          >
            {card.mySupport ? t('case.supported') : t('case.support')}
          </Button>
        )}
        {copyTo.map((m) => (
          <CopyButton key={m.slug} card={card} slug={m.slug} name={m.name[language]} />
        ))}
      </div>
      {support.isError && <ErrorAlert error={support.error} />}
    </section>
  );
}

/**
 * "Copy to our municipality" for staff of `slug`. The municipality's own view of the case tells
 * whether it has been copied there already (then the button is not offered again).
 */
function CopyButton({ card, slug, name }: { card: CaseCard; slug: string; name: string }) {
  const { t } = useTranslation('cases');
  const here = useCaseHere(slug, card.id);
  const copy = useCopyCase(card.id);
  if (here.isPending) return null;
  const ideaId = copy.data?.ideaId ?? here.data?.copiedByUs;
  if (ideaId) {
    return (
      <div>
        <SuccessAlert>{t('case.copied', { name })}</SuccessAlert>
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/portfolio/ideas/${ideaId}`}>
          {t('case.openIdea')}
        </RouterLink>
      </div>
    );
  }
  return (
    <div>
      <Button variant="secondary" disabled={copy.isPending} onClick={() => copy.mutate(slug)}>
        {t('case.copyTo', { name })}
      </Button>
      {copy.isError && <ErrorAlert error={copy.error} />}
    </div>
  );
}
