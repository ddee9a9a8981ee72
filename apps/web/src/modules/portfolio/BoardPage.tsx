import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { ApiError } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { currentLanguage } from '../../i18n';
import { portfolioApi, type IdeaSummary, type Stage, type StageChangeBody } from './api';
import { BoardMoveDialog } from './BoardMoveDialog';
import { ClockSummary } from './ClockSummary';
import { useIdeas, useStages, usePortfolioMutation } from './queries';
import './portfolio.css';
import './BoardPage.css';

const DRAG_TYPE = 'application/x-helppo-idea';

function BoardCard({
  idea,
  stages,
  onMove,
}: {
  idea: IdeaSummary;
  stages: Stage[];
  onMove: (idea: IdeaSummary, stageKey: string) => void;
}) {
  const { t } = useTranslation('portfolioViews');
  const { slug } = useMunicipality();
  const language = currentLanguage();
  const others = stages.filter((s) => s.key !== idea.stage);
  const [target, setTarget] = useState(others[0]?.key ?? '');
  const late = idea.clock?.states.includes('overdue') || idea.clock?.states.includes('undeclared');
  return (
    <li
      className={`board-card${late ? ' portfolio-card--late' : ''}`}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, idea.id);
        event.dataTransfer.setData('text/plain', idea.title);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <h3 className="board-card__title" id={`card-${idea.id}`}>
        <Link to={`/${slug}/portfolio/ideas/${idea.id}`}>{idea.title}</Link>
      </h3>
      <p className="portfolio-card__meta">
        <ClockSummary idea={idea} />
      </p>
      {/* The drag is a shortcut: this is the way for the keyboard and screen readers. */}
      <form
        className="board-card__move"
        onSubmit={(event) => {
          event.preventDefault();
          if (target) onMove(idea, target);
        }}
      >
        <label htmlFor={`move-${idea.id}`}>{t('board.moveTo')}</label>
        <select
          id={`move-${idea.id}`}
          value={target}
          aria-describedby={`card-${idea.id}`}
          onChange={(event) => setTarget(event.target.value)}
        >
          {others.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name[language]}
            </option>
          ))}
        </select>
        <button type="submit" aria-describedby={`card-${idea.id}`}>
          {t('board.move')}
        </button>
      </form>
    </li>
  );
}

function BoardColumn({
  stage,
  ideas,
  stages,
  onMove,
}: {
  stage: Stage;
  ideas: IdeaSummary[];
  stages: Stage[];
  onMove: (idea: IdeaSummary, stageKey: string) => void;
}) {
  const { t } = useTranslation('portfolioViews');
  const language = currentLanguage();
  return (
    <section className="board-column" aria-labelledby={`column-${stage.key}`}>
      <h2 className="board-column__title" id={`column-${stage.key}`}>
        {stage.name[language]}{' '}
        <span className="board-column__count">({t('board.count', { count: ideas.length })})</span>
      </h2>
      {ideas.length === 0 ? (
        <p className="board-column__empty">{t('board.empty')}</p>
      ) : (
        <ul className="board-column__cards">
          {ideas.map((idea) => (
            <BoardCard key={idea.id} idea={idea} stages={stages} onMove={onMove} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The digital team's board: a column per stage of the municipality's pipeline. A move goes
 * through changeIdeaStage, so the stage rules hold; a stage that needs fields asks for them
 * first; a refused move leaves the card where it was. Moves are announced in a live region.
 */
export function BoardPage() {
  const { t } = useTranslation('portfolioViews');
  const { t: tp } = useTranslation('portfolio');
  const { slug } = useMunicipality();
  const language = currentLanguage();
  const stages = useStages(slug);
  const ideas = useIdeas(slug, { sort: 'new' });
  const [dialog, setDialog] = useState<{ idea: IdeaSummary; target: Stage } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  // A moved card re-renders in its new column: the keyboard follows it there.
  const [focusCard, setFocusCard] = useState<{ id: string; stage: string } | null>(null);
  const change = usePortfolioMutation(slug, (args: { id: string; body: StageChangeBody }) =>
    portfolioApi.changeIdeaStage(slug, args.id, args.body),
  );
  usePageTitle(t('board.title'));
  const stageList = stages.data?.items ?? [];
  const items = ideas.data?.items ?? [];
  const byId = new Map(items.map((i) => [i.id, i]));

  const move = (idea: IdeaSummary, target: Stage, body: StageChangeBody) => {
    const params = { title: idea.title, stage: target.name[language] };
    change.mutate(
      { id: idea.id, body },
      {
        onSuccess: () => {
          setDialog(null);
          setAnnouncement(t('board.moved', params));
          setFocusCard({ id: idea.id, stage: target.key });
        },
        onError: (error) => {
          const message =
            error instanceof ApiError ? (error.problem.detail ?? error.problem.title ?? '') : '';
          setAnnouncement(t('board.refused', { ...params, error: message }));
        },
      },
    );
  };
  useEffect(() => {
    if (!focusCard) return;
    const link = document.querySelector<HTMLElement>(
      `[aria-labelledby="column-${focusCard.stage}"] [id="card-${focusCard.id}"] a`,
    );
    if (link) {
      link.focus();
      setFocusCard(null);
    }
  }, [focusCard, ideas.data]);
  const requestMove = (idea: IdeaSummary, stageKey: string) => {
    const target = stageList.find((s) => s.key === stageKey);
    if (!target || stageKey === idea.stage) return;
    change.reset();
    if (target.requiredFields.length > 0) setDialog({ idea, target });
    else move(idea, target, { stage: target.key, reason: '' });
  };
  const dropProps = (stage: Stage) => ({
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setDropTarget(stage.key);
    },
    onDragLeave: () => setDropTarget((was) => (was === stage.key ? null : was)),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDropTarget(null);
      const idea = byId.get(event.dataTransfer.getData(DRAG_TYPE));
      if (idea) requestMove(idea, stage.key);
    },
  });

  return (
    <div className="page portfolio board-page">
      <Heading variant="h1" mb="s">
        {t('board.title')}
      </Heading>
      <Paragraph mb="s">{t('board.intro')}</Paragraph>
      <p className="portfolio-actions">
        <Link to={`/${slug}/portfolio`}>{t('nav.list')}</Link>
        <Link to={`/${slug}/portfolio/numbers`}>{t('nav.numbers')}</Link>
      </p>
      <div className="board-announcement" role="status" aria-live="polite">
        {announcement}
      </div>
      {!dialog && change.isError && <ErrorAlert error={change.error} />}
      {(stages.isPending || ideas.isPending) && <Loading text={tp('loading')} />}
      {ideas.isError && <ErrorAlert error={ideas.error} />}
      {stages.data && ideas.data && (
        <div className="board">
          {stageList.map((stage) => (
            <div
              key={stage.key}
              className={`board-drop${dropTarget === stage.key ? ' board-drop--over' : ''}`}
              {...dropProps(stage)}
            >
              <BoardColumn
                stage={stage}
                stages={stageList}
                ideas={items.filter((i) => i.stage === stage.key)}
                onMove={requestMove}
              />
            </div>
          ))}
        </div>
      )}
      {dialog && (
        <BoardMoveDialog
          key={`${dialog.idea.id}-${dialog.target.key}`}
          idea={dialog.idea}
          target={dialog.target}
          pending={change.isPending}
          error={change.isError ? change.error : null}
          onMove={(body) => move(dialog.idea, dialog.target, body)}
          onClose={() => {
            setDialog(null);
            change.reset();
          }}
        />
      )}
    </div>
  );
}
