import { useTranslation } from 'react-i18next';
import { messageAttachmentUrl, type MessageAttachment } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { formatSize } from './attachments';

/**
 * A message's attachments: a download link for each, with a thumbnail for images (the image
 * is decoration inside a link that names the file, so its alternative text is empty).
 */
export function AttachmentList({
  slug,
  attachments,
}: {
  slug: string;
  attachments: MessageAttachment[];
}) {
  const { t } = useTranslation('messages');
  const language = currentLanguage();
  if (attachments.length === 0) return null;
  return (
    <ul className="message-attachments" aria-label={t('attachments.list')}>
      {attachments.map((a) => {
        const url = messageAttachmentUrl(slug, a.id);
        const image = a.contentType.startsWith('image/');
        return (
          <li key={a.id}>
            <a href={url} download={a.filename} className="message-attachment">
              {image ? (
                <img src={url} alt="" loading="lazy" className="message-attachment__thumb" />
              ) : (
                <span className="message-attachment__icon" aria-hidden="true">
                  PDF
                </span>
              )}
              <span className="message-attachment__name">{a.filename}</span>
              <span className="message-attachment__size">
                {t('attachments.size', { size: formatSize(a.sizeBytes, language) })}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
