import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';

// Discussion times, daycare events and the family calendar: the API calls (by operationId)
// and their queries. Kept beside the pages rather than in the shared client.

type Ok<Op extends keyof operations> = operations[Op]['responses'] extends {
  200: { content: { 'application/json': infer T } };
}
  ? T
  : never;
type Body<Op extends keyof operations> =
  NonNullable<operations[Op]['requestBody']> extends { content: { 'application/json': infer B } }
    ? B
    : never;

export type MyDiscussions = Ok<'listMyDiscussions'>;
export type MyDiscussion = MyDiscussions['items'][number];
export type FamilyCalendar = Ok<'getFamilyCalendar'>;
export type CalendarItem = FamilyCalendar['items'][number];
export type StaffSurvey = Ok<'getStaffDiscussion'>;
export type StaffSurveySummary = Ok<'listStaffDiscussions'>['items'][number];
export type NewSurveyBody = Body<'createDiscussionSurvey'>;
export type SlotSeries = NonNullable<Body<'addDiscussionSlots'>['series']>;
export type SlotBody = Body<'updateDiscussionSlot'>;
export type StaffEvent = Ok<'listStaffDaycareEvents'>['items'][number];
export type EventBody = Body<'createDaycareEvent'>;

const p = (slug: string) => ({ params: { path: { slug } } });

export const discussionApi = {
  listMine: (slug: string) => unwrap(client.GET('/api/{slug}/daycare/discussions', p(slug))),
  book: (slug: string, slotId: string, childId: string) =>
    unwrap(
      client.POST('/api/{slug}/daycare/discussion-slots/{slotId}/bookings', {
        params: { path: { slug, slotId } },
        body: { childId },
      }),
    ),
  cancelBooking: (slug: string, bookingId: string) =>
    unwrap(
      client.DELETE('/api/{slug}/daycare/discussion-bookings/{bookingId}', {
        params: { path: { slug, bookingId } },
      }),
    ),
  calendar: (slug: string) => unwrap(client.GET('/api/{slug}/daycare/calendar', p(slug))),
  listStaff: (slug: string) => unwrap(client.GET('/api/{slug}/daycare/staff/discussions', p(slug))),
  create: (slug: string, body: NewSurveyBody) =>
    unwrap(client.POST('/api/{slug}/daycare/staff/discussions', { ...p(slug), body })),
  get: (slug: string, surveyId: string) =>
    unwrap(
      client.GET('/api/{slug}/daycare/staff/discussions/{surveyId}', {
        params: { path: { slug, surveyId } },
      }),
    ),
  addSeries: (slug: string, surveyId: string, series: SlotSeries) =>
    unwrap(
      client.POST('/api/{slug}/daycare/staff/discussions/{surveyId}/slots', {
        params: { path: { slug, surveyId } },
        body: { series },
      }),
    ),
  updateSlot: (slug: string, slotId: string, body: SlotBody) =>
    unwrap(
      client.PUT('/api/{slug}/daycare/staff/discussion-slots/{slotId}', {
        params: { path: { slug, slotId } },
        body,
      }),
    ),
  cancelSlot: (slug: string, slotId: string) =>
    unwrap(
      client.DELETE('/api/{slug}/daycare/staff/discussion-slots/{slotId}', {
        params: { path: { slug, slotId } },
      }),
    ),
  remind: (slug: string, surveyId: string) =>
    unwrap(
      client.POST('/api/{slug}/daycare/staff/discussions/{surveyId}/remind', {
        params: { path: { slug, surveyId } },
      }),
    ),
  listEvents: (slug: string) => unwrap(client.GET('/api/{slug}/daycare/staff/events', p(slug))),
  createEvent: (slug: string, body: EventBody) =>
    unwrap(client.POST('/api/{slug}/daycare/staff/events', { ...p(slug), body })),
  cancelEvent: (slug: string, eventId: string) =>
    unwrap(
      client.DELETE('/api/{slug}/daycare/staff/events/{eventId}', {
        params: { path: { slug, eventId } },
      }),
    ),
};

const keys = {
  all: (slug: string) => ['daycare', slug] as const,
  mine: (slug: string) => ['daycare', slug, 'discussions'] as const,
  calendar: (slug: string) => ['daycare', slug, 'calendar'] as const,
  staff: (slug: string) => ['daycare', slug, 'staff-discussions'] as const,
  survey: (slug: string, id: string) => ['daycare', slug, 'staff-discussions', id] as const,
  events: (slug: string) => ['daycare', slug, 'staff-events'] as const,
};

/** After a change the lists and the calendar may all differ: refresh every daycare view. */
function useChange<A extends unknown[], R>(slug: string, run: (...args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: A) => run(...args),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all(slug) }),
  });
}

export const useMyDiscussions = (slug: string) =>
  useQuery({ queryKey: keys.mine(slug), queryFn: () => discussionApi.listMine(slug) });
export const useFamilyCalendar = (slug: string) =>
  useQuery({ queryKey: keys.calendar(slug), queryFn: () => discussionApi.calendar(slug) });
export const useStaffSurveys = (slug: string) =>
  useQuery({ queryKey: keys.staff(slug), queryFn: () => discussionApi.listStaff(slug) });
export const useStaffSurvey = (slug: string, id: string) =>
  useQuery({ queryKey: keys.survey(slug, id), queryFn: () => discussionApi.get(slug, id) });
export const useStaffEvents = (slug: string) =>
  useQuery({ queryKey: keys.events(slug), queryFn: () => discussionApi.listEvents(slug) });

export const useBook = (slug: string) =>
  useChange(slug, (slotId: string, childId: string) => discussionApi.book(slug, slotId, childId));
export const useCancelBooking = (slug: string) =>
  useChange(slug, (bookingId: string) => discussionApi.cancelBooking(slug, bookingId));
export const useCreateSurvey = (slug: string) =>
  useChange(slug, (body: NewSurveyBody) => discussionApi.create(slug, body));
export const useAddSeries = (slug: string, surveyId: string) =>
  useChange(slug, (series: SlotSeries) => discussionApi.addSeries(slug, surveyId, series));
export const useUpdateSlot = (slug: string) =>
  useChange(slug, (slotId: string, body: SlotBody) => discussionApi.updateSlot(slug, slotId, body));
export const useCancelSlot = (slug: string) =>
  useChange(slug, (slotId: string) => discussionApi.cancelSlot(slug, slotId));
export const useRemind = (slug: string, surveyId: string) =>
  useChange(slug, () => discussionApi.remind(slug, surveyId));
export const useCreateEvent = (slug: string) =>
  useChange(slug, (body: EventBody) => discussionApi.createEvent(slug, body));
export const useCancelEvent = (slug: string) =>
  useChange(slug, (eventId: string) => discussionApi.cancelEvent(slug, eventId));
