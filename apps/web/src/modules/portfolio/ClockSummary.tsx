import { useTranslation } from 'react-i18next';
import type { IdeaSummary } from './api';

/** A list item's owner and where its experiment clock stands, in words (late in red). */
export function ClockSummary({ idea }: { idea: IdeaSummary }) {
  const { t } = useTranslation('portfolioViews');
  const c = idea.clock;
  const late = c?.states.includes('overdue') || c?.states.includes('undeclared');
  return (
    <>
      <span>{idea.owner ? t('card.owner', { name: idea.owner.name }) : t('card.noOwner')}</span>
      {c && (
        <span className={late ? 'portfolio-late' : undefined}>
          {c.states.map((s) => t(`state.${s}`)).join(', ')}
          {!c.states.includes('finished') &&
            ` (${c.daysLeft < 0 ? t('card.late', { count: -c.daysLeft }) : t('card.left', { count: c.daysLeft })})`}
        </span>
      )}
    </>
  );
}
