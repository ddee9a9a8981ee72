import { useTranslation } from 'react-i18next';
import type { Outcome } from './api';

/**
 * The label of a declaration or celebration post (and, with the outcome "stopped", of the
 * lessons post): in words, so it is not told by colour alone. A plain post has none.
 */
export function PostKind({ kind, outcome }: { kind: string; outcome?: Outcome | null }) {
  const { t } = useTranslation('experimentOutcome');
  if (kind === 'declaration' || kind === 'celebration') {
    return (
      <p className={`portfolio-kind portfolio-kind--${kind}`}>
        {t(`kind.${kind}`)}
        {kind === 'celebration' && outcome ? `: ${t(`outcome.${outcome}`)}` : ''}
      </p>
    );
  }
  if (outcome === 'stopped') {
    return (
      <p className="portfolio-kind portfolio-kind--lessons">
        {t('kind.lessons')}: {t('outcome.stopped')}
      </p>
    );
  }
  return null;
}
