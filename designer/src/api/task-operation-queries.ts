import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PageQuery } from './tongban-api.ts';
import { queryKeys } from './query-keys.ts';
import type { OrganisationUser } from './task-operation.types.ts';
import { taskOperationsApi, type IncidentQuery, type TaskSearchQuery } from './task-operations-api.ts';

/** Every user of the organisation (`GET /users`), kept for ten minutes. */
export function useUsers() {
  return useQuery({ queryKey: queryKeys.users, queryFn: () => taskOperationsApi.listUsers(), staleTime: 10 * 60_000 });
}

/** Users by id, to name assignees, delegatees and the authors of the chain of handlers. */
export function useUserNames(): (userId: string | null | undefined) => string {
  const { data } = useUsers();
  const byId = useMemo(() => new Map<string, OrganisationUser>((data?.items ?? []).map((user) => [user.id, user])), [data]);
  return (userId) => (userId === null || userId === undefined ? '—' : (byId.get(userId)?.displayName ?? userId));
}

/** A page of tasks (`GET /tasks`) with the search filters and the manager's scope. */
export function useTaskSearch(query: TaskSearchQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.inbox(query),
    queryFn: () => taskOperationsApi.searchTasks(query),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
    enabled,
  });
}

/** One task with its comments (`GET /tasks/{id}`). */
export function useTaskDetail(taskId: string) {
  return useQuery({ queryKey: queryKeys.task(taskId), queryFn: () => taskOperationsApi.getTask(taskId) });
}

/** The done list (已办). */
export function useDoneTasks(query: PageQuery, enabled: boolean) {
  return useQuery({ queryKey: queryKeys.done(query), queryFn: () => taskOperationsApi.listDone(query), placeholderData: keepPreviousData, enabled });
}

/** Copied to me (抄送我的). */
export function useCopies(query: PageQuery, enabled: boolean) {
  return useQuery({ queryKey: queryKeys.copies(query), queryFn: () => taskOperationsApi.listCopies(query), placeholderData: keepPreviousData, enabled });
}

/** Incidents of the caller's scope. */
export function useIncidents(query: IncidentQuery) {
  return useQuery({ queryKey: queryKeys.incidents(query), queryFn: () => taskOperationsApi.listIncidents(query), placeholderData: keepPreviousData });
}

/**
 * A mutation that, once settled, refreshes the lists and the case it touched (its input's `caseId`
 * and `taskId`, when it has them): the inbox, the done
 * list, the copies, the task and its case, the monitor.
 */
export function useTaskOperation<TInput extends object, TResult>(run: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: (_result, _error, input) => {
      const touched = input as { caseId?: string; taskId?: string };
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.done() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.copies() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.monitor });
      if (touched.taskId !== undefined) void queryClient.invalidateQueries({ queryKey: queryKeys.task(touched.taskId) });
      if (touched.caseId !== undefined) void queryClient.invalidateQueries({ queryKey: queryKeys.case(touched.caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases() });
    },
  });
}
