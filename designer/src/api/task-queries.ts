import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys.ts';
import { tongbanApi, type CompleteTaskInput, type InboxQuery } from './tongban-api.ts';

/** The caller's inbox page (`GET /tasks`), refreshed every 30 s; the previous page stays shown while the next loads. */
export function useInbox(query: InboxQuery) {
  return useQuery({
    queryKey: queryKeys.inbox(query),
    queryFn: () => tongbanApi.listInbox(query),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

/** Claims a task; refreshes the inbox and the task's case. */
export function useClaimTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: { id: string; caseId: string }) => tongbanApi.claimTask(task.id),
    onSettled: (_result, _error, task) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(task.caseId) });
    },
  });
}

/** Decides a task (`POST /tasks/{id}/complete`); refreshes the inbox, the case and the monitor. */
export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, input }: { taskId: string; caseId: string; input: CompleteTaskInput }) => tongbanApi.completeTask(taskId, input),
    onSettled: (_result, _error, { caseId }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.monitor });
    },
  });
}

/** The other open tasks returning `taskId` to `returnTo` would cancel; asked while the return dialog is open. */
export function useReturnPreview(taskId: string, returnTo: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.returnPreview(taskId, returnTo ?? ''),
    queryFn: () => tongbanApi.previewReturn(taskId, returnTo ?? ''),
    enabled: enabled && returnTo !== undefined,
  });
}
