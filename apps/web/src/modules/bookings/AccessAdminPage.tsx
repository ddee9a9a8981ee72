import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Dropdown,
  DropdownItem,
  Heading,
  InlineAlert,
  Paragraph,
  Table,
  TextInput,
} from 'suomifi-ui-components';
import type { AccessGrant, DoorAdapter, DoorWithToken } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { Doors, TokenNotice } from './AccessDoors';
import { useAccessGrants, useCreateDoor, useRetryAccessGrant } from './accessQueries';
import { useResources } from './queries';
import { StaffOnly } from './StaffOnly';
import { formatSpan } from './time';
import './bookings.css';

function CreateDoor({ slug, onToken }: { slug: string; onToken: (r: DoorWithToken) => void }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const resources = useResources(slug, {});
  const create = useCreateDoor(slug);
  const [resourceId, setResourceId] = useState('');
  const [name, setName] = useState('');
  const [adapter, setAdapter] = useState<DoorAdapter>('http_pull');
  const [touched, setTouched] = useState(false);
  const selfService = (resources.data?.items ?? []).filter((r) => r.selfService);
  const errors = {
    resource: !resourceId ? t('required') : undefined,
    name: !name.trim() ? t('required') : undefined,
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (errors.resource || errors.name) return;
    create.mutate(
      { resourceId, name: name.trim(), adapter },
      {
        onSuccess: (result) => {
          setName('');
          setTouched(false);
          onToken(result);
        },
      },
    );
  }

  return (
    <section aria-labelledby="new-door-heading" className="form-section">
      <Heading variant="h2" id="new-door-heading" mb="s">
        {t('access.newDoor')}
      </Heading>
      <Paragraph mb="m">{t('access.newDoorIntro')}</Paragraph>
      {create.isError && <ErrorAlert error={create.error} />}
      {resources.isPending && <Loading text={t('loading')} />}
      {resources.isError && <ErrorAlert error={resources.error} />}
      {resources.data && selfService.length === 0 && (
        <Paragraph>{t('access.noSelfService')}</Paragraph>
      )}
      {/* A suomifi Dropdown needs its items from the first render. */}
      {selfService.length > 0 && (
        <form onSubmit={onSubmit} noValidate>
          <Dropdown<string>
            labelText={t('reservation.resource')}
            visualPlaceholder={t('block.choose')}
            value={resourceId || null}
            onChange={setResourceId}
            status={touched && errors.resource ? 'error' : 'default'}
            statusText={touched ? errors.resource : undefined}
            mb="m"
          >
            {selfService.map((r) => (
              <DropdownItem key={r.id} value={r.id}>
                {r.name[language]}
              </DropdownItem>
            ))}
          </Dropdown>
          <TextInput
            labelText={t('access.doorName')}
            hintText={t('access.doorNameHint')}
            value={name}
            maxLength={200}
            onChange={(v) => setName(String(v ?? ''))}
            status={touched && errors.name ? 'error' : 'default'}
            statusText={touched ? errors.name : undefined}
            mb="m"
          />
          <Dropdown<DoorAdapter>
            labelText={t('access.adapter')}
            value={adapter}
            onChange={setAdapter}
            mb="m"
          >
            {(['http_pull', 'mqtt'] as const).map((kind) => (
              <DropdownItem key={kind} value={kind}>
                {t(`access.adapters.${kind}`)}
              </DropdownItem>
            ))}
          </Dropdown>
          <Button type="submit" disabled={create.isPending}>
            {t('access.create')}
          </Button>
        </form>
      )}
    </section>
  );
}

function Grants({ slug }: { slug: string }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const grants = useAccessGrants(slug);
  const retry = useRetryAccessGrant(slug);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const items = grants.data?.items ?? [];
  const failed = items.filter((g) => g.state === 'failed').length;
  const what = (g: AccessGrant) =>
    `${g.resourceName[language]} ${formatSpan(g.start, g.end, language)}, ${g.doorName}`;
  const columns = [
    { key: 'booking', labelText: t('access.booking') },
    { key: 'door', labelText: t('access.door') },
    { key: 'valid', labelText: t('access.valid') },
    { key: 'state', labelText: t('reservation.status') },
    { key: 'error', labelText: t('access.error') },
    { key: 'actions', labelText: t('access.actions') },
  ] as const;
  const rows = items.map((g) => ({
    id: g.id,
    booking: `${g.resourceName[language]}, ${formatSpan(g.start, g.end, language)} (${g.bookerName ?? '–'})`,
    door: g.doorName,
    valid: formatSpan(g.validFrom, g.validUntil, language),
    state: g.state === 'failed' ? t(`access.failed.${g.wanted}`) : t(`access.states.${g.state}`),
    error: g.lastError ? t('access.errorValue', { error: g.lastError, count: g.attempts }) : '–',
    actions:
      g.state === 'failed' ? (
        <Button
          variant="secondary"
          disabled={retry.isPending}
          aria-label={t('access.retryLabel', { what: what(g) })}
          onClick={() =>
            retry.mutate(g.id, {
              onSuccess: () => {
                setNotice(t('access.retried', { what: what(g) }));
                window.setTimeout(() => noticeRef.current?.focus(), 0);
              },
            })
          }
        >
          {t('access.retry')}
        </Button>
      ) : (
        '–'
      ),
  }));
  return (
    <section aria-labelledby="grants-heading" className="form-section">
      <Heading variant="h2" id="grants-heading" mb="s">
        {t('access.grants')}
      </Heading>
      <Paragraph mb="s">{t('access.grantsIntro')}</Paragraph>
      <div ref={noticeRef} tabIndex={-1}>
        {notice && <SuccessAlert>{notice}</SuccessAlert>}
      </div>
      {failed > 0 && (
        <InlineAlert status="error" labelText={t('access.failuresHeading')} mb="m">
          {t('access.failures', { count: failed })}
        </InlineAlert>
      )}
      {retry.isError && <ErrorAlert error={retry.error} />}
      {grants.isPending && <Loading text={t('loading')} />}
      {grants.isError && <ErrorAlert error={grants.error} />}
      {grants.data &&
        (rows.length === 0 ? (
          <Paragraph>{t('access.noGrants')}</Paragraph>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('access.grants')}>
            <Table caption={t('access.grantsCaption')} columns={columns} data={rows} condensed />
          </div>
        ))}
    </section>
  );
}

/** Facility staff: the doors of self-service facilities and the delivery of door PINs. */
export function AccessAdminPage() {
  const { t } = useTranslation('bookings');
  const { slug } = useMunicipality();
  const [token, setToken] = useState<DoorWithToken | null>(null);
  const tokenRef = useRef<HTMLDivElement>(null);
  const onToken = (result: DoorWithToken) => {
    setToken(result);
    window.setTimeout(() => tokenRef.current?.focus(), 0);
  };
  usePageTitle(t('access.title'));
  return (
    <StaffOnly>
      <div className="page">
        <Heading variant="h1" mb="s">
          {t('access.title')}
        </Heading>
        <Paragraph mb="m">{t('access.intro')}</Paragraph>
        <div ref={tokenRef} tabIndex={-1}>
          {token && <TokenNotice result={token} />}
        </div>
        <Grants slug={slug} />
        <Doors slug={slug} onToken={onToken} />
        <CreateDoor slug={slug} onToken={onToken} />
      </div>
    </StaffOnly>
  );
}
