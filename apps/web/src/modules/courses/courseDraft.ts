import type { Course, CourseBody } from '../../api/client';
import { languages, type Language } from '../../i18n';
import { addDays, localParts, zonedInstant } from '../bookings/time';

/**
 * The staff's course form as typed: every number is text until it is checked, times are the
 * Helsinki wall-clock values of the native inputs (YYYY-MM-DDTHH:MM, YYYY-MM-DD, HH:MM).
 */
export interface SessionDraft {
  key: number;
  date: string;
  start: string;
  end: string;
}

export interface CourseDraft {
  name: Record<Language, string>;
  description: Record<Language, string>;
  location: string;
  ageMin: string;
  ageMax: string;
  seats: string;
  /** '' for a free course. */
  priceProductId: string;
  opensAt: string;
  closesAt: string;
  mode: CourseBody['registrationMode'];
  admitPerMinute: string;
  admissionMinutes: string;
  holdMinutes: string;
  waitlist: boolean;
  offerHours: string;
  cancelFreeHours: string;
  sessions: SessionDraft[];
}

let nextKey = 1;
export const sessionKey = () => nextKey++;

/** An instant as the value of a datetime-local input, in Helsinki time. */
export function toLocalInput(iso: string): string {
  const parts = localParts(new Date(iso));
  return `${parts.date}T${parts.time}`;
}

/** A datetime-local value (Helsinki time) as an ISO instant, or null. */
export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (!match) return null;
  const instant = zonedInstant(match[1]!, match[2]!);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** Defaults of a new course: the API's defaults for the rules, registration a week from now. */
export function emptyDraft(): CourseDraft {
  const today = localParts(Date.now()).date;
  return {
    name: { fi: '', sv: '', en: '' },
    description: { fi: '', sv: '', en: '' },
    location: '',
    ageMin: '',
    ageMax: '',
    seats: '',
    priceProductId: '',
    opensAt: `${addDays(today, 7)}T18:00`,
    closesAt: `${addDays(today, 21)}T18:00`,
    mode: 'first_come',
    admitPerMinute: '50',
    admissionMinutes: '15',
    holdMinutes: '15',
    waitlist: true,
    offerHours: '48',
    cancelFreeHours: '168',
    sessions: [],
  };
}

export function draftOf(course: Course): CourseDraft {
  return {
    name: { ...course.name },
    description: { ...course.description },
    location: course.location,
    ageMin: String(course.ageMin),
    ageMax: String(course.ageMax),
    seats: String(course.seats),
    priceProductId: course.priceProductId ?? '',
    opensAt: toLocalInput(course.registrationOpensAt),
    closesAt: toLocalInput(course.registrationClosesAt),
    mode: course.registrationMode,
    admitPerMinute: String(course.admitPerMinute),
    admissionMinutes: String(course.admissionMinutes),
    holdMinutes: String(course.holdMinutes),
    waitlist: course.waitlist,
    offerHours: String(course.offerHours),
    cancelFreeHours: String(course.cancelFreeHours),
    sessions: course.sessions.map((s) => {
      const start = localParts(new Date(s.start));
      return {
        key: sessionKey(),
        date: start.date,
        start: start.time,
        end: localParts(new Date(s.end)).time,
      };
    }),
  };
}

/** The next session of a weekly course: a week after the last one, at the same times. */
export function nextSession(sessions: SessionDraft[]): SessionDraft {
  const last = sessions[sessions.length - 1];
  if (!last || !/^\d{4}-\d{2}-\d{2}$/.test(last.date)) {
    return { key: sessionKey(), date: '', start: last?.start ?? '', end: last?.end ?? '' };
  }
  return { key: sessionKey(), date: addDays(last.date, 7), start: last.start, end: last.end };
}

/** The limits of the API's course body (apps/api courses.routes.ts CourseBody). */
const numberRules = {
  ageMin: [0, 120],
  ageMax: [0, 120],
  seats: [1, 100000],
  admitPerMinute: [1, 100000],
  admissionMinutes: [1, 1440],
  holdMinutes: [1, 10080],
  offerHours: [1, 720],
  cancelFreeHours: [0, 8760],
} as const;
export type NumberField = keyof typeof numberRules;
export const numberLimits = (field: NumberField) => numberRules[field];

