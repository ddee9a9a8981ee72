import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Textarea, TextInput } from 'suomifi-ui-components';
import { ErrorAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { currentLanguage } from '../../i18n';
import type { IdeaSummary, Stage, StageChangeBody } from './api';
import { OwnerTimebox } from './OwnerTimebox';
import { useIdea } from './queries';

/**
 * The fields a stage requires, asked before the move (a native modal dialog: the browser keeps
 * focus inside and Escape closes it). The server checks the rules; its refusal shows here.
 */
export function BoardMoveDialog({
  idea,
  target,
  pending,
  error,
  onMove,
  onClose,
}: {
  idea: IdeaSummary;
  target: Stage;
  pending: boolean;
  error: unknown;
  onMove: (body: StageChangeBody) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('portfolioViews');
  const { t: tp } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const language = currentLanguage();
  const full = useIdea(slug, idea.id);
  const dialog = useRef<HTMLDialogElement>(null);
  const [ownerId, setOwnerId] = useState(idea.owner?.id ?? '');
  const [timebox, setTimebox] = useState<21 | 105 | null>(idea.clock?.timeboxDays ?? null);
  const [goal, setGoal] = useState<string | null>(null);
  const [results, setResults] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const needs = (field: string) => target.requiredFields.some((f) => f === field);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  useEffect(() => {
    if (full.data) setTimebox((was) => was ?? (full.data.timeboxDays as 21 | 105 | null));
  }, [full.data]);

  const title = t('board.dialogTitle', { title: idea.title, stage: target.name[language] });
  return (
    <dialog
      ref={dialog}
      className="portfolio-dialog"
      aria-labelledby="board-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        className="portfolio-form"
        onSubmit={(event) => {
          event.preventDefault();
          onMove({
            stage: target.key,
            reason: reason.trim(),
            ...(needs('owner') && ownerId ? { ownerId } : {}),
            ...(needs('timebox') && timebox ? { timeboxDays: timebox } : {}),
            ...(needs('goal') ? { goal: goal ?? full.data?.goal ?? '' } : {}),
            ...(needs('results') ? { results: results ?? full.data?.results ?? '' } : {}),
          });
        }}
      >
        <Heading variant="h2" as="h2" id="board-dialog-title">
          {title}
        </Heading>
        <p className="portfolio-hint">
          {t('board.requires', {
            fields: target.requiredFields.map((f) => tp(`idea.fact.${f}`)).join(', '),
          })}
        </p>
        {Boolean(error) && <ErrorAlert error={error} />}
        {(needs('owner') || needs('timebox')) && (
          <OwnerTimebox
            ownerId={ownerId}
            onOwner={setOwnerId}
            timebox={timebox}
            onTimebox={setTimebox}
            idPrefix="board"
            portal={false}
          />
        )}
        {needs('goal') && full.data && (
          <TextInput
            labelText={tp('idea.fact.goal')}
            value={goal ?? full.data.goal}
            maxLength={2000}
            onChange={(v) => setGoal(String(v ?? ''))}
            fullWidth
          />
        )}
        {needs('results') && full.data && (
          <Textarea
            labelText={tp('idea.fact.results')}
            value={results ?? full.data.results}
            maxLength={5000}
            onChange={(e) => setResults(e.target.value)}
            fullWidth
          />
        )}
        <Textarea
          labelText={t('board.reason')}
          optionalText={tp('form.optional')}
          value={reason}
          maxLength={2000}
          onChange={(e) => setReason(e.target.value)}
          fullWidth
        />
        <div className="portfolio-dialog__buttons">
          <Button type="submit" disabled={pending}>
            {pending ? t('board.moving') : t('board.confirm')}
          </Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('board.cancel')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
