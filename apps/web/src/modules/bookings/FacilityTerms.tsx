import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Textarea } from 'suomifi-ui-components';
import type { ResourceDetails, ResourceTerms } from '../../api/client';
import { ErrorAlert, SuccessAlert } from '../../app/feedback';
import { currentLanguage, type Language } from '../../i18n';
import { useSetResourceTerms } from './queries';

/** The facility's terms of use on its page: what a booker accepts before booking. */
export function TermsSection({ terms }: { terms: ResourceTerms }) {
  const { t } = useTranslation('bookings');
  return (
    <section aria-labelledby="terms-heading" className="form-section facility-terms" id="terms">
      <Heading variant="h2" id="terms-heading" mb="s">
        {t('terms.heading')}
      </Heading>
      <Paragraph className="facility-terms__text">{terms.text[currentLanguage()]}</Paragraph>
    </section>
  );
}

const LANGUAGES: Language[] = ['fi', 'sv', 'en'];

/**
 * Staff write the terms in Finnish, Swedish and English (or empty all three to remove them).
 * Saving makes a new version: bookers accept the version in force, and each booking keeps the
 * version its booker accepted.
 */
export function TermsEditor({ slug, resource }: { slug: string; resource: ResourceDetails }) {
  const { t } = useTranslation('bookings');
  const save = useSetResourceTerms(slug, resource.id);
  const [text, setText] = useState<Record<Language, string>>(
    resource.terms?.text ?? { fi: '', sv: '', en: '' },
  );
  const [touched, setTouched] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const filled = LANGUAGES.filter((l) => text[l].trim()).length;
  const partial = filled > 0 && filled < 3;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (partial) return;
    save.mutate(
      { fi: text.fi.trim(), sv: text.sv.trim(), en: text.en.trim() },
      {
        onSuccess: (terms) =>
          setSaved(terms ? t('terms.saved', { version: terms.version }) : t('terms.removed')),
      },
    );
  }

  return (
    <section aria-labelledby="terms-editor-heading" className="form-section">
      <Heading variant="h2" id="terms-editor-heading" mb="s">
        {t('terms.editHeading')}
      </Heading>
      <Paragraph mb="s">{t('terms.editIntro')}</Paragraph>
      <Paragraph mb="m">
        {resource.terms
          ? t('terms.currentVersion', { version: resource.terms.version })
          : t('terms.none')}
      </Paragraph>
      {saved && <SuccessAlert>{saved}</SuccessAlert>}
      {save.isError && <ErrorAlert error={save.error} />}
      <form onSubmit={onSubmit} noValidate>
        {LANGUAGES.map((language) => (
          <Textarea
            key={language}
            labelText={t(`terms.text_${language}`)}
            value={text[language]}
            rows={6}
            maxLength={8000}
            onChange={(event) => {
              const value = event.target.value;
              setText((old) => ({ ...old, [language]: value }));
              setSaved(null);
            }}
            status={touched && partial && !text[language].trim() ? 'error' : 'default'}
            statusText={
              touched && partial && !text[language].trim() ? t('terms.allLanguages') : undefined
            }
            fullWidth
            mb="m"
          />
        ))}
        <Button type="submit" disabled={save.isPending}>
          {t('terms.save')}
        </Button>
      </form>
    </section>
  );
}
