import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, Heading, TextInput } from 'suomifi-ui-components';
import { ErrorAlert } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import type { Experiment } from './api';
import { experimentDetailsApi, type ExperimentDetailsBody } from './experimentDetailsApi';
import { useOwners, usePortfolioMutation } from './queries';

/** The experiment's team, metrics and budget on the idea page; the owner and the team edit. */

const euros = (cents: number, language: string) =>
  (cents / 100).toLocaleString(language, { style: 'currency', currency: 'EUR' });
const num = (n: number | null) => (n === null ? '–' : String(n));
/** "12,5" or "12.5" to a number; empty is no value; anything else is NaN (invalid). */
const parseNum = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.').trim()));

export function ExperimentDetails({
  experiment,
  canEdit,
  staffPicker,
}: {
  experiment: Experiment;
  canEdit: boolean;
  /** The digital team picks experimenters from the staff list (only it may read that list). */
  staffPicker: boolean;
}) {
  const { t, i18n } = useTranslation('experimentDetails');
  const [editing, setEditing] = useState(false);
  const e = experiment;
  return (
    <div className="portfolio-details">
      <Heading variant="h3" mb="xs">
        {t('team')}
      </Heading>
      {e.team.length === 0 ? (
        <p>{t('noTeam')}</p>
      ) : (
        <ul>
          {e.team.map((x, i) => (
            <li key={i}>{x.department ? `${x.name} (${x.department})` : x.name}</li>
          ))}
        </ul>
      )}
      <Heading variant="h3" mb="xs">
        {t('metrics')}
      </Heading>
      {e.metrics.length === 0 ? (
        <p>{t('noMetrics')}</p>
      ) : (
        <ul>
          {e.metrics.map((m, i) => (
            <li key={i}>
              {t('metricLine', {
                name: m.name,
                unit: m.unit,
                baseline: num(m.baseline),
                target: num(m.target),
                result: m.result === null ? t('notMeasured') : num(m.result),
              })}
            </li>
          ))}
        </ul>
      )}
      <p className={e.overBudget ? 'portfolio-late' : undefined}>
        {t('budget', {
          spent: euros(e.budgetSpentCents, i18n.language),
          granted: euros(e.budgetGrantedCents, i18n.language),
        })}{' '}
        {e.overBudget && t('overBudget')}
      </p>
      {canEdit && !editing && (
        <Button variant="secondary" onClick={() => setEditing(true)}>
          {t('edit')}
        </Button>
      )}
      {canEdit && editing && (
        <DetailsForm experiment={e} staffPicker={staffPicker} onDone={() => setEditing(false)} />
      )}
    </div>
  );
}

interface Row {
  name: string;
  department: string;
  personId: string | null;
}
interface MetricRow {
  name: string;
  unit: string;
  baseline: string;
  target: string;
  result: string;
}
const str = (n: number | null) => (n === null ? '' : String(n));

