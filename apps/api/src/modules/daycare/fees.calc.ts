/**
 * The daycare fee by laki varhaiskasvatuksen asiakasmaksuista (1503/2016, §§ 3–5), for
 * full-time care:
 *
 * - the youngest child's fee is income_bp (10,7 %) of the family's gross monthly income above
 *   the income limit of the family's size, at most the maximum fee;
 * - the second youngest child in daycare pays second_child_bp (40 %) of the youngest child's
 *   full fee, at most second_child_max_cents where the set publishes one (124 € in 2024, 134 €
 *   in 2026); each further child further_child_bp (20 %) of it;
 * - a fee below the minimum is not charged (0 €), child by child, while the siblings' shares
 *   are still taken of the youngest child's computed fee;
 * - a family larger than six: the limit of six plus increment_cents per further person.
 *
 * Rounding: the law gives none, so every product is rounded down to whole cents (the family
 * never pays a fraction of a cent more than the percentage). Money in integer cents,
 * percentages in basis points.
 */
export interface FeeParameters {
  validFrom: string;
  maxFeeCents: number;
  minFeeCents: number;
  incomeBp: number;
  secondChildBp: number;
  furtherChildBp: number;
  secondChildMaxCents: number | null;
  /** Families of 2, 3, 4, 5 and 6; null until published. */
  incomeLimitsCents: number[] | null;
  incrementCents: number | null;
}

/** `bp` basis points of `cents`, rounded down to a whole cent. */
export const share = (cents: number, bp: number) => Math.floor((cents * bp) / 10000);

/** The income limit of a family of `size` people (null while the limits are not published). */
export function incomeLimit(p: FeeParameters, size: number): number | null {
  if (!p.incomeLimitsCents || p.incrementCents === null) return null;
  const limits = p.incomeLimitsCents;
  if (size <= 2) return limits[0]!;
  if (size <= 6) return limits[size - 2]!;
  return limits[4]! + (size - 6) * p.incrementCents;
}

export interface FullFee {
  limitCents: number;
  excessCents: number;
  /** The percentage of the excess before the cap. */
  percentFeeCents: number;
  /** The youngest child's full-time fee: the percentage fee capped at the maximum. */
  fullFeeCents: number;
}

/** The youngest child's full fee on a family income; null while the limits are missing. */
export function fullFee(p: FeeParameters, incomeCents: number, size: number): FullFee | null {
  const limitCents = incomeLimit(p, size);
  if (limitCents === null) return null;
  const excessCents = Math.max(0, incomeCents - limitCents);
  const percentFeeCents = share(excessCents, p.incomeBp);
  return {
    limitCents,
    excessCents,
    percentFeeCents,
    fullFeeCents: Math.min(percentFeeCents, p.maxFeeCents),
  };
}

export type SiblingRule = 'youngest' | 'second' | 'further';

export interface ChildFee {
  rule: SiblingRule;
  /** Before the minimum rule. */
  computedCents: number;
  /** What is charged: 0 when the computed fee is below the minimum. */
  feeCents: number;
}

/** The fees of `count` children in daycare, youngest first, from the youngest's full fee. */
export function childFees(p: FeeParameters, fullFeeCents: number, count: number): ChildFee[] {
  return Array.from({ length: count }, (_, i) => {
    const rule: SiblingRule = i === 0 ? 'youngest' : i === 1 ? 'second' : 'further';
    let computedCents = fullFeeCents;
    if (rule === 'second') {
      computedCents = share(fullFeeCents, p.secondChildBp);
      if (p.secondChildMaxCents !== null) {
        computedCents = Math.min(computedCents, p.secondChildMaxCents);
      }
    } else if (rule === 'further') {
      computedCents = share(fullFeeCents, p.furtherChildBp);
    }
    return { rule, computedCents, feeCents: computedCents < p.minFeeCents ? 0 : computedCents };
  });
}
