import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  Button,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  Textarea,
} from 'suomifi-ui-components';
import { ErrorAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { currentLanguage } from '../../i18n';
import { formatDateTimeLong } from '../courses/format';
import { portfolioApi, type Experiment, type Outcome } from './api';
import { usePortfolioMutation } from './queries';

const OUTCOMES: Outcome[] = ['adopted', 'changed', 'stopped'];
// An experiment is finished from these stages (the server says the same).
const FINISHABLE = ['experiment', 'evaluation'];

function FinishForm({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation('experimentOutcome');
  const { slug } = useMunicipality();
  const [outcome, setOutcome] = useState<Outcome>('adopted');
  const [summary, setSummary] = useState('');
  const [lessons, setLessons] = useState('');
  const [results, setResults] = useState('');
  const [missing, setMissing] = useState(false);
  const finish = usePortfolioMutation(slug, () =>
    portfolioApi.finishExperiment(slug, ideaId, {
      outcome,
      lessons: lessons.trim(),
      summary: summary.trim(),
      ...(results.trim() ? { results: results.trim() } : {}),
    }),
  );
  return (
    <form
      className="portfolio-form"
      aria-labelledby="finish-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setMissing(!lessons.trim());
        if (lessons.trim()) finish.mutate(undefined);
      }}
    >
      <Heading variant="h3" id="finish-heading" mb="xs">
        {t('finish.heading')}
      </Heading>
      <Paragraph mb="s">{t('finish.intro')}</Paragraph>
      {finish.isError && <ErrorAlert error={finish.error} />}
      <RadioButtonGroup
        labelText={t('finish.outcome')}
        name="experiment-outcome"
        value={outcome}
        onChange={(v) => setOutcome(OUTCOMES.find((o) => o === v) ?? 'adopted')}
      >
        {OUTCOMES.map((o) => (
          <RadioButton key={o} value={o} hintText={t(`outcomeHint.${o}`)}>
            {t(`outcome.${o}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      <Textarea
        labelText={t('finish.summary')}
        optionalText={t('finish.optional')}
        hintText={t('finish.summaryHint')}
        value={summary}
        maxLength={1000}
        onChange={(e) => setSummary(e.target.value)}
        fullWidth
      />
      <Textarea
        labelText={t('finish.lessons')}
        value={lessons}
        maxLength={2000}
        status={missing ? 'error' : 'default'}
        statusText={missing ? t('finish.lessonsMissing') : undefined}
        onChange={(e) => setLessons(e.target.value)}
        fullWidth
      />
      {outcome !== 'stopped' && (
        <Textarea
          labelText={t('finish.results')}
          optionalText={t('finish.optional')}
          hintText={t('finish.resultsHint')}
          value={results}
          maxLength={2000}
          onChange={(e) => setResults(e.target.value)}
          fullWidth
        />
      )}
      <Button type="submit" disabled={finish.isPending}>
        {t('finish.submit')}
      </Button>
    </form>
  );
}

function CreateCase({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation('experimentOutcome');
  const { slug } = useMunicipality();
  const navigate = useNavigate();
  const create = usePortfolioMutation(slug, () =>
    portfolioApi.createCaseFromExperiment(slug, ideaId),
  );
  return (
    <div className="portfolio-form">
      {create.isError && <ErrorAlert error={create.error} />}
      <Paragraph mb="xs">{t('case.hint')}</Paragraph>
      <Button
        variant="secondary"
        disabled={create.isPending}
        onClick={() =>
          create.mutate(undefined, {
            onSuccess: (result) => navigate(`/${slug}/admin/cases/${result.case.id}`),
          })
        }
      >
        {t('case.create')}
      </Button>
    </div>
  );
}

/**
 * The experiment's end on the idea page: its outcome and lessons once finished (with the
 * team's "create a case card"), or the finish form for the owner and the team.
 */
export function ExperimentOutcome({
  experiment: e,
  canFinish,
  team,
}: {
  experiment: Experiment;
  canFinish: boolean;
  team: boolean;
}) {
  const { t } = useTranslation('experimentOutcome');
  const language = currentLanguage();
  if (e.outcome && e.finishedAt) {
    return (
      <div className="portfolio-outcome">
        <Heading variant="h3" mb="xs">
          {t('result.heading')}: {t(`outcome.${e.outcome}`)}
        </Heading>
        <p className="portfolio-comment__meta">
          {t('result.finished', { at: formatDateTimeLong(e.finishedAt, language) })}
        </p>
        {e.outcomeSummary && <p className="portfolio-journal__body">{e.outcomeSummary}</p>}
        <Heading variant="h4" as="h4" mb="xs">
          {t('result.lessons')}
        </Heading>
        <p className="portfolio-journal__body">{e.lessons}</p>
        {team && <CreateCase ideaId={e.ideaId} />}
      </div>
    );
  }
  if (!canFinish || !FINISHABLE.includes(e.stage)) return null;
  return <FinishForm ideaId={e.ideaId} />;
}
