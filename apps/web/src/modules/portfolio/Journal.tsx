import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, RadioButton, RadioButtonGroup, TextInput } from 'suomifi-ui-components';
import { client, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';
import { ErrorAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { currentLanguage } from '../../i18n';
import { formatDateTimeLong } from '../courses/format';
import { JournalPostActions } from './JournalPostEdit';
import { JournalTextFields } from './JournalTextFields';
import { usePortfolioMutation } from './queries';
import { PostKind } from './PostKind';
import './Journal.css';

type Journal = operations['listJournal']['responses'][200]['content']['application/json'];
type Visibility = 'public' | 'internal';
// The server's limit; checked here too so a big file is refused before it is sent.
const MAX_BYTES = 8 * 1024 * 1024;

const journalApi = {
  list: (slug: string, ideaId: string) =>
    unwrap(
      client.GET('/api/{slug}/portfolio/ideas/{ideaId}/journal', {
        params: { path: { slug, ideaId } },
      }),
    ),
  add: (
    slug: string,
    ideaId: string,
    body: operations['addJournalPost']['requestBody']['content']['application/json'],
  ) =>
    unwrap(
      client.POST('/api/{slug}/portfolio/ideas/{ideaId}/journal', {
        params: { path: { slug, ideaId } },
        body,
      }),
    ),
};

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}

function PostForm({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation('journal');
  const { slug } = useMunicipality();
  const [body, setBody] = useState('');
  const [videoUrl, setVideoUrl] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [altText, setAltText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const add = usePortfolioMutation(slug, (input: Parameters<typeof journalApi.add>[2]) =>
    journalApi.add(slug, ideaId, input),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!body.trim()) return setProblem(t('form.bodyMissing'));
    if (file && file.size > MAX_BYTES) return setProblem(t('form.tooLarge'));
    if (file && !altText.trim()) return setProblem(t('form.altMissing'));
    setProblem(null);
    const photos = file ? [{ dataBase64: await readBase64(file), altText: altText.trim() }] : [];
    add.mutate(
      { body: body.trim(), videoUrl: videoUrl.trim() || null, visibility, photos },
      {
        onSuccess: () => {
          setBody('');
          setVideoUrl('');
          setAltText('');
          if (fileRef.current) fileRef.current.value = '';
        },
      },
    );
  };
  return (
    <form className="portfolio-form" onSubmit={(e) => void submit(e)} noValidate>
      <Heading variant="h3" mb="xs">
        {t('form.heading')}
      </Heading>
      {problem && (
        <p role="alert" className="portfolio-late">
          {problem}
        </p>
      )}
      {add.isError && <ErrorAlert error={add.error} />}
      <JournalTextFields
        body={body}
        videoUrl={videoUrl}
        onBody={setBody}
        onVideoUrl={setVideoUrl}
      />
      <div>
        <label htmlFor="journal-photo" className="portfolio-journal__label">
          {t('form.photo')} ({t('form.optional')})
        </label>
        <input
          id="journal-photo"
          ref={fileRef}
          type="file"
          accept="image/jpeg,image/png,image/webp"
        />
      </div>
      <TextInput
        labelText={t('form.altText')}
        optionalText={t('form.optional')}
        hintText={t('form.altHint')}
        value={altText}
        maxLength={300}
        onChange={(v) => setAltText(String(v ?? ''))}
        fullWidth
      />
      <RadioButtonGroup
        labelText={t('form.visibility')}
        name="journal-visibility"
        value={visibility}
        onChange={(v) => setVisibility(v === 'internal' ? 'internal' : 'public')}
      >
        <RadioButton value="public">{t('visibility.public')}</RadioButton>
        <RadioButton value="internal">{t('visibility.internal')}</RadioButton>
      </RadioButtonGroup>
      <Button type="submit" disabled={add.isPending}>
        {t('form.submit')}
      </Button>
    </form>
  );
}

/** The experiment's journal on the idea page: public posts for all, the form for insiders. */
export function JournalSection({ ideaId, enabled }: { ideaId: string; enabled: boolean }) {
  const { t } = useTranslation('journal');
  const { slug } = useMunicipality();
  const language = currentLanguage();
  const journal = useQuery({
    queryKey: ['portfolio', slug, 'journal', ideaId],
    queryFn: () => journalApi.list(slug, ideaId),
    enabled,
    retry: false,
  });
  // No experiment (404): no journal to show.
  const data: Journal | undefined = journal.data;
  if (!enabled || !data) return null;
  return (
    <section aria-labelledby="journal-heading" className="form-section">
      <Heading variant="h2" id="journal-heading" mb="s">
        {t('heading')}
      </Heading>
      {data.items.length === 0 && <p>{t('empty')}</p>}
      <ul className="portfolio-comments">
        {data.items.map((post) => (
          <li key={post.id}>
            <PostKind kind={post.kind} />
            <p className="portfolio-comment__meta">
              {post.author}, {formatDateTimeLong(post.createdAt, language)}
              {post.visibility === 'internal' && ` (${t('visibility.internalShort')})`}
              {post.editedAt && ` (${t('edited')})`}
            </p>
            <p className="portfolio-journal__body">{post.body}</p>
            {post.videoUrl && (
              <p>
                <a href={post.videoUrl} rel="noopener noreferrer nofollow" target="_blank">
                  {t('video')}
                  <span className="visually-hidden"> {t('newWindow')}</span>
                </a>
              </p>
            )}
            {post.photos.map((photo) => (
              <img
                key={photo.id}
                className="portfolio-journal__photo"
                src={`/api/${slug}/portfolio/ideas/${ideaId}/journal/photos/${photo.id}`}
                alt={photo.altText}
                width={photo.width}
                height={photo.height}
                loading="lazy"
              />
            ))}
            {post.canEdit && <JournalPostActions ideaId={ideaId} post={post} />}
          </li>
        ))}
      </ul>
      {data.canPost && <PostForm ideaId={ideaId} />}
    </section>
  );
}
