import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Chip,
  Dropdown,
  DropdownItem,
  Heading,
  Paragraph,
  TextInput,
} from 'suomifi-ui-components';
import { allRoles, isRole, type Person, type Role } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { usePeople, useRoleChange } from './queries';

function PersonRow({ person, slug }: { person: Person; slug: string }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { revoke } = useRoleChange(slug);
  const roles = person.roles.filter(isRole);
  return (
    <li className="person">
      <Heading variant="h3" as="h3">
        {person.name}
      </Heading>
      {person.email && <Paragraph mb="xs">{person.email}</Paragraph>}
      {roles.length === 0 ? (
        <Paragraph>{t('people.noRoles')}</Paragraph>
      ) : (
        <ul className="chip-list" aria-label={t('people.rolesOf', { name: person.name })}>
          {roles.map((role) => (
            <li key={role}>
              <Chip
                removable
                actionLabel={t('people.revoke')}
                disabled={revoke.isPending}
                onClick={() => revoke.mutate({ personId: person.id, role })}
              >
                {tc(`roles.${role}`)}
              </Chip>
            </li>
          ))}
        </ul>
      )}
      {revoke.isError && <ErrorAlert error={revoke.error} />}
    </li>
  );
}

function GrantForm({ slug }: { slug: string }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { grant } = useRoleChange(slug);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [touched, setTouched] = useState(false);
  const missing = touched && !email.trim();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!email.trim()) return;
    grant.mutate(
      { email: email.trim(), role },
      {
        onSuccess: () => {
          setEmail('');
          setTouched(false);
        },
      },
    );
  }

  return (
    <section aria-labelledby="grant-heading" className="form-section">
      <Heading variant="h2" id="grant-heading" mb="s">
        {t('people.grantHeading')}
      </Heading>
      {grant.isSuccess && (
        <SuccessAlert>
          {t('people.granted', {
            name: grant.data.name,
            role: tc(`roles.${grant.variables.role}`),
          })}
        </SuccessAlert>
      )}
      {grant.isError && <ErrorAlert error={grant.error} />}
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          labelText={t('people.email')}
          type="email"
          value={email}
          onChange={(v) => setEmail(String(v ?? ''))}
          status={missing ? 'error' : 'default'}
          statusText={missing ? t('required') : undefined}
          fullWidth
          mb="m"
        />
        <Dropdown<Role> labelText={t('people.role')} value={role} onChange={setRole} mb="m">
          {allRoles.map((r) => (
            <DropdownItem key={r} value={r}>
              {tc(`roles.${r}`)}
            </DropdownItem>
          ))}
        </Dropdown>
        <Button type="submit" disabled={grant.isPending}>
          {t('people.grant')}
        </Button>
      </form>
    </section>
  );
}

export function PeopleRolesPage() {
  const { t } = useTranslation('admin');
  const { slug } = useMunicipality();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const people = usePeople(slug, query);
  usePageTitle(t('people.title'));

  return (
    <>
      <Heading variant="h1" mb="s">
        {t('people.title')}
      </Heading>
      <Paragraph mb="m">{t('people.intro')}</Paragraph>
      <GrantForm slug={slug} />
      <section aria-labelledby="people-heading" className="form-section">
        <Heading variant="h2" id="people-heading" mb="s">
          {t('people.listHeading')}
        </Heading>
        <form
          role="search"
          className="search-row"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(input.trim());
          }}
        >
          <TextInput
            labelText={t('people.search')}
            type="text"
            value={input}
            onChange={(v) => setInput(String(v ?? ''))}
          />
          <Button type="submit" variant="secondary">
            {t('people.searchButton')}
          </Button>
        </form>
        {people.isPending && <Loading text={t('loading')} />}
        {people.isError && <ErrorAlert error={people.error} />}
        {people.data && (
          <>
            <Paragraph mt="m" mb="s" role="status">
              {t('people.count', { count: people.data.items.length })}
            </Paragraph>
            <ul className="person-list">
              {people.data.items.map((person) => (
                <PersonRow key={person.id} person={person} slug={slug} />
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
