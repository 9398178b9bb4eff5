import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys.ts';
import { tongbanApi, type ExtensionRequestInput, type PageQuery } from './tongban-api.ts';

/** Refreshes what an extension changes: its task's case, the inbox (due dates), the requests awaiting approval and the monitor. */
function refreshAfterExtension(queryClient: QueryClient, caseId: string): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.monitor });
}

/** Extension requests awaiting the caller's approval, oldest first (`GET /tasks/extension-requests`), refreshed every 30 s. */
export function useExtensionRequests(query: PageQuery) {
  return useQuery({
    queryKey: queryKeys.extensionRequests(query),
    queryFn: () => tongbanApi.listExtensionRequests(query),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

/** The task's clerk asks for a longer statutory limit (`POST /tasks/{id}/extension`). */
export function useRequestExtension() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, input }: { taskId: string; caseId: string; input: ExtensionRequestInput }) => tongbanApi.requestExtension(taskId, input),
    onSettled: (_result, _error, { caseId }) => refreshAfterExtension(queryClient, caseId),
  });
}

/** The approver approves (`decision: 'approve'`) or refuses with a reason the extension asked for on a task. */
export function useDecideExtension() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { taskId: string; caseId: string } & ({ decision: 'approve' } | { decision: 'refuse'; reason: string })) =>
      input.decision === 'approve' ? tongbanApi.approveExtension(input.taskId) : tongbanApi.refuseExtension(input.taskId, input.reason),
    onSettled: (_result, _error, { caseId }) => refreshAfterExtension(queryClient, caseId),
  });
}
