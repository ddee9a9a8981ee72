import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextInput } from 'suomifi-ui-components';
import type { AdminDaycareUnit } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { useCreateGroup, useUpdateGroup } from './queries';

type Group = AdminDaycareUnit['groups'][number];

/** A new group of a unit, or a group's name and capacity changed. */
export function GroupForm(props: {
  slug: string;
  unitId: string;
  group?: Group;
  onDone: (message: string) => void;
}) {
  const { slug, unitId, group, onDone } = props;
  const { t } = useTranslation('daycare');
  const create = useCreateGroup(slug, unitId);
  const update = useUpdateGroup(slug);
  const save = group ? update : create;
  const [name, setName] = useState(group?.name ?? '');
  const [capacity, setCapacity] = useState(String(group?.capacity ?? 12));
  const [touched, setTouched] = useState(false);
  const places = Number(capacity);
  const errors = {
    name: name.trim() ? undefined : t('required'),
    capacity:
      Number.isInteger(places) && places >= 1 && places <= 200
        ? undefined
        : t('admin.groups.capacityHint'),
  };
  const shown = (key: keyof typeof errors) => (touched ? errors[key] : undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (save.isPending || Object.values(errors).some(Boolean)) return;
    const body = { name: name.trim(), capacity: places };
    try {
      if (group) await update.mutateAsync({ id: group.id, body });
      else await create.mutateAsync(body);
    } catch {
      return;
    }
    setTouched(false);
    if (!group) setName('');
    onDone(t(group ? 'admin.groups.saved' : 'admin.groups.added', { name: body.name }));
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="daycare-inline-form">
      {save.isError && <ErrorAlert error={save.error} />}
      <TextInput
        labelText={t(group ? 'admin.groups.rename' : 'admin.groups.newName')}
        value={name}
        maxLength={100}
        onChange={(value) => setName(String(value ?? ''))}
        status={shown('name') ? 'error' : 'default'}
        statusText={shown('name')}
      />
      <TextInput
        labelText={t('admin.groups.capacity')}
        value={capacity}
        inputMode="numeric"
        onChange={(value) => setCapacity(String(value ?? ''))}
        status={shown('capacity') ? 'error' : 'default'}
        statusText={shown('capacity')}
        className="daycare-inline-form__short"
      />
      <Button type="submit" variant="secondary" disabled={save.isPending}>
        {t(group ? 'admin.save' : 'admin.groups.add')}
      </Button>
    </form>
  );
}
