import { useTranslation } from 'react-i18next';
import { Textarea, TextInput } from 'suomifi-ui-components';

/** The text and the video link of a journal post: the same fields to write and to edit one. */
export function JournalTextFields({
  body,
  videoUrl,
  onBody,
  onVideoUrl,
}: {
  body: string;
  videoUrl: string;
  onBody: (body: string) => void;
  onVideoUrl: (videoUrl: string) => void;
}) {
  const { t } = useTranslation('journal');
  return (
    <>
      <Textarea
        labelText={t('form.body')}
        value={body}
        maxLength={4000}
        onChange={(e) => onBody(e.target.value)}
        fullWidth
      />
      <TextInput
        labelText={t('form.videoUrl')}
        optionalText={t('form.optional')}
        hintText={t('form.videoHint')}
        type="url"
        value={videoUrl}
        onChange={(v) => onVideoUrl(String(v ?? ''))}
        fullWidth
      />
    </>
  );
}
