import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { portfolioApi as api, type IdeaFilter } from './api';

export const portfolioKeys = {
  all: (slug: string) => ['portfolio', slug] as const,
  ideas: (slug: string, filter: IdeaFilter) => ['portfolio', slug, 'ideas', filter] as const,
  idea: (slug: string, ideaId: string) => ['portfolio', slug, 'idea', ideaId] as const,
  stages: (slug: string) => ['portfolio', slug, 'stages'] as const,
  owners: (slug: string) => ['portfolio', slug, 'owners'] as const,
  rounds: (slug: string) => ['portfolio', slug, 'rounds'] as const,
  round: (slug: string, roundId: string) => ['portfolio', slug, 'round', roundId] as const,
  minutes: (slug: string, roundId: string) => ['portfolio', slug, 'minutes', roundId] as const,
  experiment: (slug: string, ideaId: string) => ['portfolio', slug, 'experiment', ideaId] as const,
  overdue: (slug: string) => ['portfolio', slug, 'overdue'] as const,
};

export const useIdeas = (slug: string, filter: IdeaFilter) =>
  useQuery({
    queryKey: portfolioKeys.ideas(slug, filter),
    queryFn: () => api.listIdeas(slug, filter),
  });

export const useIdea = (slug: string, ideaId: string) =>
  useQuery({
    queryKey: portfolioKeys.idea(slug, ideaId),
    queryFn: () => api.getIdea(slug, ideaId),
  });

export const useStages = (slug: string) =>
  useQuery({ queryKey: portfolioKeys.stages(slug), queryFn: () => api.listStages(slug) });

export const useOwners = (slug: string, enabled: boolean) =>
  useQuery({ queryKey: portfolioKeys.owners(slug), queryFn: () => api.listOwners(slug), enabled });

export const useRounds = (slug: string) =>
  useQuery({ queryKey: portfolioKeys.rounds(slug), queryFn: () => api.listRounds(slug) });

export const useRound = (slug: string, roundId: string) =>
  useQuery({
    queryKey: portfolioKeys.round(slug, roundId),
    queryFn: () => api.getRound(slug, roundId),
  });

export const useMinutes = (slug: string, roundId: string) =>
  useQuery({
    queryKey: portfolioKeys.minutes(slug, roundId),
    queryFn: () => api.getMinutes(slug, roundId),
  });

/** An idea's experiment; an idea that never became one has none (404), shown as nothing. */
export const useExperiment = (slug: string, ideaId: string, enabled: boolean) =>
  useQuery({
    queryKey: portfolioKeys.experiment(slug, ideaId),
    queryFn: () => api.getExperiment(slug, ideaId),
    enabled,
    retry: false,
  });

export const useOverdue = (slug: string) =>
  useQuery({ queryKey: portfolioKeys.overdue(slug), queryFn: () => api.listOverdue(slug) });

/**
 * A portfolio change: after it any list, idea, round or minutes may differ (counts, stages,
 * scores), so they all refresh.
 */
export function usePortfolioMutation<A, R>(slug: string, fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: portfolioKeys.all(slug) }),
  });
}
