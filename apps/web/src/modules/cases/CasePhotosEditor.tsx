import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, TextInput } from 'suomifi-ui-components';
import { ErrorAlert } from '../../app/feedback';
import { LocalError } from './LocalError';
import { useMunicipality } from '../../app/MunicipalityContext';
import type { CaseCard } from './api';
import { useCasePhotos } from './queries';

const MAX_BYTES = 8 * 1024 * 1024;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Photos of the card: a file and its text alternative; the server resizes them. */
export function CasePhotosEditor({ card }: { card: CaseCard }) {
  const { t } = useTranslation('cases');
  const { slug } = useMunicipality();
  const { add, remove } = useCasePhotos(slug, card.id);
  const fileRef = useRef<HTMLInputElement>(null);
  const [altText, setAltText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setProblem(t('photos.chooseFile'));
    if (file.size > MAX_BYTES) return setProblem(t('photos.tooLarge'));
    if (!altText.trim()) return setProblem(t('photos.altMissing'));
    setProblem(null);
    add.mutate(
      { dataBase64: await toBase64(file), altText: altText.trim() },
      {
        onSuccess: () => {
          setAltText('');
          if (fileRef.current) fileRef.current.value = '';
        },
      },
    );
  }

  return (
    <section className="case-section" aria-labelledby="case-photos-heading">
      <Heading variant="h2" id="case-photos-heading" mb="s">
        {t('case.photos')}
      </Heading>
      {card.photos.length > 0 && (
        <ul className="case-photos">
          {card.photos.map((photo) => (
            <li key={photo.id}>
              <figure className="case-photo">
                <img
                  src={`/api/${slug}/cases/${card.id}/photos/${photo.id}`}
                  alt={photo.altText}
                  width={photo.width}
                  height={photo.height}
                />
                <figcaption>{photo.altText}</figcaption>
              </figure>
              <Button
                variant="secondary"
                disabled={remove.isPending}
                onClick={() => remove.mutate(photo.id)}
              >
                {t('photos.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className="case-form" onSubmit={onSubmit} noValidate>
        <div className="case-select">
          <label htmlFor="case-photo-file" className="case-select__label">
            {t('photos.file')}
          </label>
          <input
            id="case-photo-file"
            ref={fileRef}
            type="file"
            accept="image/jpeg,image/png,image/webp"
          />
        </div>
        <TextInput
          labelText={t('photos.alt')}
          hintText={t('photos.altHint')}
          value={altText}
          maxLength={300}
          onChange={(v) => setAltText(String(v ?? ''))}
          fullWidth
        />
        {problem && <LocalError>{problem}</LocalError>}
        {add.isError && <ErrorAlert error={add.error} />}
        <div>
          <Button type="submit" disabled={add.isPending}>
            {t('photos.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
