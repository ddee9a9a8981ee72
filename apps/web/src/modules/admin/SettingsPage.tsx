import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { ApiError, type MunicipalitySettings } from '../../api/client';
import { ErrorAlert, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { languages } from '../../i18n';
import { InvoicingSettingsForm } from './InvoicingSettingsForm';
import { useUpdateSettings } from './queries';

const colourPattern = /^#[0-9a-fA-F]{6}$/;

export function SettingsPage() {
  const { t } = useTranslation('admin');
  const municipality = useMunicipality();
  const update = useUpdateSettings(municipality.slug);
  const [form, setForm] = useState<MunicipalitySettings>(() => ({
    name: { ...municipality.name },
    contactEmail: municipality.contactEmail,
    contactPhone: municipality.contactPhone,
    address: municipality.address,
    themeColor: municipality.themeColor,
  }));
  const [touched, setTouched] = useState(false);
  usePageTitle(t('settings.title'));

  const clientErrors: Record<string, string | undefined> = {
    'name.fi': form.name.fi.trim() ? undefined : t('required'),
    'name.sv': form.name.sv.trim() ? undefined : t('required'),
    'name.en': form.name.en.trim() ? undefined : t('required'),
    contactEmail: form.contactEmail.includes('@') ? undefined : t('settings.invalidEmail'),
    themeColor: colourPattern.test(form.themeColor) ? undefined : t('settings.invalidColour'),
  };
  const errorOf = (field: string) =>
    (update.error instanceof ApiError ? update.error.fieldError(field) : undefined) ??
    (touched ? clientErrors[field] : undefined);
  const status = (field: string) => (errorOf(field) ? ('error' as const) : ('default' as const));
  const set = (patch: Partial<MunicipalitySettings>) => setForm((f) => ({ ...f, ...patch }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (Object.values(clientErrors).some(Boolean)) return;
    update.mutate({ ...form, name: { ...form.name } });
  }

  return (
    <>
      <Heading variant="h1" mb="s">
        {t('settings.title')}
      </Heading>
      <Paragraph mb="m">{t('settings.intro')}</Paragraph>
      {update.isSuccess && <SuccessAlert>{t('settings.saved')}</SuccessAlert>}
      {update.isError && <ErrorAlert error={update.error} />}
      <form onSubmit={onSubmit} noValidate className="form-section">
        {languages.map((lang) => (
          <TextInput
            key={lang}
            labelText={t(`settings.name_${lang}`)}
            value={form.name[lang]}
            onChange={(v) => set({ name: { ...form.name, [lang]: String(v ?? '') } })}
            status={status(`name.${lang}`)}
            statusText={errorOf(`name.${lang}`)}
            fullWidth
            mb="m"
          />
        ))}
        <TextInput
          labelText={t('settings.contactEmail')}
          type="email"
          value={form.contactEmail}
          onChange={(v) => set({ contactEmail: String(v ?? '') })}
          status={status('contactEmail')}
          statusText={errorOf('contactEmail')}
          fullWidth
          mb="m"
        />
        <TextInput
          labelText={t('settings.contactPhone')}
          type="tel"
          value={form.contactPhone}
          onChange={(v) => set({ contactPhone: String(v ?? '') })}
          status={status('contactPhone')}
          statusText={errorOf('contactPhone')}
          fullWidth
          mb="m"
        />
        <TextInput
          labelText={t('settings.address')}
          value={form.address}
          onChange={(v) => set({ address: String(v ?? '') })}
          status={status('address')}
          statusText={errorOf('address')}
          fullWidth
          mb="m"
        />
        <TextInput
          labelText={t('settings.themeColor')}
          hintText={t('settings.themeColorHint')}
          value={form.themeColor}
          onChange={(v) => set({ themeColor: String(v ?? '') })}
          status={status('themeColor')}
          statusText={errorOf('themeColor')}
          mb="xs"
        />
        <span
          className="colour-swatch"
          aria-hidden="true"
          style={{
            backgroundColor: colourPattern.test(form.themeColor) ? form.themeColor : 'transparent',
          }}
        />
        <Button type="submit" disabled={update.isPending}>
          {t('settings.save')}
        </Button>
      </form>
      <InvoicingSettingsForm slug={municipality.slug} />
    </>
  );
}
