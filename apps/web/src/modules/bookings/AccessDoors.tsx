import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert, Paragraph, Table } from 'suomifi-ui-components';
import type { Door, DoorWithToken } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { currentLanguage } from '../../i18n';
import { useDoors, useRotateDoorToken, useSetDoorActive } from './accessQueries';

/** A door controller's token, shown once after it was made. */
export function TokenNotice({ result }: { result: DoorWithToken }) {
  const { t } = useTranslation('bookings');
  if (!result.token)
    return <SuccessAlert>{t('access.created', { door: result.door.name })}</SuccessAlert>;
  return (
    <InlineAlert
      status="warning"
      labelText={t('access.tokenHeading', { door: result.door.name })}
      mb="m"
    >
      <Paragraph mb="xs">{t('access.tokenOnce')}</Paragraph>
      <Paragraph mb="xs">
        <code className="access-token">{result.token}</code>
      </Paragraph>
      <Paragraph>
        {t('access.pullUrl')}: <code>{result.door.pullUrl}</code>
      </Paragraph>
    </InlineAlert>
  );
}

/**
 * The doors, in use first. A door taken out of use has its grants removed from it and gets no
 * new ones; taken back into use, the facility's coming bookings get their grants (and PINs)
 * on it again. Its token can be renewed only while it is in use.
 */
export function Doors({ slug, onToken }: { slug: string; onToken: (r: DoorWithToken) => void }) {
  const { t } = useTranslation('bookings');
  const language = currentLanguage();
  const doors = useDoors(slug);
  const rotate = useRotateDoorToken(slug);
  const setActive = useSetDoorActive(slug);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const where = (door: Door) =>
    door.adapter === 'mqtt' ? `${door.grantsTopic} / ${door.eventsTopic}` : (door.pullUrl ?? '');

  function toggle(door: Door) {
    setActive.mutate(
      { doorId: door.id, active: !door.active },
      {
        onSuccess: () => {
          setNotice(
            t(door.active ? 'access.deactivated' : 'access.activated', { door: door.name }),
          );
          window.setTimeout(() => noticeRef.current?.focus(), 0);
        },
      },
    );
  }

  const columns = [
    { key: 'name', labelText: t('access.door') },
    { key: 'resource', labelText: t('reservation.resource') },
    { key: 'state', labelText: t('access.doorState') },
    { key: 'adapter', labelText: t('access.adapter') },
    { key: 'address', labelText: t('access.address') },
    { key: 'lastSeen', labelText: t('access.lastSeen') },
    { key: 'actions', labelText: t('access.actions') },
  ] as const;
  const rows = (doors.data?.items ?? []).map((door) => ({
    id: door.id,
    name: door.name,
    resource: door.resourceName[language],
    state: door.active
      ? t('access.inUse')
      : t('access.outOfUse', {
          time: door.deactivatedAt ? formatDateTime(door.deactivatedAt, language) : '–',
        }),
    adapter: t(`access.adapters.${door.adapter}`),
    address: <code>{where(door)}</code>,
    lastSeen: door.lastSeenAt ? formatDateTime(door.lastSeenAt, language) : t('access.never'),
    actions: (
      <div className="button-row">
        {door.adapter === 'http_pull' && door.active && (
          <Button
            variant="secondary"
            disabled={rotate.isPending}
            aria-label={t('access.rotateLabel', { door: door.name })}
            onClick={() => rotate.mutate(door.id, { onSuccess: onToken })}
          >
            {t('access.rotate')}
          </Button>
        )}
        <Button
          variant="secondary"
          disabled={setActive.isPending}
          aria-label={t(door.active ? 'access.deactivateLabel' : 'access.activateLabel', {
            door: door.name,
          })}
          onClick={() => toggle(door)}
        >
          {door.active ? t('access.deactivate') : t('access.activate')}
        </Button>
      </div>
    ),
  }));
  return (
    <section aria-labelledby="doors-heading" className="form-section">
      <Heading variant="h2" id="doors-heading" mb="s">
        {t('access.doors')}
      </Heading>
      <Paragraph mb="s">{t('access.doorsIntro')}</Paragraph>
      <div ref={noticeRef} tabIndex={-1}>
        {notice && <SuccessAlert>{notice}</SuccessAlert>}
      </div>
      {rotate.isError && <ErrorAlert error={rotate.error} />}
      {setActive.isError && <ErrorAlert error={setActive.error} />}
      {doors.isPending && <Loading text={t('loading')} />}
      {doors.isError && <ErrorAlert error={doors.error} />}
      {doors.data &&
        (rows.length === 0 ? (
          <Paragraph>{t('access.noDoors')}</Paragraph>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('access.doors')}>
            <Table caption={t('access.doorsCaption')} columns={columns} data={rows} condensed />
          </div>
        ))}
    </section>
  );
}
