import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DateInput, Heading, TextInput } from 'suomifi-ui-components';
import type { AdminDaycareChild } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { parseDate, todayLocal } from '../bookings/time';
import { useCreateDaycareChild } from './queries';

/**
 * A child not yet in the service, with its guardians by email (in production both come from
 * the population register). The guardians must have signed in once.
 */
export function NewChildForm(props: {
  slug: string;
  onAdded: (child: AdminDaycareChild) => void;
  onCancel: () => void;
}) {
  const { slug, onAdded, onCancel } = props;
  const { t } = useTranslation('daycare');
  const create = useCreateDaycareChild(slug);
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [birth, setBirth] = useState('');
  const [emails, setEmails] = useState('');
  const [touched, setTouched] = useState(false);
  const birthDate = parseDate(birth);
  const guardianEmails = emails
    .split(/[,;\s]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  const errors = {
    firstName: firstName.trim() ? undefined : t('required'),
    lastName: lastName.trim() ? undefined : t('required'),
    birth: !birthDate || birthDate > todayLocal() ? t('form.invalidDate') : undefined,
    emails: guardianEmails.length ? undefined : t('required'),
  };
  const shown = (key: keyof typeof errors) => (touched ? errors[key] : undefined);
  const status = (key: keyof typeof errors) => (shown(key) ? 'error' : 'default');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (create.isPending || Object.values(errors).some(Boolean)) return;
    try {
      const child = await create.mutateAsync({
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        birthDate: birthDate!,
        guardianEmails,
      });
      onAdded(child);
    } catch {
      // shown above the fields
    }
  }

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      className="daycare-subform"
      aria-labelledby="new-child-heading"
    >
      <Heading variant="h4" as="h3" id="new-child-heading" mb="xs">
        {t('admin.newChild.heading')}
      </Heading>
      {create.isError && <ErrorAlert error={create.error} />}
      <TextInput
        labelText={t('admin.newChild.firstName')}
        value={firstName}
        maxLength={100}
        onChange={(v) => setFirstName(String(v ?? ''))}
        status={status('firstName')}
        statusText={shown('firstName')}
        fullWidth
        mb="s"
      />
      <TextInput
        labelText={t('admin.newChild.lastName')}
        value={lastName}
        maxLength={100}
        onChange={(v) => setLastName(String(v ?? ''))}
        status={status('lastName')}
        statusText={shown('lastName')}
        fullWidth
        mb="s"
      />
      <DateInput
        labelText={t('admin.newChild.birthDate')}
        hintText={t('form.dateHint')}
        value={birth}
        onChange={({ value }) => setBirth(value)}
        status={status('birth')}
        statusText={shown('birth')}
        fullWidth
      />
      <TextInput
        labelText={t('admin.newChild.guardians')}
        hintText={t('admin.newChild.guardiansHint')}
        value={emails}
        onChange={(v) => setEmails(String(v ?? ''))}
        status={status('emails')}
        statusText={shown('emails')}
        fullWidth
        mt="s"
        mb="s"
      />
      <div className="button-row">
        <Button type="submit" variant="secondary" disabled={create.isPending}>
          {t('admin.newChild.submit')}
        </Button>
        <Button variant="secondaryNoBorder" onClick={onCancel}>
          {t('admin.cancel')}
        </Button>
      </div>
    </form>
  );
}
