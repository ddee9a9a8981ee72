import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { currentLanguage } from '../../i18n';
import { ACCEPT, attachmentProblem, formatSize, type AttachmentProblem } from './attachments';

/** The translated text of a problem with the chosen files. */
export function useProblemText() {
  const { t } = useTranslation('messages');
  return (p: AttachmentProblem) => t(`attachments.error.${p.key}`, p);
}

/**
 * Files for a new message or a reply: a native file input (every browser and screen reader
 * knows it), then the chosen files with their sizes, each removable before sending. Wrong or
 * too large files stay in the list with the reason, so the sender sees which one to remove.
 */
export function AttachmentPicker({
  files,
  onChange,
  disabled,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('messages');
  const problemText = useProblemText();
  const language = currentLanguage();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const problem = attachmentProblem(files);
  const describedBy = problem ? `${id}-hint ${id}-error` : `${id}-hint`;

  return (
    <div className="message-files">
      <span id={`${id}-label`} className="message-files__label">
        {t('attachments.label')}
      </span>
      <p id={`${id}-hint`} className="message-files__hint">
        {t('attachments.hint')}
      </p>
      <input
        id={`${id}-input`}
        ref={input}
        className="message-files__input"
        aria-labelledby={`${id}-label ${id}-choose`}
        type="file"
        multiple
        accept={ACCEPT}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => {
          const chosen = [...(event.target.files ?? [])];
          if (chosen.length > 0) onChange([...files, ...chosen]);
          // The same file can be chosen again after it was removed.
          event.target.value = '';
        }}
      />
      {/* The browser's own button speaks the browser's language; this one speaks ours. */}
      <label htmlFor={`${id}-input`} id={`${id}-choose`} className="message-files__choose">
        {t('attachments.choose')}
      </label>
      <div aria-live="polite">
        {problem && (
          <p id={`${id}-error`} className="message-files__error">
            {problemText(problem)}
          </p>
        )}
      </div>
      {files.length > 0 && (
        <ul className="message-files__list" aria-label={t('attachments.chosen')}>
          {files.map((f, i) => (
            <li key={`${i}-${f.name}`}>
              <span className="message-files__name">{f.name}</span>
              <span className="message-files__size">{formatSize(f.size, language)}</span>
              <Button
                variant="secondaryNoBorder"
                aria-label={t('attachments.remove', { name: f.name })}
                disabled={disabled}
                onClick={() => {
                  onChange(files.filter((_, j) => j !== i));
                  input.current?.focus();
                }}
              >
                {t('attachments.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
