import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys.ts';
import { tongbanApi, type CaseQuery, type CreateCaseInput, type SupplementInput } from './tongban-api.ts';

/** One case with its tasks, timeline, active nodes and SLA (`GET /cases/{id}`). */
export function useCase(caseId: string) {
  return useQuery({ queryKey: queryKeys.case(caseId), queryFn: () => tongbanApi.getCase(caseId), refetchInterval: 30_000 });
}

/** A page of cases in the caller's scope, newest first (`GET /cases`). */
export function useCases(query: CaseQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.cases(query),
    queryFn: () => tongbanApi.listCases(query),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Files an application (`POST /cases`) under an idempotency key; refreshes the inbox, the case lists and the monitor. */
export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CreateCaseInput; idempotencyKey: string }) => tongbanApi.createCase(input, idempotencyKey),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.monitor });
    },
  });
}

/** Records a supplement (补正) handed in for a case (`POST /cases/{id}/supplement`); refreshes the case, the inbox and the lists. */
export function useSupplementCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, input }: { caseId: string; input: SupplementInput }) => tongbanApi.supplementCase(caseId, input),
    onSuccess: (_, { caseId }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases() });
    },
  });
}
