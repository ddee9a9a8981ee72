import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useNavigate, useParams } from 'react-router-dom';
import { Button, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import type { CaseCard } from './api';
import { draftOf } from './caseDraft';
import { CaseForm } from './CaseForm';
import { CasePhotosEditor } from './CasePhotosEditor';
import { useCaseHere, useDeleteCase, usePublishCase, useSaveCase } from './queries';
import './cases.css';

/** The digital team writes a case card, adds photos and publishes it (or takes it back). */
export function CaseEditPage() {
  const { t } = useTranslation('cases');
  const { slug } = useMunicipality();
  const { caseId } = useParams();
  const card = useCaseHere(slug, caseId);
  const title = caseId ? t('edit.title') : t('edit.newTitle');
  usePageTitle(title);
  if (caseId && card.isPending) return <Loading text={t('loading')} />;
  if (card.isError) return <ErrorAlert error={card.error} />;
  return (
    <div className="page">
      <Paragraph mb="s">
        <RouterLink asComponent={RouterDomLink} to={`/${slug}/admin/cases`}>
          {t('edit.back')}
        </RouterLink>
      </Paragraph>
      <Heading variant="h1" mb="m">
        {title}
      </Heading>
      {card.data && <PublishPanel card={card.data} />}
      <Editor key={card.data?.id ?? 'new'} card={card.data} />
      {card.data && <CasePhotosEditor card={card.data} />}
    </div>
  );
}

function Editor({ card }: { card: CaseCard | undefined }) {
  const { t } = useTranslation('cases');
  const { slug } = useMunicipality();
  const navigate = useNavigate();
  const save = useSaveCase(slug, card?.id);
  return (
    <>
      {save.isSuccess && card && <SuccessAlert>{t('edit.saved')}</SuccessAlert>}
      <CaseForm
        initial={draftOf(card)}
        saving={save.isPending}
        error={save.error}
        onSave={(body) =>
          save.mutate(body, {
            onSuccess: (saved) => {
              if (!card) navigate(`/${slug}/admin/cases/${saved.id}`, { replace: true });
            },
          })
        }
      />
    </>
  );
}

function PublishPanel({ card }: { card: CaseCard }) {
  const { t } = useTranslation('cases');
  const { slug } = useMunicipality();
  const navigate = useNavigate();
  const publish = usePublishCase(slug, card.id);
  const remove = useDeleteCase(slug, card.id);
  const published = card.status === 'published';
  return (
    <section aria-label={t('edit.state')} className="case-section">
      <Paragraph mb="s" role="status">
        {published ? t('edit.isPublished') : t('edit.isDraft')}
      </Paragraph>
      <div className="case-actions">
        <Button disabled={publish.isPending} onClick={() => publish.mutate(!published)}>
          {published ? t('edit.unpublish') : t('edit.publish')}
        </Button>
        {published && (
          <RouterLink asComponent={RouterDomLink} to={`/cases/${card.id}`}>
            {t('edit.view')}
          </RouterLink>
        )}
        {!published && (
          <Button
            variant="secondary"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(t('edit.confirmDelete'))) {
                remove.mutate(undefined, { onSuccess: () => navigate(`/${slug}/admin/cases`) });
              }
            }}
          >
            {t('edit.delete')}
          </Button>
        )}
      </div>
      {publish.isError && <ErrorAlert error={publish.error} />}
      {remove.isError && <ErrorAlert error={remove.error} />}
    </section>
  );
}
