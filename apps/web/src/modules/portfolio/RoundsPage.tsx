import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  Paragraph,
  TextInput,
} from 'suomifi-ui-components';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { parseDate } from '../bookings/time';
import { formatDate } from '../courses/format';
import { useSession } from '../platform/queries';
import { portfolioApi, type CreateRoundBody } from './api';
import { useIdeas, usePortfolioMutation, useRounds, useStages } from './queries';
import { canModerate } from './roles';
import './portfolio.css';

function NewRoundForm() {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const navigate = useNavigate();
  const ideas = useIdeas(slug, { sort: 'supports' });
  const stages = useStages(slug);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);
  const create = usePortfolioMutation(slug, (body: CreateRoundBody) =>
    portfolioApi.createRound(slug, body),
  );
  const closed = new Set(stages.data?.items.filter((s) => s.closed).map((s) => s.key));
  const open = (ideas.data?.items ?? []).filter((i) => !closed.has(i.stage) && !i.hidden);
  const meetingDate = parseDate(date);
  const errors = {
    title: title.trim() ? undefined : t('form.required'),
    date: meetingDate ? undefined : t('rounds.dateInvalid'),
    ideas: chosen.length ? undefined : t('rounds.chooseIdeas'),
  };
  const shown = (key: keyof typeof errors) => (touched ? errors[key] : undefined);
  return (
    <form
      className="portfolio-form form-section"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (Object.values(errors).some(Boolean) || !meetingDate) return;
        create.mutate(
          { title: title.trim(), meetingDate, ideaIds: chosen },
          { onSuccess: (round) => navigate(`/${slug}/portfolio/rounds/${round.id}`) },
        );
      }}
    >
      <Heading variant="h2" mb="s">
        {t('rounds.new')}
      </Heading>
      {create.isError && <ErrorAlert error={create.error} />}
      <TextInput
        labelText={t('rounds.title')}
        value={title}
        onChange={(v) => setTitle(String(v ?? ''))}
        status={shown('title') ? 'error' : 'default'}
        statusText={shown('title')}
        fullWidth
      />
      <TextInput
        labelText={t('rounds.date')}
        hintText={t('rounds.dateHint')}
        value={date}
        onChange={(v) => setDate(String(v ?? ''))}
        status={shown('date') ? 'error' : 'default'}
        statusText={shown('date')}
      />
      <CheckboxGroup labelText={t('rounds.agenda')} groupHintText={shown('ideas')}>
        {open.map((idea) => (
          <Checkbox
            key={idea.id}
            checked={chosen.includes(idea.id)}
            hintText={t('idea.supports', { count: idea.supportCount })}
            onClick={({ checkboxState }) =>
              setChosen((c) => (checkboxState ? [...c, idea.id] : c.filter((x) => x !== idea.id)))
            }
          >
            {idea.title}
          </Checkbox>
        ))}
      </CheckboxGroup>
      <Button type="submit" disabled={create.isPending}>
        {t('rounds.create')}
      </Button>
    </form>
  );
}

/** Decision rounds: the team's working list and new rounds; others see published minutes. */
export function RoundsPage() {
  const { t } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const session = useSession(slug);
  const rounds = useRounds(slug);
  const language = currentLanguage();
  const team = canModerate(session.data);
  usePageTitle(t('rounds.heading'));
  return (
    <div className="page portfolio">
      <p>
        <Link to={`/${slug}/portfolio`}>{t('idea.back')}</Link>
      </p>
      <Heading variant="h1" mb="s">
        {t('rounds.heading')}
      </Heading>
      <Paragraph mb="m">{team ? t('rounds.introTeam') : t('rounds.intro')}</Paragraph>
      {rounds.isPending && <Loading text={t('loading')} />}
      {rounds.isError && <ErrorAlert error={rounds.error} />}
      <ul className="portfolio-list">
        {rounds.data?.items.map((r) => (
          <li key={r.id} className="portfolio-card">
            <Heading variant="h3" as="h2">
              <Link
                to={`/${slug}/portfolio/rounds/${r.id}${team ? '' : '/minutes'}`}
              >{`${r.title}, ${formatDate(r.meetingDate, language)}`}</Link>
            </Heading>
            <p className="portfolio-card__meta">
              <span>{t('rounds.decided', { decided: r.decidedCount, count: r.itemCount })}</span>
              <span>
                {r.minutesPublished
                  ? t('rounds.published')
                  : r.closed
                    ? t('rounds.closed')
                    : t('rounds.open')}
              </span>
            </p>
          </li>
        ))}
      </ul>
      {rounds.data?.items.length === 0 && <Paragraph>{t('rounds.none')}</Paragraph>}
      {team && <NewRoundForm />}
    </div>
  );
}
