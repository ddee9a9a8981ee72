import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useParams } from 'react-router-dom';
import { Button, Heading, Paragraph, Textarea } from 'suomifi-ui-components';
import { api, type MessageThread } from '../../api/client';
import { ErrorAlert, Loading, SuccessAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { formatDateTimeLong } from '../courses/format';
import { useThread, useThreadAction } from './queries';
import { AttachmentList } from './AttachmentList';
import { AttachmentPicker } from './AttachmentPicker';
import { attachmentProblem, toUploads } from './attachments';
import './messages.css';

function Acknowledgements({ slug, thread }: { slug: string; thread: MessageThread }) {
  const { t } = useTranslation('messages');
  const remind = useThreadAction(slug, () => api.remindUnacknowledged(slug, thread.id));
  const list = thread.acknowledgements ?? [];
  const missing = list.filter((a) => !a.acknowledgedAt);
  return (
    <section aria-labelledby="acks-heading" className="form-section">
      <Heading variant="h2" id="acks-heading" mb="s">
        {t('acks.heading', { done: list.length - missing.length, total: list.length })}
      </Heading>
      {remind.isError && <ErrorAlert error={remind.error} />}
      {remind.data && (
        <SuccessAlert>{t('acks.reminded', { count: remind.data.reminded })}</SuccessAlert>
      )}
      {missing.length === 0 ? (
        <Paragraph>{t('acks.all')}</Paragraph>
      ) : (
        <>
          <Paragraph mb="xs">{t('acks.missing')}</Paragraph>
          <ul className="message-acks">
            {missing.map((a) => (
              <li key={a.personId}>{a.name}</li>
            ))}
          </ul>
          <Button variant="secondary" disabled={remind.isPending} onClick={() => remind.mutate()}>
            {t('acks.remind')}
          </Button>
        </>
      )}
    </section>
  );
}

/** One thread: its messages, marked read on opening; reply, acknowledge, unread, archive. */
export function ThreadPage() {
  const { t } = useTranslation('messages');
  const { slug } = useMunicipality();
  const { threadId = '' } = useParams();
  const thread = useThread(slug, threadId);
  const language = currentLanguage();
  const [reply, setReply] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [note, setNote] = useState('');
  const read = useThreadAction(slug, () => api.markThreadRead(slug, threadId));
  const unread = useThreadAction(slug, () => api.markThreadUnread(slug, threadId));
  const archive = useThreadAction(slug, () =>
    api.archiveThread(slug, threadId, !thread.data?.archived),
  );
  const ack = useThreadAction(slug, () => api.acknowledgeMessage(slug, threadId));
  const send = useThreadAction(slug, async () =>
    api.replyToThread(slug, threadId, {
      body: reply,
      ...(files.length > 0 ? { attachments: await toUploads(files) } : {}),
    }),
  );
  const noteRef = useRef<HTMLDivElement>(null);
  usePageTitle(thread.data?.title ?? t('title'));

  // Opening the thread reads it, once: "mark unread" afterwards stays unread.
  const unreadCount = thread.data?.unreadCount ?? 0;
  const readMutate = read.mutate;
  const autoRead = useRef(false);
  useEffect(() => {
    if (thread.data && !autoRead.current) {
      autoRead.current = true;
      if (unreadCount > 0) readMutate();
    }
  }, [thread.data, unreadCount, readMutate]);

  const say = (text: string) => {
    setNote(text);
    window.setTimeout(() => noteRef.current?.focus(), 0);
  };

  async function onReply(event: FormEvent) {
    event.preventDefault();
    if (!reply.trim() || send.isPending || attachmentProblem(files)) return;
    try {
      await send.mutateAsync();
      setReply('');
      setFiles([]);
      say(t('thread.sent'));
    } catch {
      // shown below
    }
  }

  if (thread.isPending) return <Loading text={t('loading')} />;
  if (thread.isError)
    return (
      <div className="page">
        <ErrorAlert error={thread.error} />
      </div>
    );
  const data = thread.data;
  const error = [unread, archive, ack, send].find((m) => m.isError)?.error;

  return (
    <div className="page messages">
      <Paragraph mb="s">
        <RouterDomLink to={`/${slug}/messages`}>{t('thread.back')}</RouterDomLink>
      </Paragraph>
      <Heading variant="h1" mb="xs">
        {data.title}
      </Heading>
      <p className="message-row__meta">
        {data.from}
        {data.urgent && <span className="message-tag message-tag--urgent">{t('urgent')}</span>}
        <span className="message-tag">{t(`kind.${data.kind}`)}</span>
      </p>
      <div ref={noteRef} tabIndex={-1} className="notice-focus">
        {note && <SuccessAlert>{note}</SuccessAlert>}
        {error !== undefined && <ErrorAlert error={error} />}
      </div>
      <ol className="message-bubbles" aria-label={t('thread.messages')}>
        {data.messages.map((m) => (
          <li key={m.id} className={`message-bubble${m.mine ? ' message-bubble--mine' : ''}`}>
            <p className="message-bubble__meta">
              {m.authorName} · {formatDateTimeLong(m.createdAt, language)}
            </p>
            <p className="message-bubble__body">{m.body}</p>
            <AttachmentList slug={slug} attachments={m.attachments} />
          </li>
        ))}
      </ol>
      {data.requiresAck && !data.mine && data.acknowledgements === null && (
        <div className={`message-ack${data.acknowledgedAt ? ' message-ack--done' : ''}`}>
          {data.acknowledgedAt ? (
            <Paragraph>
              {t('ack.done', { at: formatDateTimeLong(data.acknowledgedAt, language) })}
            </Paragraph>
          ) : (
            <>
              <Paragraph mb="xs">{t('ack.asked')}</Paragraph>
              <Button
                disabled={ack.isPending}
                onClick={() => ack.mutate(undefined, { onSuccess: () => say(t('ack.thanks')) })}
              >
                {t('ack.button')}
              </Button>
            </>
          )}
        </div>
      )}
      {data.acknowledgements && <Acknowledgements slug={slug} thread={data} />}
      {data.canReply ? (
        <form onSubmit={(e) => void onReply(e)} className="form-section" noValidate>
          <Textarea
            labelText={t('thread.reply')}
            value={reply}
            maxLength={10000}
            onChange={(event) => setReply(event.target.value)}
            fullWidth
            mb="s"
          />
          <AttachmentPicker files={files} onChange={setFiles} disabled={send.isPending} />
          <Button
            type="submit"
            disabled={send.isPending || !reply.trim() || attachmentProblem(files) !== null}
          >
            {t('thread.send')}
          </Button>
        </form>
      ) : (
        <Paragraph mb="m">{t('thread.bulletin')}</Paragraph>
      )}
      <div className="messages__actions">
        <Button
          variant="secondary"
          disabled={unread.isPending}
          onClick={() =>
            unread.mutate(undefined, { onSuccess: () => say(t('thread.markedUnread')) })
          }
        >
          {t('thread.markUnread')}
        </Button>
        <Button
          variant="secondary"
          disabled={archive.isPending}
          onClick={() =>
            archive.mutate(undefined, {
              onSuccess: () => say(data.archived ? t('thread.unarchived') : t('thread.archived')),
            })
          }
        >
          {data.archived ? t('thread.unarchive') : t('thread.archive')}
        </Button>
      </div>
    </div>
  );
}