export type DraftError =
  | { field: string; problem: 'required' | 'number' | 'order' | 'time' | 'duplicate' }
  | { field: NumberField; problem: 'range'; min: number; max: number };

const whole = (text: string) => (/^\s*\d{1,6}\s*$/.test(text) ? Number(text) : null);

/**
 * Checks the draft and turns it into the API's body. Errors name the field ("name.fi",
 * "ageMax", "sessions.2.end") so that each is shown at its input.
 */
export function checkDraft(draft: CourseDraft): { body: CourseBody | null; errors: DraftError[] } {
  const errors: DraftError[] = [];
  for (const lang of languages) {
    if (!draft.name[lang].trim()) errors.push({ field: `name.${lang}`, problem: 'required' });
  }
  const numbers = {} as Record<NumberField, number>;
  // Fields the form hides (the queue's pace for a first-come course, the offer time without a
  // waitlist) are kept when valid and otherwise sent with their defaults: they do not apply.
  const hidden: Partial<Record<NumberField, number>> = {
    ...(draft.mode === 'first_come' ? { admitPerMinute: 50, admissionMinutes: 15 } : {}),
    ...(!draft.waitlist ? { offerHours: 48 } : {}),
  };
  for (const field of Object.keys(numberRules) as NumberField[]) {
    const [min, max] = numberRules[field];
    const text = draft[field];
    const value = whole(text);
    const fallback = hidden[field];
    if (fallback !== undefined && (value === null || value < min || value > max)) {
      numbers[field] = fallback;
    } else if (!text.trim()) errors.push({ field, problem: 'required' });
    else if (value === null || value < min || value > max)
      errors.push({ field, problem: 'range', min, max });
    else numbers[field] = value;
  }
  if (
    numbers.ageMin !== undefined &&
    numbers.ageMax !== undefined &&
    numbers.ageMin > numbers.ageMax
  )
    errors.push({ field: 'ageMax', problem: 'order' });
  const opens = fromLocalInput(draft.opensAt);
  const closes = fromLocalInput(draft.closesAt);
  if (!opens) errors.push({ field: 'opensAt', problem: draft.opensAt ? 'time' : 'required' });
  if (!closes) errors.push({ field: 'closesAt', problem: draft.closesAt ? 'time' : 'required' });
  if (opens && closes && opens >= closes) errors.push({ field: 'closesAt', problem: 'order' });
  const sessions: CourseBody['sessions'] = [];
  const starts = new Set<string>();
  draft.sessions.forEach((s, index) => {
    const field = `sessions.${index}`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s.date)) {
      errors.push({ field: `${field}.date`, problem: s.date ? 'time' : 'required' });
    }
    if (!/^\d{2}:\d{2}$/.test(s.start))
      errors.push({ field: `${field}.start`, problem: 'required' });
    if (!/^\d{2}:\d{2}$/.test(s.end)) errors.push({ field: `${field}.end`, problem: 'required' });
    else if (s.start && s.end <= s.start) errors.push({ field: `${field}.end`, problem: 'order' });
    const start = fromLocalInput(`${s.date}T${s.start}`);
    const end = fromLocalInput(`${s.date}T${s.end}`);
    if (start && end && start < end) {
      if (starts.has(start)) errors.push({ field: `${field}.start`, problem: 'duplicate' });
      starts.add(start);
      sessions.push({ start, end });
    }
  });
  if (errors.length > 0 || !opens || !closes) return { body: null, errors };
  sessions.sort((a, b) => a.start.localeCompare(b.start));
  const trimmed = (text: Record<Language, string>) => ({
    fi: text.fi.trim(),
    sv: text.sv.trim(),
    en: text.en.trim(),
  });
  return {
    errors,
    body: {
      name: trimmed(draft.name),
      description: trimmed(draft.description),
      location: draft.location.trim(),
      ageMin: numbers.ageMin,
      ageMax: numbers.ageMax,
      seats: numbers.seats,
      priceProductId: draft.priceProductId || null,
      registrationOpensAt: opens,
      registrationClosesAt: closes,
      registrationMode: draft.mode,
      admitPerMinute: numbers.admitPerMinute,
      admissionMinutes: numbers.admissionMinutes,
      holdMinutes: numbers.holdMinutes,
      waitlist: draft.waitlist,
      offerHours: numbers.offerHours,
      cancelFreeHours: numbers.cancelFreeHours,
      sessions,
    },
  };
}
