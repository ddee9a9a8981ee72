import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Textarea, TextInput } from 'suomifi-ui-components';
import { ErrorAlert } from '../../app/feedback';
import type { IdeaBody } from './api';

/** "a, b , c" → ['a', 'b', 'c'] */
const tags = (text: string) =>
  [...new Set(text.split(',').map((t) => t.trim()))].filter(Boolean).slice(0, 20);

/** The idea's fields, for submitting a new idea and for the team's edit. */
export function IdeaForm({
  initial,
  submitLabel,
  onSubmit,
  error,
  pending,
  children,
}: {
  initial?: IdeaBody;
  submitLabel: string;
  onSubmit: (body: IdeaBody) => Promise<unknown>;
  error: unknown;
  pending: boolean;
  /** More fields before the submit button (the new idea's files). */
  children?: ReactNode;
}) {
  const { t } = useTranslation('portfolio');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [problem, setProblem] = useState(initial?.problem ?? '');
  const [proposal, setProposal] = useState(initial?.proposal ?? '');
  const [targetGroups, setTargetGroups] = useState(initial?.targetGroups?.join(', ') ?? '');
  const [departments, setDepartments] = useState(initial?.departments?.join(', ') ?? '');
  const [themes, setThemes] = useState(initial?.themes?.join(', ') ?? '');
  const [touched, setTouched] = useState(false);
  const errors = {
    title: title.trim().length < 3 ? t('form.titleShort') : undefined,
    problem: !problem.trim() ? t('form.required') : undefined,
    proposal: !proposal.trim() ? t('form.required') : undefined,
  };
  const shown = (key: keyof typeof errors) => (touched ? errors[key] : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (pending || Object.values(errors).some(Boolean)) return;
    await onSubmit({
      title: title.trim(),
      problem: problem.trim(),
      proposal: proposal.trim(),
      targetGroups: tags(targetGroups),
      departments: tags(departments),
      themes: tags(themes),
    }).catch(() => undefined);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="portfolio-form">
      {Boolean(error) && <ErrorAlert error={error} />}
      <TextInput
        labelText={t('form.title')}
        value={title}
        maxLength={200}
        onChange={(v) => setTitle(String(v ?? ''))}
        status={shown('title') ? 'error' : 'default'}
        statusText={shown('title')}
        fullWidth
      />
      <Textarea
        labelText={t('form.problem')}
        hintText={t('form.problemHint')}
        value={problem}
        maxLength={5000}
        onChange={(e) => setProblem(e.target.value)}
        status={shown('problem') ? 'error' : 'default'}
        statusText={shown('problem')}
        fullWidth
      />
      <Textarea
        labelText={t('form.proposal')}
        hintText={t('form.proposalHint')}
        value={proposal}
        maxLength={5000}
        onChange={(e) => setProposal(e.target.value)}
        status={shown('proposal') ? 'error' : 'default'}
        statusText={shown('proposal')}
        fullWidth
      />
      <TextInput
        labelText={t('form.targetGroups')}
        hintText={t('form.commaHint')}
        optionalText={t('form.optional')}
        value={targetGroups}
        onChange={(v) => setTargetGroups(String(v ?? ''))}
        fullWidth
      />
      <TextInput
        labelText={t('form.departments')}
        hintText={t('form.commaHint')}
        optionalText={t('form.optional')}
        value={departments}
        onChange={(v) => setDepartments(String(v ?? ''))}
        fullWidth
      />
      <TextInput
        labelText={t('form.themes')}
        hintText={t('form.commaHint')}
        optionalText={t('form.optional')}
        value={themes}
        onChange={(v) => setThemes(String(v ?? ''))}
        fullWidth
      />
      {children}
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
