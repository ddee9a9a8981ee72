import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { ApiError, type InvoiceSettings } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useInvoiceSettings, useUpdateInvoiceSettings } from './queries';

const fields = ['payeeName', 'iban', 'bic', 'businessId'] as const;

function Form({ slug, initial }: { slug: string; initial: InvoiceSettings }) {
  const { t } = useTranslation('admin');
  const update = useUpdateInvoiceSettings(slug);
  const [form, setForm] = useState(initial);
  const [term, setTerm] = useState(String(initial.paymentTermDays));
  const [touched, setTouched] = useState(false);
  const days = /^\d{1,3}$/.test(term.trim()) ? Number(term) : NaN;

  // The server checks the IBAN, BIC and business ID check digits; here only that they are given.
  const clientErrors: Record<string, string | undefined> = {
    ...Object.fromEntries(fields.map((f) => [f, form[f].trim() ? undefined : t('required')])),
    paymentTermDays: days >= 0 && days <= 365 ? undefined : t('invoicing.termInvalid'),
  };
  const errorOf = (field: string) =>
    (update.error instanceof ApiError ? update.error.fieldError(`body.${field}`) : undefined) ??
    (touched ? clientErrors[field] : undefined);
  const status = (field: string) => (errorOf(field) ? ('error' as const) : ('default' as const));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (Object.values(clientErrors).some(Boolean)) return;
    update.mutate({ ...form, paymentTermDays: days });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form-section">
      {update.isSuccess && <SuccessAlert>{t('invoicing.saved')}</SuccessAlert>}
      {update.isError && <ErrorAlert error={update.error} />}
      {fields.map((field) => (
        <TextInput
          key={field}
          labelText={t(`invoicing.${field}`)}
          hintText={field === 'payeeName' ? undefined : t(`invoicing.${field}Hint`)}
          value={form[field]}
          onChange={(v) => setForm((f) => ({ ...f, [field]: String(v ?? '') }))}
          status={status(field)}
          statusText={errorOf(field)}
          fullWidth
          mb="m"
        />
      ))}
      <TextInput
        labelText={t('invoicing.paymentTermDays')}
        hintText={t('invoicing.paymentTermDaysHint')}
        inputMode="numeric"
        value={term}
        onChange={(v) => setTerm(String(v ?? ''))}
        status={status('paymentTermDays')}
        statusText={errorOf('paymentTermDays')}
        mb="m"
      />
      <Button type="submit" disabled={update.isPending}>
        {t('invoicing.save')}
      </Button>
    </form>
  );
}

/** The municipality as the payee of its invoices: account, BIC, business ID, payment term. */
export function InvoicingSettingsForm({ slug }: { slug: string }) {
  const { t } = useTranslation('admin');
  const settings = useInvoiceSettings(slug);
  return (
    <section aria-labelledby="invoicing-heading" className="form-section">
      <Heading variant="h2" id="invoicing-heading" mb="s">
        {t('invoicing.heading')}
      </Heading>
      <Paragraph mb="m">
        {settings.data?.configured === false ? t('invoicing.notConfigured') : t('invoicing.intro')}
      </Paragraph>
      {settings.isPending && <Loading text={t('invoicing.loading')} />}
      {settings.isError && <ErrorAlert error={settings.error} />}
      {settings.data && (
        <Form
          slug={slug}
          initial={{
            payeeName: settings.data.payeeName,
            iban: settings.data.iban,
            bic: settings.data.bic,
            businessId: settings.data.businessId,
            paymentTermDays: settings.data.paymentTermDays,
          }}
        />
      )}
    </section>
  );
}
