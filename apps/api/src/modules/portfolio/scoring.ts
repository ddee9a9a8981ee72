/**
 * The combined score of an idea in a round: the weighted mean of the members' average score
 * on each criterion, Σ w·avg / Σ w, over the criteria someone has scored (a criterion nobody
 * has scored yet does not pull the figure down). 1.00–5.00, two decimals; null before any
 * score.
 */
export function combinedScore(
  criteria: { id: string; weight: number }[],
  averages: Map<string, number>,
): number | null {
  let weighted = 0;
  let weights = 0;
  for (const c of criteria) {
    const average = averages.get(c.id);
    if (average === undefined) continue;
    weighted += c.weight * average;
    weights += c.weight;
  }
  if (weights === 0) return null;
  return Math.round((weighted / weights) * 100) / 100;
}

/** Two decimals as the language writes them: 3,25 in Finnish and Swedish, 3.25 in English. */
export function formatScore(language: string, score: number | null): string {
  if (score === null) return '–';
  const text = score.toFixed(2);
  return language === 'en' ? text : text.replace('.', ',');
}
