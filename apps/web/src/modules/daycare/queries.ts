import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  type DaycareGroupBody,
  type DaycareSettings,
  type DaycareStaffBody,
  type DaycareUnitBody,
  type FeePeriodBody,
  type IncomeStatementBody,
  type NewDaycareChildBody,
  type PlacementBody,
  type ReportAbsenceBody,
  type StaffAbsenceBody,
} from '../../api/client';

export const daycareKeys = {
  all: (slug: string) => ['daycare', slug] as const,
  family: (slug: string) => ['daycare', slug, 'family'] as const,
  absences: (slug: string) => ['daycare', slug, 'absences'] as const,
  staffUnits: (slug: string) => ['daycare', slug, 'staff-units'] as const,
  groupDay: (slug: string, groupId: string, date: string) =>
    ['daycare', slug, 'day', groupId, date] as const,
  units: (slug: string) => ['daycare', slug, 'admin', 'units'] as const,
  placements: (slug: string, unitId: string) =>
    ['daycare', slug, 'admin', 'placements', unitId] as const,
  staff: (slug: string, unitId: string) => ['daycare', slug, 'admin', 'staff', unitId] as const,
  children: (slug: string, q: string) => ['daycare', slug, 'admin', 'children', q] as const,
  settings: (slug: string) => ['daycare', slug, 'admin', 'settings'] as const,
  fees: (slug: string) => ['daycare', slug, 'fees'] as const,
  statements: (slug: string, status: string) =>
    ['daycare', slug, 'admin', 'statements', status] as const,
  feePeriods: (slug: string) => ['daycare', slug, 'admin', 'fee-periods'] as const,
};

/** After any change every daycare view may differ (counts, lists, the day): refresh them all. */
function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: daycareKeys.all(slug) });
}

export const useMyDaycare = (slug: string) =>
  useQuery({ queryKey: daycareKeys.family(slug), queryFn: () => api.listMyDaycareChildren(slug) });

export const useMyAbsences = (slug: string) =>
  useQuery({ queryKey: daycareKeys.absences(slug), queryFn: () => api.listMyAbsences(slug) });

export function useReportAbsence(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: ReportAbsenceBody) => api.reportAbsence(slug, body),
    onSuccess: refresh,
  });
}

export function useCancelAbsences(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (ids: string[]) => api.cancelAbsences(slug, ids),
    onSettled: refresh,
  });
}

export const useStaffUnits = (slug: string) =>
  useQuery({ queryKey: daycareKeys.staffUnits(slug), queryFn: () => api.listMyDaycareUnits(slug) });

/** The day view is looked at again every minute, and whenever a notification arrives. */
export const useGroupDay = (slug: string, groupId: string | null, date: string) =>
  useQuery({
    queryKey: daycareKeys.groupDay(slug, groupId ?? '', date),
    queryFn: () => api.listGroupDay(slug, groupId!, date),
    enabled: Boolean(groupId),
    refetchInterval: 60_000,
  });

export const useDaycareUnits = (slug: string) =>
  useQuery({ queryKey: daycareKeys.units(slug), queryFn: () => api.listDaycareUnits(slug) });

export const useUnitPlacements = (slug: string, unitId: string) =>
  useQuery({
    queryKey: daycareKeys.placements(slug, unitId),
    queryFn: () => api.listUnitPlacements(slug, unitId),
  });

export const useUnitStaff = (slug: string, unitId: string) =>
  useQuery({
    queryKey: daycareKeys.staff(slug, unitId),
    queryFn: () => api.listUnitStaff(slug, unitId),
  });

export const useChildSearch = (slug: string, q: string) =>
  useQuery({
    queryKey: daycareKeys.children(slug, q),
    queryFn: () => api.searchDaycareChildren(slug, q),
    enabled: q.trim().length >= 2,
  });

export const useDaycareSettings = (slug: string) =>
  useQuery({ queryKey: daycareKeys.settings(slug), queryFn: () => api.getDaycareSettings(slug) });

/** One mutation hook per admin operation, each refreshing the daycare views afterwards. */
function useAdminMutation<A, R>(slug: string, fn: (args: A) => Promise<R>) {
  const refresh = useRefresh(slug);
  return useMutation({ mutationFn: fn, onSuccess: refresh });
}

export const useSaveUnit = (slug: string) =>
  useAdminMutation(slug, ({ id, body }: { id: string | null; body: DaycareUnitBody }) =>
    id ? api.updateDaycareUnit(slug, id, body) : api.createDaycareUnit(slug, body),
  );

export const useCreateGroup = (slug: string, unitId: string) =>
  useAdminMutation(slug, (body: DaycareGroupBody) => api.createDaycareGroup(slug, unitId, body));

export const useUpdateGroup = (slug: string) =>
  useAdminMutation(slug, ({ id, body }: { id: string; body: DaycareGroupBody }) =>
    api.updateDaycareGroup(slug, id, body),
  );

export const useSavePlacement = (slug: string) =>
  useAdminMutation(slug, ({ id, body }: { id: string | null; body: PlacementBody }) =>
    id ? api.updatePlacement(slug, id, body) : api.createPlacement(slug, body),
  );

export const useDeletePlacement = (slug: string) =>
  useAdminMutation(slug, (id: string) => api.deletePlacement(slug, id));

export const useCreateDaycareChild = (slug: string) =>
  useAdminMutation(slug, (body: NewDaycareChildBody) => api.createDaycareChild(slug, body));

export const useAddStaff = (slug: string, unitId: string) =>
  useAdminMutation(slug, (body: DaycareStaffBody) => api.addDaycareStaff(slug, unitId, body));

export const useRemoveStaff = (slug: string) =>
  useAdminMutation(slug, (id: string) => api.removeDaycareStaff(slug, id));

export const useSaveSettings = (slug: string) =>
  useAdminMutation(slug, (body: DaycareSettings) => api.updateDaycareSettings(slug, body));

export const useFeePreview = (slug: string) =>
  useQuery({ queryKey: daycareKeys.fees(slug), queryFn: () => api.getFeePreview(slug) });

export function useSubmitIncomeStatement(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: IncomeStatementBody) => api.submitIncomeStatement(slug, body),
    onSuccess: refresh,
  });
}

export const useIncomeStatements = (slug: string, status: 'open' | 'handled') =>
  useQuery({
    queryKey: daycareKeys.statements(slug, status),
    queryFn: () => api.listIncomeStatements(slug, status),
  });

export function useMarkHandled(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (id: string) => api.markIncomeStatementHandled(slug, id),
    onSettled: refresh,
  });
}

export const useFeePeriods = (slug: string) =>
  useQuery({ queryKey: daycareKeys.feePeriods(slug), queryFn: () => api.listFeePeriods(slug) });

export function useSaveFeePeriod(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ validFrom, body }: { validFrom: string; body: FeePeriodBody }) =>
      api.saveFeePeriod(slug, validFrom, body),
    onSuccess: refresh,
  });
}

/** Staff record or remove a child's absence from the group's day view. */
export function useRecordGroupAbsence(slug: string, groupId: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: StaffAbsenceBody) => api.recordGroupAbsence(slug, groupId, body),
    onSuccess: refresh,
  });
}

export function useCancelGroupAbsence(slug: string, groupId: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (absenceId: string) => api.cancelGroupAbsence(slug, groupId, absenceId),
    onSettled: refresh,
  });
}