function DetailsForm({
  experiment,
  staffPicker,
  onDone,
}: {
  experiment: Experiment;
  staffPicker: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation('experimentDetails');
  const { slug } = useMunicipality();
  const staff = useOwners(slug, staffPicker).data?.items ?? [];
  const [team, setTeam] = useState<Row[]>(experiment.team);
  const [metrics, setMetrics] = useState<MetricRow[]>(
    experiment.metrics.map((m) => ({
      name: m.name,
      unit: m.unit,
      baseline: str(m.baseline),
      target: str(m.target),
      result: str(m.result),
    })),
  );
  const [granted, setGranted] = useState((experiment.budgetGrantedCents / 100).toFixed(2));
  const [spent, setSpent] = useState((experiment.budgetSpentCents / 100).toFixed(2));
  const save = usePortfolioMutation(slug, (body: ExperimentDetailsBody) =>
    experimentDetailsApi.update(slug, experiment.ideaId, body),
  );
  const cents = (s: string) => Math.round(Number(s.replace(',', '.').trim()) * 100);
  const body: ExperimentDetailsBody = {
    experimenters: team.map((x) => ({
      personId: x.personId,
      name: x.personId ? '' : x.name,
      department: x.department,
    })),
    metrics: metrics.map((m) => ({
      name: m.name,
      unit: m.unit,
      baseline: parseNum(m.baseline),
      target: parseNum(m.target),
      result: parseNum(m.result),
    })),
    budgetGrantedCents: cents(granted),
    budgetSpentCents: cents(spent),
  };
  const numbersOk =
    body.metrics.every((m) =>
      [m.baseline, m.target, m.result].every((n) => n === null || Number.isFinite(n)),
    ) &&
    [body.budgetGrantedCents, body.budgetSpentCents].every((c) => Number.isInteger(c) && c >= 0);
  const setRow = (i: number, patch: Partial<Row>) =>
    setTeam(team.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const setMetric = (i: number, patch: Partial<MetricRow>) =>
    setMetrics(metrics.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <form
      className="portfolio-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (numbersOk) save.mutate(body, { onSuccess: onDone });
      }}
    >
      {save.isError && <ErrorAlert error={save.error} />}
      <fieldset>
        <legend>{t('team')}</legend>
        {team.map((x, i) => (
          <div key={i} className="portfolio-details-row">
            <TextInput
              labelText={t('name', { n: i + 1 })}
              value={x.name}
              disabled={x.personId !== null}
              maxLength={200}
              onChange={(v) => setRow(i, { name: String(v ?? '') })}
            />
            <TextInput
              labelText={t('department', { n: i + 1 })}
              value={x.department}
              maxLength={200}
              onChange={(v) => setRow(i, { department: String(v ?? '') })}
            />
            <Button variant="secondary" onClick={() => setTeam(team.filter((_, j) => j !== i))}>
              {t('remove', { n: i + 1 })}
            </Button>
          </div>
        ))}
        {/* A Suomi.fi dropdown cannot start without items: it appears once the staff are loaded. */}
        {staffPicker && staff.length > 0 && (
          <Dropdown
            labelText={t('addStaff')}
            visualPlaceholder={t('chooseStaff')}
            onChange={(id: string) => {
              const person = staff.find((o) => o.id === id);
              if (person && !team.some((x) => x.personId === id)) {
                setTeam([...team, { name: person.name, department: '', personId: id }]);
              }
            }}
          >
            {staff.map((o) => (
              <DropdownItem key={o.id} value={o.id}>
                {o.name}
              </DropdownItem>
            ))}
          </Dropdown>
        )}
        <Button
          variant="secondary"
          onClick={() => setTeam([...team, { name: '', department: '', personId: null }])}
        >
          {t('addPerson')}
        </Button>
      </fieldset>
      <fieldset>
        <legend>{t('metrics')}</legend>
        {metrics.map((m, i) => (
          <div key={i} className="portfolio-details-row">
            {(['name', 'unit', 'baseline', 'target', 'result'] as const).map((field) => (
              <TextInput
                key={field}
                labelText={t(`metric.${field}`, { n: i + 1 })}
                value={m[field]}
                inputMode={field === 'name' || field === 'unit' ? undefined : 'decimal'}
                onChange={(v) => setMetric(i, { [field]: String(v ?? '') })}
              />
            ))}
            <Button
              variant="secondary"
              onClick={() => setMetrics(metrics.filter((_, j) => j !== i))}
            >
              {t('removeMetric', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button
          variant="secondary"
          onClick={() =>
            setMetrics([...metrics, { name: '', unit: '', baseline: '', target: '', result: '' }])
          }
        >
          {t('addMetric')}
        </Button>
      </fieldset>
      <TextInput
        labelText={t('granted')}
        inputMode="decimal"
        value={granted}
        onChange={(v) => setGranted(String(v ?? ''))}
      />
      <TextInput
        labelText={t('spent')}
        inputMode="decimal"
        value={spent}
        onChange={(v) => setSpent(String(v ?? ''))}
      />
      {!numbersOk && <p className="portfolio-late">{t('numbersInvalid')}</p>}
      <Button type="submit" disabled={!numbersOk || save.isPending}>
        {t('save')}
      </Button>
    </form>
  );
}
