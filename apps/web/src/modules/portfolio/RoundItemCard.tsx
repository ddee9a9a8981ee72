import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  Button,
  Dropdown,
  DropdownItem,
  Heading,
  RadioButton,
  RadioButtonGroup,
  Textarea,
} from 'suomifi-ui-components';
import { ErrorAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { currentLanguage } from '../../i18n';
import { portfolioApi, type Decision, type DecisionBody, type Round, type RoundItem } from './api';
import { OwnerTimebox } from './OwnerTimebox';
import { usePortfolioMutation } from './queries';
import { StageTag } from './StageName';
import { formatScore } from './format';

function ScoreForm({ round, item }: { round: Round; item: RoundItem }) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const language = currentLanguage();
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(item.myScores.map((s) => [s.criterionId, String(s.score)])),
  );
  const save = usePortfolioMutation(slug, () =>
    portfolioApi.scoreIdea(
      slug,
      round.id,
      item.idea.id,
      Object.entries(scores).map(([criterionId, score]) => ({ criterionId, score: Number(score) })),
    ),
  );
  return (
    <form
      className="portfolio-form portfolio-scores"
      onSubmit={(event) => {
        event.preventDefault();
        if (Object.keys(scores).length > 0) save.mutate(undefined);
      }}
    >
      <Heading variant="h4" as="h4">
        {t('round.myScores')}
      </Heading>
      {save.isError && <ErrorAlert error={save.error} />}
      {round.criteria.map((c) => (
        <Dropdown
          key={c.id}
          labelText={`${c.name[language]} (${t('round.weight', { weight: c.weight })})`}
          visualPlaceholder={t('round.chooseScore')}
          value={scores[c.id] ?? ''}
          onChange={(v: string) => setScores((s) => ({ ...s, [c.id]: v }))}
        >
          {['1', '2', '3', '4', '5'].map((n) => (
            <DropdownItem key={n} value={n}>
              {n}
            </DropdownItem>
          ))}
        </Dropdown>
      ))}
      <Button type="submit" variant="secondary" disabled={save.isPending}>
        {t('round.saveScores')}
      </Button>
    </form>
  );
}

function DecisionForm({ round, item }: { round: Round; item: RoundItem }) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const [decision, setDecision] = useState<Decision>(item.decision ?? 'go');
  const [reason, setReason] = useState(item.reason);
  const [ownerId, setOwnerId] = useState('');
  const [timebox, setTimebox] = useState<21 | 105 | null>(
    (item.timeboxDays as 21 | 105 | null) ?? null,
  );
  const decide = usePortfolioMutation(slug, (body: DecisionBody) =>
    portfolioApi.recordDecision(slug, round.id, item.idea.id, body),
  );
  const id = `decision-${item.idea.id}`;
  return (
    <form
      className="portfolio-form"
      onSubmit={(event) => {
        event.preventDefault();
        decide.mutate({
          decision,
          reason: reason.trim(),
          ...(decision === 'go' && ownerId ? { ownerId } : {}),
          ...(decision === 'go' && timebox ? { timeboxDays: timebox } : {}),
        });
      }}
    >
      <Heading variant="h4" as="h4">
        {t('round.decision')}
      </Heading>
      {decide.isError && <ErrorAlert error={decide.error} />}
      <RadioButtonGroup
        labelText={t('round.decisionLabel')}
        name={id}
        value={decision}
        onChange={(v) => setDecision(v as Decision)}
      >
        {(['go', 'wait', 'no'] as const).map((d) => (
          <RadioButton key={d} value={d}>
            {t(`decision.${d}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      {decision === 'go' && (
        <OwnerTimebox
          ownerId={ownerId}
          onOwner={setOwnerId}
          timebox={timebox}
          onTimebox={setTimebox}
          idPrefix={id}
        />
      )}
      <Textarea
        labelText={t('round.reason')}
        value={reason}
        maxLength={2000}
        onChange={(e) => setReason(e.target.value)}
        fullWidth
      />
      <Button type="submit" disabled={decide.isPending || !reason.trim()}>
        {t('round.decide')}
      </Button>
    </form>
  );
}

/** One idea on the agenda: the combined score, my scores and the decision. */
export function RoundItemCard({ round, item }: { round: Round; item: RoundItem }) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const language = currentLanguage();
  return (
    <li className="portfolio-card">
      <Heading variant="h3" as="h3">
        <Link to={`/${slug}/portfolio/ideas/${item.idea.id}`}>{item.idea.title}</Link>
      </Heading>
      <p className="portfolio-card__meta">
        <StageTag stage={item.idea.stage} />
        <span className="portfolio-score">
          {t('round.combined', { score: formatScore(item.combinedScore, language) })}
        </span>
        <span>{t('round.scorers', { count: item.scorers })}</span>
      </p>
      <table className="portfolio-table">
        <caption className="visually-hidden">
          {t('round.averagesCaption', { title: item.idea.title })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('round.criterion')}</th>
            <th scope="col">{t('round.weightHeading')}</th>
            <th scope="col">{t('round.average')}</th>
          </tr>
        </thead>
        <tbody>
          {round.criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name[language]}</th>
              <td>{c.weight}</td>
              <td>
                {formatScore(
                  item.averages.find((a) => a.criterionId === c.id)?.average ?? null,
                  language,
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {item.decision && (
        <p className="portfolio-decided">
          {t('round.decided', { decision: t(`decision.${item.decision}`) })}
          {item.reason && ` – ${item.reason}`}
        </p>
      )}
      {round.canScore && <ScoreForm round={round} item={item} />}
      {!round.closed && <DecisionForm round={round} item={item} />}
    </li>
  );
}
