import { useTranslation } from 'react-i18next';
import { Button, Heading, TextInput } from 'suomifi-ui-components';
import { client, unwrap } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { currentLanguage } from '../../i18n';
import { AttachmentPicker } from '../messages/AttachmentPicker';
import { attachmentProblem, formatSize, toUploads } from '../messages/attachments';
import type { Idea, NewIdeaBody } from './api';
import { usePortfolioMutation } from './queries';
import '../messages/messages.css';
import './portfolio.css';

/**
 * An idea's images and PDF files. Picking them is the message attachments' picker (the same
 * limits, checked by the API again by the bytes), plus a required description of each image
 * for screen readers. On the idea page images show with that description as their text
 * alternative and PDFs are download links; the digital team can remove a file.
 */

export interface ChosenFiles {
  files: File[];
  altTexts: Map<File, string>;
}

const isImage = (file: File) => file.type.startsWith('image/');

/** Whether the chosen files can be sent: the picker's limits and a description of every image. */
export const filesReady = ({ files, altTexts }: ChosenFiles) =>
  attachmentProblem(files) === null &&
  files.filter(isImage).every((f) => (altTexts.get(f) ?? '').trim());

/** The files as the API takes them, with each image's description. */
export async function toIdeaUploads({ files, altTexts }: ChosenFiles) {
  const uploads = await toUploads(files);
  return uploads.map((upload, i): NonNullable<NewIdeaBody['attachments']>[number] =>
    isImage(files[i]!) ? { ...upload, altText: (altTexts.get(files[i]!) ?? '').trim() } : upload,
  );
}

export function IdeaFilesField({
  value,
  onChange,
  showErrors,
  disabled,
}: {
  value: ChosenFiles;
  onChange: (value: ChosenFiles) => void;
  showErrors: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation('ideaAttachments');
  return (
    <div>
      <AttachmentPicker
        files={value.files}
        disabled={disabled}
        onChange={(files) => onChange({ files, altTexts: value.altTexts })}
      />
      {value.files.filter(isImage).map((file) => {
        const alt = value.altTexts.get(file) ?? '';
        const missing = showErrors && !alt.trim();
        return (
          <TextInput
            key={`${file.name}-${file.size}-${file.lastModified}`}
            labelText={t('altText', { name: file.name })}
            hintText={t('altHint')}
            value={alt}
            maxLength={300}
            disabled={disabled}
            status={missing ? 'error' : 'default'}
            statusText={missing ? t('altMissing') : undefined}
            onChange={(v) =>
              onChange({
                files: value.files,
                altTexts: new Map(value.altTexts).set(file, String(v ?? '')),
              })
            }
            fullWidth
          />
        );
      })}
    </div>
  );
}

const fileUrl = (slug: string, ideaId: string, attachmentId: string) =>
  `/api/${encodeURIComponent(slug)}/portfolio/ideas/${ideaId}/attachments/${attachmentId}`;

/** The idea page's images and files. */
export function IdeaAttachmentList({ idea }: { idea: Idea }) {
  const { t } = useTranslation('ideaAttachments');
  const { slug } = useMunicipality();
  const language = currentLanguage();
  const remove = usePortfolioMutation(slug, (attachmentId: string) =>
    unwrap(
      client.DELETE('/api/{slug}/portfolio/ideas/{ideaId}/attachments/{attachmentId}', {
        params: { path: { slug, ideaId: idea.id, attachmentId } },
      }),
    ),
  );
  if (idea.attachments.length === 0) return null;
  const images = idea.attachments.filter((a) => a.contentType !== 'application/pdf');
  const pdfs = idea.attachments.filter((a) => a.contentType === 'application/pdf');
  const removeButton = (a: Idea['attachments'][number]) =>
    idea.canModerate && (
      <Button
        variant="secondaryNoBorder"
        disabled={remove.isPending}
        aria-label={t('teamRemove', { name: a.filename })}
        onClick={() => remove.mutate(a.id)}
      >
        {t('removeShort')}
      </Button>
    );
  return (
    <section aria-labelledby="idea-files-heading" className="form-section">
      <Heading variant="h2" id="idea-files-heading" mb="s">
        {t('heading')}
      </Heading>
      {remove.isError && <ErrorAlert error={remove.error} />}
      {images.length > 0 && (
        <ul className="portfolio-idea-images">
          {images.map((a) => (
            <li key={a.id}>
              <img
                src={fileUrl(slug, idea.id, a.id)}
                alt={a.altText ?? ''}
                width={a.width ?? undefined}
                height={a.height ?? undefined}
                loading="lazy"
              />
              {removeButton(a)}
            </li>
          ))}
        </ul>
      )}
      {pdfs.length > 0 && (
        <ul className="portfolio-idea-files">
          {pdfs.map((a) => (
            <li key={a.id}>
              <a href={fileUrl(slug, idea.id, a.id)} download={a.filename}>
                {t('pdf', { name: a.filename, size: formatSize(a.sizeBytes, language) })}
              </a>{' '}
              {removeButton(a)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
