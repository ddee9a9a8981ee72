import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, CheckboxGroup, Heading, TextInput } from 'suomifi-ui-components';
import { ApiError, type AdminDaycareUnit } from '../../api/client';
import { ErrorAlert, SuccessAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { weekdayName } from '../bookings/time';
import { useSaveUnit } from './queries';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** A unit's name, contact details and opening weekdays: a new unit, or one to edit. */
export function UnitForm({ slug, unit }: { slug: string; unit?: AdminDaycareUnit }) {
  const { t } = useTranslation('daycare');
  const language = currentLanguage();
  const save = useSaveUnit(slug);
  const [name, setName] = useState(unit?.name ?? '');
  const [address, setAddress] = useState(unit?.address ?? '');
  const [phone, setPhone] = useState(unit?.phone ?? '');
  const [email, setEmail] = useState(unit?.email ?? '');
  const [days, setDays] = useState<number[]>(unit?.operationDays ?? [1, 2, 3, 4, 5]);
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState('');
  const prefix = unit ? 'edit' : 'new';
  const errors = {
    name: name.trim() ? undefined : t('required'),
    days: days.length ? undefined : t('admin.unit.chooseDay'),
  };
  const apiError = save.error instanceof ApiError ? save.error : null;
  const shown = (key: keyof typeof errors) =>
    (touched ? errors[key] : undefined) ?? apiError?.fieldError(key);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setDone('');
    if (save.isPending || Object.values(errors).some(Boolean)) return;
    const body = { name: name.trim(), address, phone, email, operationDays: days };
    try {
      await save.mutateAsync({ id: unit?.id ?? null, body });
    } catch {
      return;
    }
    setDone(t(unit ? 'admin.unit.saved' : 'admin.unit.created', { name: body.name }));
    setTouched(false);
    if (!unit) {
      setName('');
      setAddress('');
      setPhone('');
      setEmail('');
    }
  }

  return (
    <section aria-labelledby={`${prefix}-unit-heading`} className="form-section daycare-form">
      <Heading variant="h2" id={`${prefix}-unit-heading`} mb="s">
        {t(unit ? 'admin.unit.editHeading' : 'admin.unit.newHeading')}
      </Heading>
      <div role="status">{done && <SuccessAlert>{done}</SuccessAlert>}</div>
      {save.isError && <ErrorAlert error={save.error} />}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextInput
          labelText={t('admin.unit.name')}
          value={name}
          maxLength={200}
          onChange={(value) => setName(String(value ?? ''))}
          status={shown('name') ? 'error' : 'default'}
          statusText={shown('name')}
          fullWidth
          mb="s"
        />
        <TextInput
          labelText={t('admin.unit.address')}
          optionalText={t('optional')}
          value={address}
          maxLength={300}
          onChange={(value) => setAddress(String(value ?? ''))}
          fullWidth
          mb="s"
        />
        <TextInput
          labelText={t('admin.unit.phone')}
          optionalText={t('optional')}
          type="tel"
          value={phone}
          maxLength={50}
          onChange={(value) => setPhone(String(value ?? ''))}
          fullWidth
          mb="s"
        />
        <TextInput
          labelText={t('admin.unit.email')}
          optionalText={t('optional')}
          type="email"
          value={email}
          maxLength={200}
          onChange={(value) => setEmail(String(value ?? ''))}
          fullWidth
          mb="s"
        />
        <CheckboxGroup
          labelText={t('admin.unit.days')}
          groupHintText={shown('days')}
          className={shown('days') ? 'daycare-group--error' : undefined}
          mb="m"
        >
          {WEEKDAYS.map((d) => (
            <Checkbox
              key={d}
              checked={days.includes(d)}
              onClick={({ checkboxState }) =>
                setDays((list) => (checkboxState ? [...list, d] : list.filter((x) => x !== d)))
              }
            >
              {weekdayName(d, language)}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <Button type="submit" disabled={save.isPending}>
          {t(unit ? 'admin.save' : 'admin.unit.create')}
        </Button>
      </form>
    </section>
  );
}
