import type { OrderLine } from '../../api/client';

/**
 * A cart or an order as it is shown: lines, and seasons — the weeks of a weekly series, each
 * its own order line on the server (a cancelled week is refunded or credited on its own) but
 * one thing to the buyer.
 */
export type ShownItem =
  { kind: 'line'; line: OrderLine } | { kind: 'season'; seriesId: string; lines: OrderLine[] };

export function groupSeasons(lines: OrderLine[]): ShownItem[] {
  const items: ShownItem[] = [];
  const seasons = new Map<string, OrderLine[]>();
  for (const line of lines) {
    const seriesId = line.seriesId ?? null;
    if (!seriesId) {
      items.push({ kind: 'line', line });
      continue;
    }
    const weeks = seasons.get(seriesId);
    if (weeks) {
      weeks.push(line);
    } else {
      const created = [line];
      seasons.set(seriesId, created);
      items.push({ kind: 'season', seriesId, lines: created });
    }
  }
  // A series with one week left is shown as the booking it is.
  return items.map((item) =>
    item.kind === 'season' && item.lines.length === 1
      ? { kind: 'line', line: item.lines[0]! }
      : item,
  );
}

export const sumCents = (lines: OrderLine[], key: 'totalCents' | 'vatCents' = 'totalCents') =>
  lines.reduce((sum, line) => sum + line[key], 0);
