import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Dropdown,
  DropdownItem,
  Heading,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { ErrorAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { currentLanguage } from '../../i18n';
import { portfolioApi, type Idea, type IdeaBody, type StageChangeBody } from './api';
import { IdeaForm } from './IdeaForm';
import { OwnerTimebox } from './OwnerTimebox';
import { useIdeas, useStages, usePortfolioMutation } from './queries';

function StageForm({ idea }: { idea: Idea }) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const stages = useStages(slug);
  const language = currentLanguage();
  const [stage, setStage] = useState(idea.stage);
  const [reason, setReason] = useState('');
  const [ownerId, setOwnerId] = useState(idea.owner?.id ?? '');
  const [timebox, setTimebox] = useState<21 | 105 | null>((idea.timeboxDays as 21 | 105) ?? null);
  const [goal, setGoal] = useState(idea.goal);
  const [results, setResults] = useState(idea.results);
  const change = usePortfolioMutation(slug, (body: StageChangeBody) =>
    portfolioApi.changeIdeaStage(slug, idea.id, body),
  );
  const target = stages.data?.items.find((s) => s.key === stage);
  return (
    <form
      className="portfolio-form"
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate({
          stage,
          reason,
          ...(ownerId ? { ownerId } : {}),
          ...(timebox ? { timeboxDays: timebox } : {}),
          goal,
          results,
        });
      }}
    >
      <Heading variant="h3" as="h3">
        {t('team.stageHeading')}
      </Heading>
      {change.isError && <ErrorAlert error={change.error} />}
      {stages.data && (
        <Dropdown labelText={t('team.stage')} value={stage} onChange={(v: string) => setStage(v)}>
          {stages.data.items.map((s) => (
            <DropdownItem key={s.key} value={s.key}>
              {s.name[language]}
            </DropdownItem>
          ))}
        </Dropdown>
      )}
      {target && target.requiredFields.length > 0 && (
        <p className="portfolio-hint">
          {t('team.requires', {
            fields: target.requiredFields.map((f) => t(`idea.fact.${f}`)).join(', '),
          })}
        </p>
      )}
      <OwnerTimebox
        ownerId={ownerId}
        onOwner={setOwnerId}
        timebox={timebox}
        onTimebox={setTimebox}
        idPrefix="stage"
      />
      <TextInput
        labelText={t('idea.fact.goal')}
        optionalText={t('form.optional')}
        value={goal}
        onChange={(v) => setGoal(String(v ?? ''))}
        fullWidth
      />
      <Textarea
        labelText={t('idea.fact.results')}
        optionalText={t('form.optional')}
        value={results}
        onChange={(e) => setResults(e.target.value)}
        fullWidth
      />
      <Textarea
        labelText={t('team.reason')}
        optionalText={t('form.optional')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        fullWidth
      />
      <Button type="submit" disabled={change.isPending}>
        {t('team.move')}
      </Button>
    </form>
  );
}

function HideForm({ idea }: { idea: Idea }) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const [reason, setReason] = useState('');
  const hide = usePortfolioMutation(slug, (why: string | null) =>
    why ? portfolioApi.hideIdea(slug, idea.id, why) : portfolioApi.showIdea(slug, idea.id),
  );
  if (idea.hidden) {
    return (
      <div className="portfolio-form">
        {hide.isError && <ErrorAlert error={hide.error} />}
        <Button variant="secondary" onClick={() => hide.mutate(null)}>
          {t('team.show')}
        </Button>
      </div>
    );
  }
  return (
    <form
      className="portfolio-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim()) hide.mutate(reason.trim());
      }}
    >
      {hide.isError && <ErrorAlert error={hide.error} />}
      <TextInput
        labelText={t('team.hideReason')}
        hintText={t('team.hideHint')}
        value={reason}
        maxLength={500}
        onChange={(v) => setReason(String(v ?? ''))}
        fullWidth
      />
      <Button type="submit" variant="secondary" disabled={!reason.trim()}>
        {t('team.hide')}
      </Button>
    </form>
  );
}

function MergeForm({ idea }: { idea: Idea }) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const others = useIdeas(slug, { sort: 'new' });
  const [duplicate, setDuplicate] = useState('');
  const merge = usePortfolioMutation(slug, (id: string) =>
    portfolioApi.mergeIdeas(slug, idea.id, [id]),
  );
  const candidates = (others.data?.items ?? []).filter((i) => i.id !== idea.id);
  // A Suomi.fi dropdown cannot start without items.
  if (candidates.length === 0) return null;
  return (
    <form
      className="portfolio-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (duplicate) merge.mutate(duplicate, { onSuccess: () => setDuplicate('') });
      }}
    >
      {merge.isError && <ErrorAlert error={merge.error} />}
      <Dropdown
        labelText={t('team.duplicate')}
        visualPlaceholder={t('team.chooseDuplicate')}
        value={duplicate}
        onChange={(v: string) => setDuplicate(v)}
      >
        {candidates.map((c) => (
          <DropdownItem key={c.id} value={c.id}>
            {c.title}
          </DropdownItem>
        ))}
      </Dropdown>
      <p className="portfolio-hint">{t('team.mergeHint')}</p>
      <Button type="submit" variant="secondary" disabled={!duplicate || merge.isPending}>
        {t('team.merge')}
      </Button>
    </form>
  );
}

/** The digital team's tools on an idea page: stage, edit, hide, merge duplicates. */
export function IdeaTeamPanel({ idea }: { idea: Idea }) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const [editing, setEditing] = useState(false);
  const edit = usePortfolioMutation(slug, (body: IdeaBody) =>
    portfolioApi.updateIdea(slug, idea.id, body),
  );
  if (idea.mergedInto) return null;
  return (
    <section aria-labelledby="team-heading" className="form-section portfolio-team">
      <Heading variant="h2" id="team-heading" mb="s">
        {t('team.heading')}
      </Heading>
      <StageForm key={idea.stage} idea={idea} />
      <Heading variant="h3" as="h3">
        {t('team.moderation')}
      </Heading>
      <HideForm idea={idea} />
      <MergeForm idea={idea} />
      {editing ? (
        <IdeaForm
          initial={idea}
          submitLabel={t('team.save')}
          pending={edit.isPending}
          error={edit.error}
          onSubmit={async (body) => {
            await edit.mutateAsync(body);
            setEditing(false);
          }}
        />
      ) : (
        <Button variant="secondary" onClick={() => setEditing(true)}>
          {t('team.edit')}
        </Button>
      )}
    </section>
  );
}
