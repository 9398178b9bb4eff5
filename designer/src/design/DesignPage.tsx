import { ReactFlowProvider, useReactFlow, useStoreApi } from '@xyflow/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { exportStandaloneModule, levelSchema, parseDefinition, validateAndCompile, type Diagnostic, type Level, type NodeType, type WorkflowDefinition } from '@tongban/engine';
import { App, Badge, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { isApiError } from '../api/api-error.ts';
import { useMessages } from '../i18n/index.ts';
import { BpmnImportReport, type BpmnImportOutcome } from './bpmn/BpmnImportReport.tsx';
import { useBpmnTransfer } from './bpmn/use-bpmn-transfer.ts';
import { addNodeAction, DesignCanvas } from './DesignCanvas.tsx';
import { DesignToolbar } from './DesignToolbar.tsx';
import { designApi, diagnosticsOfRefusal } from './design-api.ts';
import { DiagnosticsList, type ShownDiagnostic } from './DiagnosticsList.tsx';
import { downloadFile } from './download-file.ts';
import { designMessages, type DesignWords } from './messages.ts';
import { layoutDefinition } from './model/auto-layout.ts';
import { blankDefinition } from './model/blank-definition.ts';
import { problemDecorations } from './model/decorate.ts';
import { createDesignState, designReducer } from './model/design-state.ts';
import { listDrafts, loadLastDraft, saveDraft, type Draft } from './model/draft-store.ts';
import type { DesignFlowEdge, DesignFlowNode, NodeDecoration } from './model/flow-types.ts';
import { liveDiagnostics } from './model/live-diagnostics.ts';
import { placeDefinition } from './model/place-definition.ts';
import { NodePalette } from './NodePalette.tsx';
import { OpenDialog } from './OpenDialog.tsx';
import { PublishDialog } from './PublishDialog.tsx';
import type { DepartmentKindOption, ElementCatalog } from './properties/property-change.ts';
import { PropertiesPanel } from './properties/PropertiesPanel.tsx';
import { SimulationPanel } from './simulation/SimulationPanel.tsx';
import { useDebouncedValue } from './use-debounced-value.ts';
import { VersionHistoryPanel, versionQueryKey } from './versions/VersionHistoryPanel.tsx';
import './design.css';

/** Where the definition on the canvas came from. */
type Origin = { kind: 'new' } | { kind: 'draft' } | { kind: 'published'; key: string; version: number } | { kind: 'imported' };

/** Milliseconds the canvas must rest before the engine validates it again. */
const validateDelayMs = 250;

function newDefinition(t: DesignWords): WorkflowDefinition {
  return blankDefinition('new-process', t.untitled, t.newNodeNames.startEvent);
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function sameProblem(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.nodeId === b.nodeId && a.edgeId === b.edgeId;
}

/**
 * The process Design screen: palette, canvas, properties, live diagnostics, auto-layout,
 * undo/redo, copy/paste, drafts, publish, version history and diff, import/export (JSON, XState,
 * BPMN with its import report), and a simulation on the engine's step.
 */
export function DesignPage() {
  return (
    <ReactFlowProvider>
      <DesignWorkspace />
    </ReactFlowProvider>
  );
}

function DesignWorkspace() {
  const t = useMessages(designMessages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const flow = useReactFlow<DesignFlowNode, DesignFlowEdge>();
  const flowStore = useStoreApi<DesignFlowNode, DesignFlowEdge>();
  const [boot] = useState(() => {
    const draft = loadLastDraft(localStorage);
    return draft === null
      ? { definition: newDefinition(t), origin: { kind: 'new' } as Origin }
      : { definition: draft.definition, origin: { kind: 'draft' } as Origin };
  });
  const [state, dispatch] = useReducer(designReducer, boot.definition, createDesignState);
  const [origin, setOrigin] = useState<Origin>(boot.origin);
  const [saved, setSaved] = useState<WorkflowDefinition>(boot.definition);
  const [loadId, setLoadId] = useState(0);
  const [fitRequest, setFitRequest] = useState(0);
  const [server, setServer] = useState<{ for: WorkflowDefinition; diagnostics: Diagnostic[] } | null>(null);
  const [tab, setTab] = useState('properties');
  const [openDialog, setOpenDialog] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [publishDialog, setPublishDialog] = useState<{ refusal: string | null } | null>(null);
  const [activeNodeIds, setActiveNodeIds] = useState<string[]>([]);
  const [drafts, setDrafts] = useState<Draft[]>(() => listDrafts(localStorage));
  const [bpmnOutcome, setBpmnOutcome] = useState<BpmnImportOutcome | null>(null);
  const definition = state.history.present;

  const departments = useQuery({ queryKey: ['departments'], queryFn: designApi.listDepartments });
  const jurisdictions = useQuery({ queryKey: ['jurisdictions'], queryFn: designApi.listJurisdictions });
  const published = useQuery({ queryKey: ['definitions'], queryFn: designApi.listDefinitions });
  const roles = useQuery({ queryKey: ['roles'], queryFn: designApi.listRoles });
  const services = useQuery({ queryKey: ['services'], queryFn: designApi.listServices });
  const catalog = useMemo<ElementCatalog>(
    () => ({ roles: roles.data?.items ?? [], services: services.data?.items, workflows: published.data?.items ?? [] }),
    [roles.data, services.data, published.data],
  );

  const departmentKinds = useMemo<DepartmentKindOption[]>(() => {
    const items = departments.data?.items ?? [];
    const kinds = [...new Set(items.map((department) => department.kind))];
    return kinds.map((kind) => ({
      kind,
      label: t.departmentKinds[kind] ?? items.find((department) => department.kind === kind && department.jurisdictionId === 'sh')?.name ?? kind,
    }));
  }, [departments.data, t]);
  const levels = useMemo<Level[]>(
    () => levelSchema.options.filter((level) => (jurisdictions.data?.items ?? []).some((jurisdiction) => jurisdiction.level === level)),
    [jurisdictions.data],
  );

  const settled = useDebouncedValue(definition, validateDelayMs);
  const live = useMemo(() => liveDiagnostics(settled), [settled]);
  const shown = useMemo<ShownDiagnostic[]>(() => {
    const fromServer = server?.for === definition ? server.diagnostics.filter((d) => !live.some((l) => sameProblem(l, d))) : [];
    return [...live.map((d) => ({ ...d, source: 'live' as const })), ...fromServer.map((d) => ({ ...d, source: 'server' as const }))];
  }, [live, server, definition]);
  const hasErrors = shown.some((d) => d.severity === 'error');
  const problems = useMemo(() => problemDecorations(shown), [shown]);
  const nodeDecorations = useMemo(() => {
    if (activeNodeIds.length === 0) return problems.nodes;
    const merged: Record<string, NodeDecoration> = { ...problems.nodes };
    for (const id of activeNodeIds) merged[id] = { ...merged[id], active: true };
    return merged;
  }, [problems.nodes, activeNodeIds]);

  const load = useCallback((next: WorkflowDefinition, nextOrigin: Origin) => {
    dispatch({ type: 'load', definition: next });
    setOrigin(nextOrigin);
    setSaved(next);
    setServer(null);
    setBpmnOutcome(null);
    setActiveNodeIds([]);
    setLoadId((id) => id + 1);
    setFitRequest((id) => id + 1);
  }, []);

  const openVersion = useCallback(
    async (key: string, version: number) => {
      setOpenDialog(false);
      try {
        const found = await queryClient.fetchQuery({
          queryKey: versionQueryKey(key, version),
          queryFn: () => designApi.getVersion(key, version),
          staleTime: Infinity,
        });
        load(await placeDefinition(found.definition), { kind: 'published', key, version });
      } catch (cause) {
        void message.error(`${t.status.openFailed}: ${cause instanceof Error ? cause.message : String(cause)}`);
      }
    },
    [queryClient, load, message, t],
  );

  const saveCurrentDraft = useCallback(() => {
    const draft = saveDraft(localStorage, definition, new Date().toISOString());
    setSaved(definition);
    setDrafts(listDrafts(localStorage));
    void message.success(t.status.draftSaved(new Date(draft.savedAt).toLocaleTimeString()));
  }, [definition, message, t]);

  const publish = useCallback(
    async (meta: { baseVersion: number | null; changeNote: string }) => {
      setPublishing(true);
      try {
        const result = await designApi.publish(definition, { baseVersion: meta.baseVersion, ...(meta.changeNote === '' ? {} : { changeNote: meta.changeNote }) });
        setPublishDialog(null);
        setOrigin({ kind: 'published', key: result.key, version: result.version });
        setSaved(definition);
        setServer({ for: definition, diagnostics: result.diagnostics });
        void message.success(t.status.published(result.key, result.version));
        void queryClient.invalidateQueries({ queryKey: ['definitions'] });
      } catch (cause) {
        if (isApiError(cause, 400)) {
          setPublishDialog(null);
          const diagnostics = diagnosticsOfRefusal(cause.details);
          setServer({ for: definition, diagnostics });
          setTab('problems');
          void message.error(t.status.publishFailed(diagnostics.filter((d) => d.severity === 'error').length));
        } else if (isApiError(cause, 409) && cause.code === 'version-conflict') {
          const details = cause.details as { latestVersion: number; latestPublishedBy: string | null; latestPublishedAt: string };
          await queryClient.invalidateQueries({ queryKey: ['definitions'] });
          const at = new Date(details.latestPublishedAt).toLocaleString();
          setPublishDialog({ refusal: t.status.conflict(details.latestVersion, details.latestPublishedBy ?? '—', at) });
        } else {
          void message.error(cause instanceof Error ? cause.message : String(cause));
        }
      } finally {
        setPublishing(false);
      }
    },
    [definition, message, queryClient, t],
  );

  const autoLayout = useCallback(async () => {
    try {
      const positions = await layoutDefinition(definition, state.measured);
      dispatch({ type: 'edit', changes: Object.entries(positions).map(([id, position]) => ({ type: 'moveNode' as const, id, position })) });
      setFitRequest((id) => id + 1);
    } catch (cause) {
      void message.error(`${t.status.layoutFailed}: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  }, [definition, state.measured, message, t]);

  const exportMachine = useCallback(() => {
    const { compiled } = validateAndCompile(definition);
    if (compiled === undefined) {
      void message.error(t.status.exportFailed);
      setTab('problems');
      return;
    }
    const exported = exportStandaloneModule(definition);
    downloadFile(exported.fileName, exported.module, 'text/javascript');
    downloadFile(`${exported.fileName.replace(/\.mjs$/, '')}.README.md`, exported.readme, 'text/markdown');
  }, [definition, message, t]);

  const importDefinition = useCallback(
    async (text: string) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        void message.error(t.status.importFailed);
        return;
      }
      const parsed = parseDefinition(json);
      if (parsed.definition === undefined) {
        void message.error(`${t.status.importFailed} (${parsed.diagnostics[0]?.message ?? ''})`);
        return;
      }
      load(await placeDefinition(parsed.definition), { kind: 'imported' });
      void message.success(t.status.imported(parsed.definition.key));
    },
    [load, message, t],
  );

  const addAtCentre = useCallback(
    (type: NodeType) => {
      const { width, height, transform } = flowStore.getState();
      const [x, y, zoom] = transform;
      const nudge = (definition.nodes.length % 5) * 16;
      const position = { x: (width / 2 - x) / zoom + nudge, y: (height / 2 - y) / zoom + nudge };
      dispatch(addNodeAction(definition, type, position, t));
    },
    [flowStore, definition, t],
  );

  const centreOn = useCallback(
    (ids: string[]) => {
      const boxes = ids.flatMap((id) => {
        const node = flow.getInternalNode(id);
        if (node === undefined) return [];
        const { x, y } = node.internals.positionAbsolute;
        return [{ x: x + (node.measured.width ?? 0) / 2, y: y + (node.measured.height ?? 0) / 2 }];
      });
      if (boxes.length === 0) return;
      const cx = boxes.reduce((sum, box) => sum + box.x, 0) / boxes.length;
      const cy = boxes.reduce((sum, box) => sum + box.y, 0) / boxes.length;
      void flow.setCenter(cx, cy, { zoom: Math.max(flow.getZoom(), 1), duration: 300 });
    },
    [flow],
  );

  const focusDiagnostic = useCallback(
    (diagnostic: Pick<Diagnostic, 'nodeId' | 'edgeId'>) => {
      const edge = diagnostic.edgeId === undefined ? undefined : definition.edges.find((e) => e.id === diagnostic.edgeId);
      if (edge !== undefined) {
        dispatch({ type: 'select', selection: { nodeIds: [], edgeIds: [edge.id] } });
        centreOn([edge.source, edge.target]);
      } else if (diagnostic.nodeId !== undefined) {
        dispatch({ type: 'select', selection: { nodeIds: [diagnostic.nodeId], edgeIds: [] } });
        centreOn([diagnostic.nodeId]);
      } else {
        dispatch({ type: 'select', selection: { nodeIds: [], edgeIds: [] } });
      }
    },
    [definition, centreOn],
  );

  const saveRef = useRef(saveCurrentDraft);
  saveRef.current = saveCurrentDraft;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        saveRef.current();
        return;
      }
      if (isEditable(event.target)) return;
      if (key === 'z' && !event.shiftKey) dispatch({ type: 'undo' });
      else if (key === 'y' || (key === 'z' && event.shiftKey)) dispatch({ type: 'redo' });
      else if (key === 'c') dispatch({ type: 'copy' });
      else if (key === 'v') dispatch({ type: 'paste' });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const dirty = definition !== saved;
  const loadImported = useCallback((imported: WorkflowDefinition) => load(imported, { kind: 'imported' }), [load]);
  const showBpmnReport = useCallback((outcome: BpmnImportOutcome) => {
    setBpmnOutcome(outcome);
    setTab('problems');
  }, []);
  const bpmn = useBpmnTransfer({ definition, dirty, loadImported, showReport: showBpmnReport });
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const originText =
    origin.kind === 'published'
      ? t.status.basedOn(origin.key, origin.version)
      : origin.kind === 'new'
        ? t.status.newDraft
        : origin.kind === 'imported'
          ? t.status.imported(definition.key)
          : t.open.drafts;
  const errorCount = shown.filter((d) => d.severity === 'error').length;
  const workflow = published.data?.items.find((item) => item.key === definition.key);

  return (
    <div className="tb-design-page" data-testid="design-page">
      <DesignToolbar
        title={definition.name === '' ? t.untitled : definition.name}
        status={dirty ? `${originText} · ${t.status.unsaved}` : originText}
        canUndo={state.history.past.length > 0}
        canRedo={state.history.future.length > 0}
        publishing={publishing}
        onNew={() => load(newDefinition(t), { kind: 'new' })}
        onOpen={() => {
          setDrafts(listDrafts(localStorage));
          setOpenDialog(true);
        }}
        onSaveDraft={saveCurrentDraft}
        onPublish={() => {
          void queryClient.invalidateQueries({ queryKey: ['definitions'] });
          setPublishDialog({ refusal: null });
        }}
        onUndo={() => dispatch({ type: 'undo' })}
        onRedo={() => dispatch({ type: 'redo' })}
        onLayout={() => void autoLayout()}
        onFitView={() => void flow.fitView({ padding: 0.2, duration: 200 })}
        onExportDefinition={() => downloadFile(`${definition.key}.definition.json`, JSON.stringify(definition, null, 2))}
        onExportMachine={exportMachine}
        onImport={(text) => void importDefinition(text)}
        onExportBpmn={() => void bpmn.exportFile()}
        onImportBpmn={(text, fileName) => void bpmn.importFile(text, fileName)}
      />
      <div className="tb-design-body">
        <NodePalette onAdd={addAtCentre} />
        <DesignCanvas
          definition={definition}
          selection={state.selection}
          measured={state.measured}
          nodeDecorations={nodeDecorations}
          edgeDecorations={problems.edges}
          dispatch={dispatch}
          fitRequest={fitRequest}
        />
        <div className="tb-design-side" data-testid="design-side">
          <Tabs
            activeKey={tab}
            onChange={setTab}
            size="small"
            tabBarStyle={{ padding: '0 12px', margin: 0 }}
            items={[
              { key: 'properties', label: <span data-testid="tab-properties">{t.panels.properties}</span> },
              {
                key: 'problems',
                label: (
                  <span data-testid="tab-problems">
                    {t.panels.problems} <Badge count={errorCount} size="small" />
                  </span>
                ),
              },
              { key: 'simulate', label: <span data-testid="tab-simulate">{t.panels.simulate}</span> },
              { key: 'history', label: <span data-testid="tab-history">{t.panels.history}</span> },
            ]}
          />
          <div className="tb-side-pane" hidden={tab !== 'properties'}>
            <PropertiesPanel
              definition={definition}
              selection={state.selection}
              departmentKinds={departmentKinds}
              levels={levels}
              catalog={catalog}
              diagnostics={shown}
              onChange={(changes, coalesceKey) => dispatch({ type: 'edit', changes, coalesceKey })}
            />
          </div>
          <div className="tb-side-pane" hidden={tab !== 'problems'}>
            {bpmnOutcome !== null && <BpmnImportReport outcome={bpmnOutcome} onSelect={focusDiagnostic} onClose={() => setBpmnOutcome(null)} />}
            <DiagnosticsList diagnostics={shown} definition={definition} onSelect={focusDiagnostic} />
          </div>
          <div className="tb-side-pane" hidden={tab !== 'simulate'}>
            <SimulationPanel key={loadId} definition={definition} hasErrors={hasErrors} onActiveNodes={setActiveNodeIds} />
          </div>
          <div className="tb-side-pane" hidden={tab !== 'history'}>
            <VersionHistoryPanel
              key={definition.key}
              definition={definition}
              workflow={workflow}
              onOpenVersion={(key, version) => void openVersion(key, version)}
            />
          </div>
        </div>
      </div>
      <PublishDialog
        open={publishDialog !== null}
        workflowKey={definition.key}
        baseVersion={origin.kind === 'published' && origin.key === definition.key ? origin.version : null}
        latest={workflow}
        refusal={publishDialog?.refusal ?? null}
        publishing={publishing}
        onPublish={(meta) => void publish(meta)}
        onCancel={() => setPublishDialog(null)}
      />
      <OpenDialog
        open={openDialog}
        published={published.data?.items}
        publishedError={published.isError}
        drafts={drafts}
        onOpenVersion={(key, version) => void openVersion(key, version)}
        onOpenDraft={(draft) => {
          setOpenDialog(false);
          load(draft.definition, { kind: 'draft' });
        }}
        onClose={() => setOpenDialog(false)}
      />
    </div>
  );
}
