import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { portfolioApi, type NewIdeaBody } from './api';
import { filesReady, IdeaFilesField, toIdeaUploads, type ChosenFiles } from './IdeaAttachments';
import { IdeaForm } from './IdeaForm';
import { usePortfolioMutation } from './queries';
import './portfolio.css';

/** Residents and staff submit an idea, with images and PDF files; they follow it from then on. */
export function SubmitIdeaPage() {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const navigate = useNavigate();
  const [files, setFiles] = useState<ChosenFiles>({ files: [], altTexts: new Map() });
  const [tried, setTried] = useState(false);
  const create = usePortfolioMutation(slug, (body: NewIdeaBody) =>
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
          setTried(true);
          // The picker and the descriptions show what is wrong; nothing is sent until fixed.
          if (!filesReady(files)) return;
          const idea = await create.mutateAsync({
            ...body,
            attachments: await toIdeaUploads(files),
          });
          navigate(`/${slug}/portfolio/ideas/${idea.id}?submitted=1`);
        }}
      >
        <IdeaFilesField
          value={files}
          onChange={setFiles}
          showErrors={tried}
          disabled={create.isPending}
        />
      </IdeaForm>
    </div>
  );
}
