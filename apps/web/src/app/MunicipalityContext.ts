import { createContext, useContext } from 'react';
import type { Municipality } from '../api/client';

export const MunicipalityContext = createContext<Municipality | null>(null);

/** The municipality whose pages are shown (inside /:slug/ routes only). */
export function useMunicipality(): Municipality {
  const municipality = useContext(MunicipalityContext);
  if (!municipality) throw new Error('useMunicipality used outside a municipality route');
  return municipality;
}

export const useOptionalMunicipality = () => useContext(MunicipalityContext);
