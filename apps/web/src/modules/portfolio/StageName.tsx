import { useTranslation } from 'react-i18next';
import { useMunicipality } from '../../app/MunicipalityContext';
import { currentLanguage } from '../../i18n';
import type { Stage } from './api';
import { useStages } from './queries';

/** The municipality's name for a stage, in the reader's language (the key until loaded). */
export function useStageName() {
  const { slug } = useMunicipality();
  const stages = useStages(slug);
  const language = currentLanguage();
  return (key: string) => stages.data?.items.find((s) => s.key === key)?.name[language] ?? key;
}

export function StageTag({ stage }: { stage: string }) {
  const { t } = useTranslation('portfolio');
  const name = useStageName();
  return (
    <span className={`portfolio-stage portfolio-stage--${stage}`}>
      <span className="visually-hidden">{t('stage')}: </span>
      {name(stage)}
    </span>
  );
}

export const openStages = (stages: Stage[] | undefined) => (stages ?? []).filter((s) => !s.closed);
