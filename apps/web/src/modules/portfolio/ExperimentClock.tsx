import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Textarea, TextInput } from 'suomifi-ui-components';
import { ErrorAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { currentLanguage } from '../../i18n';
import { formatDate, formatDateTimeLong } from '../courses/format';
import { useSession } from '../platform/queries';
import { portfolioApi, type Experiment } from './api';
import { useExperiment, usePortfolioMutation } from './queries';
import { canModerate } from './roles';
import { ExperimentDetails } from './ExperimentDetails';
import { ExperimentOutcome } from './ExperimentOutcome';

/** The clocks in words: days left, or how late (shown in red). */
export function ClockLines({ experiment }: { experiment: Experiment }) {
  const { t } = useTranslation('portfolio');
  const language = currentLanguage();
  const e = experiment;
  return (
    <>
      <p className={e.overdue && e.running ? 'portfolio-late' : undefined}>
        {t('experiment.due', { date: formatDate(e.dueDate, language) })}{' '}
        {e.running &&
          (e.overdue
            ? t('experiment.overdue', { count: -e.daysLeft })
            : t('experiment.left', { count: e.daysLeft }))}
      </p>
      <p className={e.declarationLate && e.running ? 'portfolio-late' : undefined}>
        {e.declaredAt
          ? t('experiment.declared', { at: formatDateTimeLong(e.declaredAt, language) })
          : e.declarationLate
            ? t('experiment.declarationLate', { at: formatDateTimeLong(e.declareBy, language) })
            : t('experiment.declareBy', { at: formatDateTimeLong(e.declareBy, language) })}
      </p>
    </>
  );
}

function DeclareForm({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const [text, setText] = useState('');
  const declare = usePortfolioMutation(slug, (declaration: string) =>
    portfolioApi.declareExperiment(slug, ideaId, declaration),
  );
  return (
    <form
      className="portfolio-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) declare.mutate(text.trim());
      }}
    >
      {declare.isError && <ErrorAlert error={declare.error} />}
      <Textarea
        labelText={t('experiment.declaration')}
        hintText={t('experiment.declarationHint')}
        value={text}
        maxLength={2000}
        onChange={(e) => setText(e.target.value)}
        fullWidth
      />
      <Button type="submit" disabled={!text.trim() || declare.isPending}>
        {t('experiment.declare')}
      </Button>
    </form>
  );
}

function ExtendForm({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const [days, setDays] = useState('7');
  const [reason, setReason] = useState('');
  const extend = usePortfolioMutation(slug, () =>
    portfolioApi.extendExperiment(slug, ideaId, Number(days), reason.trim()),
  );
  const valid = /^\d{1,3}$/.test(days) && Number(days) >= 1 && Number(days) <= 105;
  return (
    <form
      className="portfolio-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid && reason.trim()) extend.mutate(undefined, { onSuccess: () => setReason('') });
      }}
    >
      {extend.isError && <ErrorAlert error={extend.error} />}
      <TextInput
        labelText={t('experiment.extendDays')}
        inputMode="numeric"
        value={days}
        onChange={(v) => setDays(String(v ?? ''))}
        status={valid ? 'default' : 'error'}
        statusText={valid ? undefined : t('experiment.daysInvalid')}
      />
      <TextInput
        labelText={t('experiment.extendReason')}
        value={reason}
        maxLength={2000}
        onChange={(v) => setReason(String(v ?? ''))}
        fullWidth
      />
      <Button type="submit" variant="secondary" disabled={!valid || !reason.trim()}>
        {t('experiment.extend')}
      </Button>
    </form>
  );
}

/** The experiment's box on the idea page: the clocks, the declaration, extensions. */
export function ExperimentClock({ ideaId, enabled }: { ideaId: string; enabled: boolean }) {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const session = useSession(slug);
  const experiment = useExperiment(slug, ideaId, enabled);
  const language = currentLanguage();
  const e = experiment.data;
  if (!e) return null;
  const team = canModerate(session.data);
  const isOwner = session.data?.user?.id !== undefined && session.data.user.id === e.owner?.id;
  return (
    <section aria-labelledby="experiment-heading" className="form-section portfolio-experiment">
      <Heading variant="h2" id="experiment-heading" mb="s">
        {t('experiment.heading', { count: e.timeboxDays })}
      </Heading>
      <ClockLines experiment={e} />
      {e.declaration && <p className="portfolio-declaration">{e.declaration}</p>}
      {e.extensions.length > 0 && (
        <ul className="portfolio-history">
          {e.extensions.map((x) => (
            <li key={x.id}>
              {t('experiment.extended', {
                count: x.days,
                by: x.by,
                at: formatDateTimeLong(x.at, language),
              })}{' '}
              – {x.reason}
            </li>
          ))}
        </ul>
      )}
      <ExperimentDetails experiment={e} canEdit={isOwner || team} staffPicker={team} />
      {e.running && !e.declaredAt && (isOwner || team) && <DeclareForm ideaId={ideaId} />}
      {e.running && team && <ExtendForm ideaId={ideaId} />}
      <ExperimentOutcome experiment={e} canFinish={isOwner || team} team={team} />
    </section>
  );
}
