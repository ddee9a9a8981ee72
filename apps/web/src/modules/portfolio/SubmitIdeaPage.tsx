import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { portfolioApi, type IdeaBody } from './api';
import { IdeaForm } from './IdeaForm';
import { usePortfolioMutation } from './queries';
import './portfolio.css';

/** Residents and staff submit an idea; they follow it from then on. */
export function SubmitIdeaPage() {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const navigate = useNavigate();
  const create = usePortfolioMutation(slug, (body: IdeaBody) =>
    portfolioApi.createIdea(slug, body),
  );
  usePageTitle(t('form.heading'));
  return (
    <div className="page portfolio">
      <Heading variant="h1" mb="s">
        {t('form.heading')}
      </Heading>
      <Paragraph mb="m">{t('form.intro')}</Paragraph>
      <IdeaForm
        submitLabel={t('form.submit')}
        pending={create.isPending}
        error={create.error}
        onSubmit={async (body) => {
          const idea = await create.mutateAsync(body);
          navigate(`/${slug}/portfolio/ideas/${idea.id}?submitted=1`);
        }}
      />
    </div>
  );
}
