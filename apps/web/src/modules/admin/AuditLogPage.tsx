import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Table } from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { useMunicipality } from '../../app/MunicipalityContext';
import { useIsSmallScreen } from '../../app/useMediaQuery';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { useAuditEvents } from './queries';

export function AuditLogPage() {
  const { t } = useTranslation('admin');
  const { slug } = useMunicipality();
  const audit = useAuditEvents(slug);
  const language = currentLanguage();
  const small = useIsSmallScreen();
  usePageTitle(t('audit.title'));

  const events = audit.data?.pages.flatMap((page) => page.items) ?? [];
  // A readable name for the action, with the stable code beside it for searching the logs.
  const action = (code: string) => (
    <>
      {t(`audit.actions.${code.replaceAll('.', '_')}`, { defaultValue: code })}{' '}
      <code className="muted-code">{code}</code>
    </>
  );
  const columns = [
    { key: 'at', labelText: t('audit.at') },
    { key: 'actor', labelText: t('audit.actor') },
    { key: 'action', labelText: t('audit.action') },
    { key: 'target', labelText: t('audit.target') },
    { key: 'requestId', labelText: t('audit.requestId') },
  ] as const;
  const rows = events.map((e) => ({
    id: String(e.id),
    at: <time dateTime={e.at}>{formatDateTime(e.at, language)}</time>,
    actor: e.actorName ?? t('audit.system'),
    action: action(e.action),
    target: e.target ?? '–',
    requestId: e.requestId ? <code className="muted-code">{e.requestId}</code> : '–',
  }));

  return (
    <>
      <Heading variant="h1" mb="s">
        {t('audit.title')}
      </Heading>
      <Paragraph mb="m">{t('audit.intro')}</Paragraph>
      {audit.isPending && <Loading text={t('loading')} />}
      {audit.isError && <ErrorAlert error={audit.error} />}
      {audit.data &&
        (events.length === 0 ? (
          <Paragraph>{t('audit.empty')}</Paragraph>
        ) : small ? (
          // A table does not fit a phone screen; the same facts as a list of events.
          <ul className="event-list" aria-label={t('audit.caption')}>
            {events.map((e) => (
              <li key={e.id} className="event">
                <dl className="contact-list">
                  <dt>{t('audit.at')}</dt>
                  <dd>
                    <time dateTime={e.at}>{formatDateTime(e.at, language)}</time>
                  </dd>
                  <dt>{t('audit.actor')}</dt>
                  <dd>{e.actorName ?? t('audit.system')}</dd>
                  <dt>{t('audit.action')}</dt>
                  <dd>{action(e.action)}</dd>
                  <dt>{t('audit.target')}</dt>
                  <dd>{e.target ?? '–'}</dd>
                  <dt>{t('audit.requestId')}</dt>
                  <dd className="muted-code">{e.requestId ?? '–'}</dd>
                </dl>
              </li>
            ))}
          </ul>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('audit.title')}>
            <Table caption={t('audit.caption')} columns={columns} data={rows} condensed />
          </div>
        ))}
      {audit.hasNextPage && (
        <Button
          variant="secondary"
          mt="m"
          disabled={audit.isFetchingNextPage}
          onClick={() => void audit.fetchNextPage()}
        >
          {t('audit.more')}
        </Button>
      )}
    </>
  );
}
