import type { Language } from '../../i18n';

/** 3,25 in Finnish and Swedish, 3.25 in English; a dash before any score. */
export function formatScore(score: number | null, language: Language): string {
  if (score === null) return '–';
  const text = score.toFixed(2);
  return language === 'en' ? text : text.replace('.', ',');
}
