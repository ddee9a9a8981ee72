import { useTranslation } from 'react-i18next';
import { Button, IconPlus, IconRemove, Paragraph } from 'suomifi-ui-components';
import { nextSession, type SessionDraft } from './courseDraft';
import { NativeField } from './NativeField';

/**
 * The sessions of a course, one fieldset each (day, start, end) with Remove. "Add a session"
 * adds one a week after the last, at the same times: a weekly course is a few clicks.
 */
export function SessionsEditor(props: {
  sessions: SessionDraft[];
  onChange: (sessions: SessionDraft[]) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const { sessions, onChange, errorOf } = props;
  const { t } = useTranslation('courses');
  const set = (index: number, patch: Partial<SessionDraft>) =>
    onChange(sessions.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  function add() {
    const session = nextSession(sessions);
    onChange([...sessions, session]);
    // The new session's day input takes the focus.
    window.setTimeout(
      () => document.querySelector<HTMLInputElement>(`#session-${session.key} input`)?.focus(),
      0,
    );
  }

  function remove(index: number) {
    const next = sessions.filter((_, i) => i !== index);
    onChange(next);
    // The focus goes to the session now in this place, or to "Add a session".
    const target = next[Math.min(index, next.length - 1)];
    window.setTimeout(() => {
      const el = target
        ? document.querySelector<HTMLElement>(`#session-${target.key} input`)
        : document.getElementById('add-session');
      el?.focus();
    }, 0);
  }

  return (
    <fieldset className="course-form__group">
      <legend>{t('admin.sessions')}</legend>
      <Paragraph mb="s">{t('admin.sessionsHint')}</Paragraph>
      {sessions.length === 0 && <Paragraph mb="s">{t('admin.noSessions')}</Paragraph>}
      <ol className="session-editor">
        {sessions.map((session, index) => {
          const n = index + 1;
          const field = `sessions.${index}`;
          return (
            <li key={session.key}>
              <fieldset id={`session-${session.key}`} className="session-editor__row">
                <legend>{t('admin.session', { n })}</legend>
                <NativeField
                  type="date"
                  label={t('admin.sessionDate')}
                  value={session.date}
                  onChange={(date) => set(index, { date })}
                  error={errorOf(`${field}.date`)}
                />
                <NativeField
                  type="time"
                  label={t('admin.sessionStart')}
                  value={session.start}
                  onChange={(start) => set(index, { start })}
                  error={errorOf(`${field}.start`)}
                />
                <NativeField
                  type="time"
                  label={t('admin.sessionEnd')}
                  value={session.end}
                  onChange={(end) => set(index, { end })}
                  error={errorOf(`${field}.end`)}
                />
                <div className="session-editor__remove">
                  <Button
                    variant="secondaryNoBorder"
                    icon={<IconRemove />}
                    aria-label={t('admin.removeSession', { n })}
                    onClick={() => remove(index)}
                  >
                    {t('admin.remove')}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <Button id="add-session" variant="secondary" icon={<IconPlus />} onClick={add}>
        {sessions.length ? t('admin.addWeekLater') : t('admin.addSession')}
      </Button>
    </fieldset>
  );
}
