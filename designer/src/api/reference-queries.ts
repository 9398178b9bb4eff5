import type { WorkflowDefinition } from '@tongban/engine';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Department, Jurisdiction } from './api.types.ts';
import { queryKeys } from './query-keys.ts';
import { tongbanApi } from './tongban-api.ts';

/** Reference data changes rarely: kept for ten minutes. */
const referenceStaleMs = 10 * 60_000;

/** Every published workflow with its latest version (`GET /definitions`). */
export function useDefinitions() {
  return useQuery({ queryKey: queryKeys.definitions, queryFn: tongbanApi.listDefinitions, staleTime: referenceStaleMs });
}

/** One published version with its definition; published versions never change, so it is kept for good. */
export function useDefinitionVersion(key: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: queryKeys.definitionVersion(key ?? '', version ?? 0),
    queryFn: () => tongbanApi.getDefinitionVersion(key ?? '', version ?? 0),
    enabled: key !== undefined && version !== undefined,
    staleTime: Infinity,
  });
}

/** Departments by id (`GET /departments`), to name the departments tasks belong to. */
export function useDepartments(): Map<string, Department> {
  const { data } = useQuery({ queryKey: queryKeys.departments, queryFn: tongbanApi.listDepartments, staleTime: referenceStaleMs });
  return useMemo(() => new Map((data?.items ?? []).map((department) => [department.id, department])), [data]);
}

/** Jurisdictions by id (`GET /jurisdictions`), top level first. */
export function useJurisdictions(): Map<string, Jurisdiction> {
  const { data } = useQuery({ queryKey: queryKeys.jurisdictions, queryFn: tongbanApi.listJurisdictions, staleTime: referenceStaleMs });
  return useMemo(() => new Map((data?.items ?? []).map((jurisdiction) => [jurisdiction.id, jurisdiction])), [data]);
}

/** A workflow version a task or case is pinned to. */
export interface DefinitionRef {
  key: string;
  version: number;
}

/** The definitions of several versions at once, by `key@version`; missing while loading. */
export function useDefinitionVersions(refs: readonly DefinitionRef[]): Map<string, WorkflowDefinition> {
  const unique = [...new Map(refs.map((ref) => [definitionRefKey(ref), ref])).values()];
  const results = useQueries({
    queries: unique.map((ref) => ({
      queryKey: queryKeys.definitionVersion(ref.key, ref.version),
      queryFn: () => tongbanApi.getDefinitionVersion(ref.key, ref.version),
      staleTime: Infinity,
    })),
  });
  const map = new Map<string, WorkflowDefinition>();
  for (const result of results) {
    if (result.data !== undefined) map.set(definitionRefKey(result.data), result.data.definition);
  }
  return map;
}

/** `key@version`, the key of {@link useDefinitionVersions}'s map. Pure. */
export function definitionRefKey(ref: DefinitionRef): string {
  return `${ref.key}@${ref.version}`;
}
