import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMunicipality } from '../../app/MunicipalityContext';
import { experimentDetailsApi } from './experimentDetailsApi';

/** The digital team's figure: distinct experimenters this year against the target (seed 002). */
export function ExperimenterCount() {
  const { t } = useTranslation('experimentDetails');
  const { slug } = useMunicipality();
  const count = useQuery({
    queryKey: ['portfolio', slug, 'experimenterCount'],
    queryFn: () => experimentDetailsApi.count(slug),
  });
  if (!count.data) return null;
  return <p>{t('count', count.data)}</p>;
}
