import type { Availability, ResourceDetails } from '../../api/client';
import { localParts } from './time';

const MINUTE = 60_000;
const DAY_MS = 24 * 60 * MINUTE;

/** free: can be booked; mine: your own booking; busy: taken; past: already begun; closed:
 * open but not bookable (too short a gap for the shortest booking, or beyond the booking window). */
export type SlotState = 'free' | 'mine' | 'busy' | 'past' | 'closed';

export interface Slot {
  start: number;
  /** Local date and time (Helsinki) of the start. */
  date: string;
  time: string;
  state: SlotState;
  /** Allowed lengths in minutes, when free. */
  lengths: number[];
  /** End of the opening interval the slot is in. */
  closes: number;
}

type Busy = Availability['busy'][number];
type Span = { start: number; end: number };

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
/** The time a reservation takes: the booking and the buffer kept free after it. */
const spanOf = (b: Busy): Span & { mine: boolean; bookingEnd: number } => ({
  start: Date.parse(b.start),
  end: Date.parse(b.bufferEnd),
  bookingEnd: Date.parse(b.end),
  mine: b.mine,
});

/**
 * The lengths that can be booked from `start`: from the minimum to the maximum in steps, only
 * while the booking stays inside the opening interval and, with the facility's buffer after it,
 * clear of every taken interval (which includes the buffer after existing bookings).
 */
export function allowedLengths(
  start: number,
  closes: number,
  busy: Span[],
  slot: ResourceDetails['slot'],
): number[] {
  const lengths: number[] = [];
  for (let len = slot.minMinutes; len <= slot.maxMinutes; len += slot.stepMinutes) {
    const end = start + len * MINUTE;
    if (end > closes) break;
    const taken = { start, end: end + slot.bufferMinutes * MINUTE };
    if (busy.some((b) => overlaps(taken, b))) break;
    lengths.push(len);
    if (slot.stepMinutes <= 0) break;
  }
  return lengths;
}

/** Slots of `stepMinutes` inside the open intervals, each with its state. */
export function buildSlots(
  availability: Availability,
  resource: Pick<ResourceDetails, 'slot'>,
  now: number,
): Slot[] {
  const { slot } = resource;
  const step = Math.max(slot.stepMinutes, 5) * MINUTE;
  const busy = availability.busy.map(spanOf);
  const lastStart = now + slot.bookAheadDays * DAY_MS;
  const slots: Slot[] = [];
  for (const interval of availability.open) {
    const opens = Date.parse(interval.start);
    const closes = Date.parse(interval.end);
    // Slots start on multiples of the step in local time (the API checks the same).
    const offset = localParts(opens).minutes % (step / MINUTE);
    for (let t = opens + (offset ? step - offset * MINUTE : 0); t + step <= closes; t += step) {
      const own = { start: t, end: t + step };
      const hit = busy.filter((b) => overlaps(own, b));
      const local = localParts(t);
      let state: SlotState;
      let lengths: number[] = [];
      // Only the booking itself is "mine"; the buffer after it is taken time like any other.
      if (hit.some((b) => b.mine && t < b.bookingEnd)) state = 'mine';
      else if (t < now) state = 'past';
      else if (hit.length) state = 'busy';
      else {
        lengths = t <= lastStart ? allowedLengths(t, closes, busy, slot) : [];
        state = lengths.length ? 'free' : 'closed';
      }
      slots.push({ start: t, date: local.date, time: local.time, state, lengths, closes });
    }
  }
  return slots;
}
