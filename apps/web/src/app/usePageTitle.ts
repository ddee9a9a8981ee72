import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { useOptionalMunicipality } from './MunicipalityContext';

/** Sets the document title: "<page> – <municipality> – Helppo". */
export function usePageTitle(title: string) {
  const municipality = useOptionalMunicipality();
  const { i18n } = useTranslation();
  const municipalityName = municipality?.name[currentLanguage()];
  useEffect(() => {
    document.title = [title, municipalityName, 'Helppo'].filter(Boolean).join(' – ');
  }, [title, municipalityName, i18n.language]);
}
