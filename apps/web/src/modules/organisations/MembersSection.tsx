import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, IconRemove, TextInput } from 'suomifi-ui-components';
import type { Organisation } from '../../api/client';
import { ErrorAlert, SuccessAlert } from '../../app/feedback';
import { useAddMember, useRemoveMember } from './queries';

/**
 * Who may act for the organisation: add a person by the email of their account, remove one (or
 * leave oneself). The last member stays; the server says so.
 */
export function MembersSection(props: { slug: string; organisation: Organisation; me: string }) {
  const { slug, organisation, me } = props;
  const { t } = useTranslation('organisations');
  const add = useAddMember(slug, organisation.id);
  const remove = useRemoveMember(slug, organisation.id);
  const [email, setEmail] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  async function onAdd(event: FormEvent) {
    event.preventDefault();
    if (add.isPending || !email.trim()) return;
    remove.reset();
    try {
      await add.mutateAsync(email.trim());
    } catch {
      return; // shown by add.isError
    }
    setNotice(t('members.added', { email: email.trim() }));
    setEmail('');
  }

  async function onRemove(personId: string, name: string) {
    if (remove.isPending) return;
    add.reset();
    try {
      await remove.mutateAsync(personId);
    } catch {
      return;
    }
    setNotice(t(personId === me ? 'members.left' : 'members.removed', { name }));
  }

  return (
    <section aria-labelledby="members-heading" className="form-section">
      <Heading variant="h2" id="members-heading" mb="s">
        {t('members.heading')}
      </Heading>
      <div role="status">{notice && <SuccessAlert>{notice}</SuccessAlert>}</div>
      {remove.isError && <ErrorAlert error={remove.error} />}
      <ul className="member-list">
        {organisation.members.map((m) => (
          <li key={m.personId} className="member-list__item">
            <span>
              {m.name}
              {m.email && <span className="member-list__email"> {m.email}</span>}
            </span>
            <Button
              variant="secondaryNoBorder"
              icon={<IconRemove />}
              disabled={remove.isPending}
              aria-label={t(m.personId === me ? 'members.leaveLabel' : 'members.removeLabel', {
                name: m.name,
                organisation: organisation.name,
              })}
              onClick={() => void onRemove(m.personId, m.name)}
            >
              {t(m.personId === me ? 'members.leave' : 'members.remove')}
            </Button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void onAdd(e)} noValidate className="member-add">
        {add.isError && <ErrorAlert error={add.error} />}
        <TextInput
          labelText={t('members.email')}
          hintText={t('members.emailHint')}
          type="email"
          value={email}
          onChange={(v) => setEmail(String(v ?? ''))}
          fullWidth
          mb="s"
        />
        <Button type="submit" disabled={add.isPending}>
          {t('members.add')}
        </Button>
      </form>
    </section>
  );
}
