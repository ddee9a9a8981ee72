import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Button, Heading, Paragraph, TextInput, VisuallyHidden } from 'suomifi-ui-components';
import type { MessageThreadSummary } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDateTimeLong } from '../courses/format';
import { useSession } from '../platform/queries';
import { NewMessageForm } from './NewMessageForm';
import { useThreads } from './queries';
import './messages.css';

function ThreadRow({ slug, thread }: { slug: string; thread: MessageThreadSummary }) {
  const { t } = useTranslation('messages');
  const unread = thread.unreadCount > 0;
  return (
    <li className={`message-row${unread ? ' message-row--unread' : ''}`}>
      <RouterDomLink to={`/${slug}/messages/${thread.id}`} className="message-row__link">
        <span className="message-row__top">
          {unread && (
            <span className="message-dot" aria-hidden="true" data-testid="thread-unread-dot" />
          )}
          <span className="message-row__title">{thread.title}</span>
          {thread.urgent && <span className="message-tag message-tag--urgent">{t('urgent')}</span>}
          {thread.requiresAck && !thread.acknowledgedAt && !thread.mine && (
            <span className="message-tag">{t('ackNeeded')}</span>
          )}
        </span>
        <span className="message-row__meta">
          {thread.from} · {formatDateTimeLong(thread.lastMessageAt, currentLanguage())}
        </span>
        <span className="message-row__preview">{thread.preview}</span>
        {unread && (
          <VisuallyHidden>{t('unreadInThread', { count: thread.unreadCount })}</VisuallyHidden>
        )}
      </RouterDomLink>
    </li>
  );
}

/** The messages list: inbox or archive, search, and (for staff and guardians) a new message. */
export function MessagesPage() {
  const { t } = useTranslation('messages');
  const { slug } = useMunicipality();
  const session = useSession(slug);
  const [archived, setArchived] = useState(false);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [writing, setWriting] = useState(false);
  const threads = useThreads(slug, archived, q);
  usePageTitle(t('title'));
  const roles = session.data?.roles ?? [];
  const canWrite = roles.some((r) => r === 'guardian' || r === 'daycare_staff' || r === 'admin');

  function onSearch(event?: FormEvent) {
    event?.preventDefault();
    setQ(search.trim());
  }

  return (
    <div className="page messages">
      <Heading variant="h1" mb="s">
        {t('title')}
      </Heading>
      <Paragraph mb="m">
        {threads.data ? t('unreadTotal', { count: threads.data.unreadCount }) : t('intro')}
      </Paragraph>
      {canWrite && !writing && (
        <Button onClick={() => setWriting(true)} className="messages__new">
          {t('new.open')}
        </Button>
      )}
      {writing && <NewMessageForm slug={slug} roles={roles} onClose={() => setWriting(false)} />}
      <div className="messages__tools">
        <form role="search" onSubmit={onSearch} className="messages__search">
          <TextInput
            labelText={t('search.label')}
            value={search}
            onChange={(value) => setSearch(String(value ?? ''))}
          />
          <Button type="submit" variant="secondary">
            {t('search.button')}
          </Button>
        </form>
        <Button variant="secondary" onClick={() => setArchived((a) => !a)}>
          {archived ? t('showInbox') : t('showArchive')}
        </Button>
      </div>
      <Heading variant="h2" mb="s">
        {archived ? t('archive') : t('inbox')}
      </Heading>
      {threads.isPending && <Loading text={t('loading')} />}
      {threads.isError && <ErrorAlert error={threads.error} />}
      {threads.data &&
        (threads.data.items.length === 0 ? (
          <Paragraph>{q ? t('noResults') : t('empty')}</Paragraph>
        ) : (
          <ul className="message-list" aria-label={archived ? t('archive') : t('inbox')}>
            {threads.data.items.map((thread) => (
              <ThreadRow key={thread.id} slug={slug} thread={thread} />
            ))}
          </ul>
        ))}
    </div>
  );
}
