/**
 * What a notice is about. A person switches email and push on or off per topic; the in-app
 * notice is always kept. Urgent daycare messages have their own topic so that a guardian can
 * keep them on while switching the ordinary ones off.
 */
export const TOPICS = [
  'messages',
  'urgentMessages',
  'absences',
  'discussions',
  'freePlaces',
  'bookings',
  'general',
] as const;
export type Topic = (typeof TOPICS)[number];

export const CHANNELS = ['email', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Every channel is on until the person switches it off. */
export const DEFAULT_ENABLED = true;
