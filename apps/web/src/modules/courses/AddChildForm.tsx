import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DateInput, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { ApiError, type Child } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { parseDate, todayLocal } from '../bookings/time';
import { useAddChild } from './queries';

/**
 * First name, last name and birth date of a child of the signed-in guardian. Until children
 * come from the population register, a guardian adds them here (see the API's family module).
 */
export function AddChildForm(props: {
  slug: string;
  /** Opened by a button: the focus goes to the first field. */
  focusOnOpen?: boolean;
  onAdded: (child: Child) => void;
  onCancel?: () => void;
}) {
  const { slug, focusOnOpen = false, onAdded, onCancel } = props;
  const { t } = useTranslation('courses');
  const add = useAddChild(slug);
  const headingId = useId();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [touched, setTouched] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusOnOpen) formRef.current?.querySelector('input')?.focus();
  }, [focusOnOpen]);

  const date = parseDate(birthDate);
  const errors = {
    firstName: firstName.trim() ? undefined : t('required'),
    lastName: lastName.trim() ? undefined : t('required'),
    birthDate: !birthDate.trim()
      ? t('required')
      : !date
        ? t('child.invalidDate')
        : date > todayLocal()
          ? t('child.futureDate')
          : undefined,
  };
  const apiError = add.error instanceof ApiError ? add.error : null;
  const shown = (key: keyof typeof errors) =>
    (touched ? errors[key] : undefined) ?? apiError?.fieldError(key);
  const status = (key: keyof typeof errors) => (shown(key) ? 'error' : 'default');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (add.isPending || Object.values(errors).some(Boolean) || !date) return;
    let child: Child;
    try {
      child = await add.mutateAsync({
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        birthDate: date,
      });
    } catch {
      return; // shown by add.isError
    }
    setFirstName('');
    setBirthDate('');
    setTouched(false);
    onAdded(child);
  }

  return (
    <form
      ref={formRef}
      className="add-child"
      aria-labelledby={headingId}
      onSubmit={(event) => void onSubmit(event)}
      noValidate
    >
      <Heading variant="h4" as="h3" id={headingId} mb="xs">
        {t('child.heading')}
      </Heading>
      <Paragraph mb="s">{t('child.intro')}</Paragraph>
      {add.isError && <ErrorAlert error={add.error} />}
      <TextInput
        labelText={t('child.firstName')}
        value={firstName}
        maxLength={100}
        autoComplete="off"
        onChange={(v) => setFirstName(String(v ?? ''))}
        status={status('firstName')}
        statusText={shown('firstName')}
        fullWidth
        mb="s"
      />
      <TextInput
        labelText={t('child.lastName')}
        value={lastName}
        maxLength={100}
        autoComplete="off"
        onChange={(v) => setLastName(String(v ?? ''))}
        status={status('lastName')}
        statusText={shown('lastName')}
        fullWidth
        mb="s"
      />
      <div className="add-child__date">
        <DateInput
          labelText={t('child.birthDate')}
          hintText={t('child.birthDateHint')}
          value={birthDate}
          onChange={({ value }) => setBirthDate(value)}
          status={status('birthDate')}
          statusText={shown('birthDate')}
          fullWidth
        />
      </div>
      <div className="button-row">
        <Button type="submit" variant="secondary" disabled={add.isPending}>
          {t('child.submit')}
        </Button>
        {onCancel && (
          <Button variant="secondaryNoBorder" onClick={onCancel}>
            {t('child.close')}
          </Button>
        )}
      </div>
    </form>
  );
}
