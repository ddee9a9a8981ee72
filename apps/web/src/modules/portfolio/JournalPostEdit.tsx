import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, RadioButton, RadioButtonGroup } from 'suomifi-ui-components';
import { client, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';
import { ErrorAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { JournalTextFields } from './JournalTextFields';
import { usePortfolioMutation } from './queries';

type Post =
  operations['listJournal']['responses'][200]['content']['application/json']['items'][number];
type Visibility = Post['visibility'];

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Edit or delete a journal post: its author (still in the experiment) or the digital team.
 * The edit changes the text, the video link and who sees it; the photos stay. Deleting asks
 * once more in the page (no browser dialog) and removes the photos too.
 */
export function JournalPostActions({ ideaId, post }: { ideaId: string; post: Post }) {
  const { t } = useTranslation('journal');
  const { slug } = useMunicipality();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view');
  const [body, setBody] = useState(post.body);
  const [videoUrl, setVideoUrl] = useState(post.videoUrl ?? '');
  const [visibility, setVisibility] = useState<Visibility>(post.visibility);
  const [problem, setProblem] = useState<string | null>(null);
  const path = { params: { path: { slug, ideaId, postId: post.id } } };
  const save = usePortfolioMutation(slug, () =>
    unwrap(
      client.PUT('/api/{slug}/portfolio/ideas/{ideaId}/journal/{postId}', {
        ...path,
        body: { body: body.trim(), videoUrl: videoUrl.trim() || null, visibility },
      }),
    ),
  );
  const remove = usePortfolioMutation(slug, () =>
    unwrap(client.DELETE('/api/{slug}/portfolio/ideas/{ideaId}/journal/{postId}', path)),
  );
  const start = short(post.body);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setProblem(t('form.bodyMissing'));
    setProblem(null);
    save.mutate(undefined, { onSuccess: () => setMode('view') });
  };

  if (mode === 'edit') {
    return (
      <form className="portfolio-form" onSubmit={submit} noValidate>
        <Heading variant="h3" mb="xs">
          {t('edit.heading')}
        </Heading>
        {problem && (
          <p role="alert" className="portfolio-late">
            {problem}
          </p>
        )}
        {save.isError && <ErrorAlert error={save.error} />}
        <JournalTextFields
          body={body}
          videoUrl={videoUrl}
          onBody={setBody}
          onVideoUrl={setVideoUrl}
        />
        <RadioButtonGroup
          labelText={t('form.visibility')}
          name={`journal-visibility-${post.id}`}
          value={visibility}
          onChange={(v) => setVisibility(v === 'internal' ? 'internal' : 'public')}
        >
          <RadioButton value="public">{t('visibility.public')}</RadioButton>
          <RadioButton value="internal">{t('visibility.internal')}</RadioButton>
        </RadioButtonGroup>
        <div className="portfolio-actions">
          <Button type="submit" disabled={save.isPending}>
            {t('edit.save')}
          </Button>
          <Button variant="secondary" onClick={() => setMode('view')}>
            {t('edit.cancel')}
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="portfolio-journal__actions">
      {remove.isError && <ErrorAlert error={remove.error} />}
      {mode === 'confirm' ? (
        <div role="group" aria-label={t('edit.deleteLabel', { start })}>
          <p>{t('edit.confirm')}</p>
          <div className="portfolio-actions">
            <Button disabled={remove.isPending} onClick={() => remove.mutate(undefined)}>
              {t('edit.confirmDelete')}
            </Button>
            <Button variant="secondary" onClick={() => setMode('view')}>
              {t('edit.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="portfolio-actions">
          <Button
            variant="secondary"
            aria-label={t('edit.openLabel', { start })}
            onClick={() => {
              setBody(post.body);
              setVideoUrl(post.videoUrl ?? '');
              setVisibility(post.visibility);
              setMode('edit');
            }}
          >
            {t('edit.open')}
          </Button>
          <Button
            variant="secondary"
            aria-label={t('edit.deleteLabel', { start })}
            onClick={() => setMode('confirm')}
          >
            {t('edit.delete')}
          </Button>
        </div>
      )}
    </div>
  );
}
