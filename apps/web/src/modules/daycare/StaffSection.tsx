import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  TextInput,
} from 'suomifi-ui-components';
import type { AdminDaycareUnit } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useAddStaff, useRemoveStaff, useUnitStaff } from './queries';

const WHOLE_UNIT = 'unit';

/** Who works in the unit (as a whole or in a group); add a person by email, or remove one. */
export function StaffSection({ slug, unit }: { slug: string; unit: AdminDaycareUnit }) {
  const { t } = useTranslation('daycare');
  const staff = useUnitStaff(slug, unit.id);
  const add = useAddStaff(slug, unit.id);
  const remove = useRemoveStaff(slug);
  const [email, setEmail] = useState('');
  const [group, setGroup] = useState(WHOLE_UNIT);
  const [touched, setTouched] = useState(false);
  const [notice, setNotice] = useState('');
  const missing = touched && !email.trim();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setNotice('');
    if (!email.trim() || add.isPending) return;
    try {
      await add.mutateAsync({ email: email.trim(), groupId: group === WHOLE_UNIT ? null : group });
    } catch {
      return;
    }
    setNotice(t('admin.staff.added', { email: email.trim() }));
    setEmail('');
    setTouched(false);
  }

  const items = staff.data?.items ?? [];
  return (
    <section aria-labelledby="staff-heading" className="form-section">
      <Heading variant="h2" id="staff-heading" mb="s">
        {t('admin.staff.heading')}
      </Heading>
      <div role="status">{notice && <SuccessAlert>{notice}</SuccessAlert>}</div>
      {remove.isError && <ErrorAlert error={remove.error} />}
      {staff.isPending && <Loading text={t('loading')} />}
      {staff.isError && <ErrorAlert error={staff.error} />}
      {staff.isSuccess && items.length === 0 && <Paragraph>{t('admin.staff.empty')}</Paragraph>}
      <ul className="placement-list">
        {items.map((m) => (
          <li key={m.id} className="placement">
            <p className="placement__who">{m.person.name}</p>
            <p>
              {m.person.email ?? ''} · {m.group ? m.group.name : t('admin.staff.wholeUnit')}
            </p>
            <Button
              variant="secondaryNoBorder"
              aria-label={`${t('admin.staff.remove')}: ${m.person.name}, ${m.group?.name ?? t('admin.staff.wholeUnit')}`}
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(m.id, {
                  onSuccess: () => setNotice(t('admin.staff.removed', { name: m.person.name })),
                })
              }
            >
              {t('admin.staff.remove')}
            </Button>
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="daycare-subform">
        <Heading variant="h3" as="h3" mb="xs">
          {t('admin.staff.addHeading')}
        </Heading>
        {add.isError && <ErrorAlert error={add.error} />}
        <TextInput
          labelText={t('admin.staff.email')}
          hintText={t('admin.staff.emailHint')}
          type="email"
          value={email}
          onChange={(v) => setEmail(String(v ?? ''))}
          status={missing ? 'error' : 'default'}
          statusText={missing ? t('required') : undefined}
          fullWidth
          mb="s"
        />
        <Dropdown
          labelText={t('admin.staff.where')}
          fullWidth
          value={group}
          onChange={(value: string) => setGroup(value)}
          mb="m"
        >
          {[
            <DropdownItem key={WHOLE_UNIT} value={WHOLE_UNIT}>
              {t('admin.staff.wholeUnit')}
            </DropdownItem>,
            ...unit.groups.map((g) => (
              <DropdownItem key={g.id} value={g.id}>
                {g.name}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
        <Button type="submit" variant="secondary" disabled={add.isPending}>
          {t('admin.staff.add')}
        </Button>
      </form>
    </section>
  );
}
