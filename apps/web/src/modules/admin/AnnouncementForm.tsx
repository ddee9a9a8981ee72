import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Checkbox,
  Dropdown,
  DropdownItem,
  Heading,
  RadioButton,
  RadioButtonGroup,
  TextInput,
  Textarea,
} from 'suomifi-ui-components';
import { allRoles, api, ApiError, type Role } from '../../api/client';
import { ErrorAlert, SuccessAlert } from '../../app/feedback';
import { useSendNotification } from './queries';

type Target = 'role' | 'person';

/** "Send an announcement": an in-app notification (and optionally e-mail) to a role or a person. */
export function AnnouncementForm({ slug }: { slug: string }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const send = useSendNotification(slug);
  const [target, setTarget] = useState<Target>('role');
  const [role, setRole] = useState<Role>('resident');
  const [email, setEmail] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [link, setLink] = useState('');
  const [byEmail, setByEmail] = useState(false);
  const [touched, setTouched] = useState(false);
  const [lookupError, setLookupError] = useState<string | null>(null);

  const missing = {
    email: target === 'person' && !email.trim(),
    title: !title.trim(),
    body: !body.trim(),
  };
  const err = (field: string) =>
    send.error instanceof ApiError ? send.error.fieldError(field) : undefined;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setLookupError(null);
    if (missing.email || missing.title || missing.body) return;
    let personId: string | undefined;
    if (target === 'person') {
      const people = await api.listPeople(slug, email.trim()).catch(() => ({ items: [] }));
      personId = people.items.find(
        (p) => p.email?.toLowerCase() === email.trim().toLowerCase(),
      )?.id;
      if (!personId) return setLookupError(t('announce.personNotFound', { email: email.trim() }));
    }
    send.mutate(
      {
        ...(target === 'role' ? { role } : { personId }),
        title: title.trim(),
        body: body.trim(),
        ...(link.trim() ? { link: link.trim() } : {}),
        email: byEmail,
      },
      {
        onSuccess: () => {
          setTitle('');
          setBody('');
          setLink('');
          setTouched(false);
        },
      },
    );
  }

  return (
    <section aria-labelledby="announce-heading" className="form-section">
      <Heading variant="h2" id="announce-heading" mb="s">
        {t('announce.heading')}
      </Heading>
      {send.isSuccess && (
        <SuccessAlert>{t('announce.sent', { count: send.data.recipients })}</SuccessAlert>
      )}
      {send.isError && <ErrorAlert error={send.error} />}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <RadioButtonGroup
          labelText={t('announce.target')}
          name="target"
          value={target}
          onChange={(v) => setTarget(v as Target)}
          mb="m"
        >
          <RadioButton value="role">{t('announce.toRole')}</RadioButton>
          <RadioButton value="person">{t('announce.toPerson')}</RadioButton>
        </RadioButtonGroup>
        {target === 'role' ? (
          <Dropdown<Role> labelText={t('announce.role')} value={role} onChange={setRole} mb="m">
            {allRoles.map((r) => (
              <DropdownItem key={r} value={r}>
                {tc(`roles.${r}`)}
              </DropdownItem>
            ))}
          </Dropdown>
        ) : (
          <TextInput
            labelText={t('announce.email')}
            type="email"
            value={email}
            onChange={(v) => setEmail(String(v ?? ''))}
            status={(touched && missing.email) || lookupError ? 'error' : 'default'}
            statusText={lookupError ?? (touched && missing.email ? t('required') : undefined)}
            fullWidth
            mb="m"
          />
        )}
        <TextInput
          labelText={t('announce.title')}
          value={title}
          onChange={(v) => setTitle(String(v ?? ''))}
          status={(touched && missing.title) || err('title') ? 'error' : 'default'}
          statusText={err('title') ?? (touched && missing.title ? t('required') : undefined)}
          fullWidth
          mb="m"
        />
        <Textarea
          labelText={t('announce.body')}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          status={(touched && missing.body) || err('body') ? 'error' : 'default'}
          statusText={err('body') ?? (touched && missing.body ? t('required') : undefined)}
          fullWidth
          mb="m"
        />
        <TextInput
          labelText={t('announce.link')}
          optionalText={t('optional')}
          hintText={t('announce.linkHint')}
          value={link}
          onChange={(v) => setLink(String(v ?? ''))}
          status={err('link') ? 'error' : 'default'}
          statusText={err('link')}
          fullWidth
          mb="m"
        />
        <Checkbox
          checked={byEmail}
          onClick={({ checkboxState }) => setByEmail(checkboxState)}
          mb="m"
        >
          {t('announce.alsoEmail')}
        </Checkbox>
        <Button type="submit" disabled={send.isPending}>
          {t('announce.submit')}
        </Button>
      </form>
    </section>
  );
}
