import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  type Child,
  type ChildBody,
  type CourseBody,
  type CourseFilter,
  type CourseQueue,
} from '../../api/client';
import { shopKeys } from '../shop/queries';

export const courseKeys = {
  all: (slug: string) => ['courses', slug] as const,
  list: (slug: string, filter: CourseFilter) => ['courses', slug, 'list', filter] as const,
  course: (slug: string, id: string) => ['courses', slug, 'course', id] as const,
  queue: (slug: string, id: string) => ['courses', slug, 'queue', id] as const,
  mine: (slug: string) => ['courses', slug, 'mine'] as const,
  staff: (slug: string, id: string) => ['courses', slug, 'staff', id] as const,
  children: (slug: string) => ['children', slug] as const,
};

export const useCourses = (slug: string, filter: CourseFilter) =>
  useQuery({
    queryKey: courseKeys.list(slug, filter),
    queryFn: () => api.listCourses(slug, filter),
    placeholderData: keepPreviousData,
  });

/** Seats left change while the page is open (a rush): looked at again every half minute. */
export const useCourse = (slug: string, id: string, enabled = true) =>
  useQuery({
    queryKey: courseKeys.course(slug, id),
    queryFn: () => api.getCourse(slug, id),
    enabled,
    refetchInterval: 30_000,
  });

/** How often the waiting room asks for the person's place while it can still change. */
export const QUEUE_POLL_MS = 2_500;

/**
 * The person's place in a fair queue. While they wait it is asked for every few seconds (the
 * place moves, the draw happens at the opening); once admitted only now and then (the form's
 * deadline is known); never when they have not entered or their turn has passed.
 */
export const useCourseQueue = (slug: string, id: string, enabled: boolean) =>
  useQuery({
    queryKey: courseKeys.queue(slug, id),
    queryFn: () => api.getCourseQueue(slug, id),
    enabled,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data?.joined || data.state === 'passed') return false;
      return data.state === 'admitted' ? 30_000 : QUEUE_POLL_MS;
    },
    // A waiting room left open in a background tab keeps its place fresh for the return.
    refetchIntervalInBackground: true,
  });

export function useJoinQueue(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.joinCourseQueue(slug, id),
    onSuccess: (queue: CourseQueue) => queryClient.setQueryData(courseKeys.queue(slug, id), queue),
  });
}

export const useMyRegistrations = (slug: string, enabled: boolean) =>
  useQuery({
    queryKey: courseKeys.mine(slug),
    queryFn: () => api.listMyRegistrations(slug),
    enabled,
  });

export const useMyChildren = (slug: string, enabled: boolean) =>
  useQuery({
    queryKey: courseKeys.children(slug),
    queryFn: () => api.listMyChildren(slug),
    enabled,
  });

export function useAddChild(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChildBody) => api.addChild(slug, body),
    onSuccess: (child: Child) => {
      queryClient.setQueryData<{ items: Child[] }>(courseKeys.children(slug), (old) => ({
        items: [...(old?.items ?? []), child],
      }));
      return queryClient.invalidateQueries({ queryKey: courseKeys.children(slug) });
    },
  });
}

/**
 * Every registration change shows in seats left, the person's lists, staff lists and (for a
 * seat held for payment) the cart: refresh them all.
 */
function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: courseKeys.all(slug) }),
      queryClient.invalidateQueries({ queryKey: shopKeys.cart(slug) }),
    ]);
}

export function useRegister(slug: string, courseId: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (childIds: string[]) => api.registerForCourse(slug, courseId, childIds),
    onSettled: refresh,
  });
}

export function useCancelRegistration(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (id: string) => api.cancelRegistration(slug, id),
    onSuccess: refresh,
  });
}

export function useAcceptOffer(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (id: string) => api.acceptCourseOffer(slug, id),
    onSettled: refresh,
  });
}

export const useCourseRegistrations = (slug: string, id: string) =>
  useQuery({
    queryKey: courseKeys.staff(slug, id),
    queryFn: () => api.listCourseRegistrations(slug, id),
  });

/** Staff cancel a course: every registration ends, the guardians are told the reason. */
export function useCancelCourse(slug: string, courseId: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (reason: string) => api.cancelCourse(slug, courseId, reason),
    onSuccess: refresh,
  });
}

/** Staff take a course with nobody on it out of use. */
export function useArchiveCourse(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (id: string) => api.archiveCourse(slug, id),
    onSuccess: refresh,
  });
}

export function useSaveCourse(slug: string, id: string | null) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: CourseBody) =>
      id ? api.updateCourse(slug, id, body) : api.createCourse(slug, body),
    onSuccess: refresh,
  });
}
