import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, TextInput } from 'suomifi-ui-components';
import { ErrorAlert, SuccessAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { formatClock, parseTime } from '../bookings/time';
import { useDaycareSettings, useSaveSettings } from './queries';

/** The municipality's absence cut-off: until when an absence for today can be reported. */
export function SettingsForm({ slug }: { slug: string }) {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const settings = useDaycareSettings(slug);
  const save = useSaveSettings(slug);
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [saved, setSaved] = useState('');
  const current = settings.data?.absenceCutoff;
  useEffect(() => {
    if (current) setText(formatClock(current, language));
  }, [current, language]);
  const time = parseTime(text);
  const error = touched && !time ? t('admin.settings.invalid') : undefined;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setSaved('');
    if (!time || save.isPending) return;
    try {
      const result = await save.mutateAsync({ absenceCutoff: time });
      setSaved(t('admin.settings.saved', { time: formatClock(result.absenceCutoff, language) }));
    } catch {
      // shown below
    }
  }

  return (
    <section aria-labelledby="settings-heading" className="form-section">
      <Heading variant="h2" id="settings-heading" mb="s">
        {t('admin.settings.heading')}
      </Heading>
      <div role="status">{saved && <SuccessAlert>{saved}</SuccessAlert>}</div>
      {(settings.isError || save.isError) && <ErrorAlert error={settings.error ?? save.error} />}
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="daycare-inline-form">
        <TextInput
          labelText={t('admin.settings.cutoff')}
          hintText={t('admin.settings.cutoffHint')}
          value={text}
          inputMode="decimal"
          onChange={(value) => setText(String(value ?? ''))}
          status={error ? 'error' : 'default'}
          statusText={error}
        />
        <Button type="submit" disabled={save.isPending}>
          {t('admin.save')}
        </Button>
      </form>
    </section>
  );
}
