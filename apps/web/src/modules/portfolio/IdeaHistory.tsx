import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';
import { currentLanguage } from '../../i18n';
import { formatDateTimeLong } from '../courses/format';
import type { Idea } from './api';
import { useStageName } from './StageName';

/** Every step of the idea: submitted, moved, decided, hidden, merged. */
export function IdeaHistory({ idea }: { idea: Idea }) {
  const { t } = useTranslation('portfolio');
  const name = useStageName();
  const language = currentLanguage();
  return (
    <section aria-labelledby="history-heading" className="form-section">
      <Heading variant="h2" id="history-heading" mb="s">
        {t('history.heading')}
      </Heading>
      <ol className="portfolio-history">
        {idea.history.map((e) => (
          <li key={e.id}>
            <span className="portfolio-comment__meta">{formatDateTimeLong(e.at, language)}</span>{' '}
            {t(`history.${e.kind}`, {
              from: e.fromStage ? name(e.fromStage) : '',
              to: e.toStage ? name(e.toStage) : '',
              decision: e.decision ? t(`decision.${e.decision}`) : '',
            })}
            {e.reason && ` – ${e.reason}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
