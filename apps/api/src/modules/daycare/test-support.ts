import { expect } from 'vitest';
import { localInstant, type Client } from '../../../test/helpers.js';
import type { Database } from '../../platform/db/database.js';
import { localDate } from '../../platform/i18n/time.js';
import { addDays, clock, isoWeekday } from './days.js';

/** Helpers of the daycare tests. */

export interface MyDaycare {
  today: string;
  absenceCutoff: string;
  firstOpenDay: string;
  children: {
    id: string;
    firstName: string;
    placements: { unit: { id: string; name: string }; group: { id: string; name: string } }[];
  }[];
}

export interface Absence {
  id: string;
  childId: string;
  date: string;
  category: string;
  note: string;
  reportId: string;
  canCancel: boolean;
}

/** The first Monday–Friday day after `day` (after today without one). */
export function nextWeekday(day = localDate(new Date()), weekday?: number): string {
  let next = addDays(day, 1);
  while (isoWeekday(next) > 5 || (weekday !== undefined && isoWeekday(next) !== weekday)) {
    next = addDays(next, 1);
  }
  return next;
}

/** The guardian's daycare view, and the ids of their children by first name. */
export async function myDaycare(client: Client) {
  const response = await client.get('daycare/children');
  expect(response.statusCode, response.body).toBe(200);
  const data = response.json() as MyDaycare;
  const child = (name: string) => data.children.find((c) => c.firstName === name)!;
  return { data, child };
}

/** Make the daycare's clock show `time` (Helsinki) on `day`. */
export async function clockAt(db: Database, day: string, time: string) {
  const instant = new Date(await localInstant(db, 0, time, day));
  clock.now = () => instant;
}

export const realClock = () => {
  clock.now = () => new Date();
};

/** The titles of a person's notifications, newest first. */
export async function notificationTitles(client: Client): Promise<string[]> {
  const response = await client.get('notifications');
  return (response.json().items as { title: string }[]).map((n) => n.title);
}

export async function report(client: Client, body: Record<string, unknown>) {
  return client.post('daycare/absences', { category: 'sick', note: '', ...body });
}
