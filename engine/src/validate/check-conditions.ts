import { checkFeelBounds, conditionVariables, parseCondition } from '../feel/index.ts';
import { gatewayRole } from './analyze-blocks.ts';
import { conditionScope, nearestNames } from './condition-scope.ts';
import type { DefinitionGraph } from './definition-graph.ts';
import { edgeField, nodeField, quoteList } from './definition-graph.ts';
import type { Diagnostic } from './diagnostic.types.ts';
import type { WorkflowEdge } from '../definition/index.ts';

/**
 * `exclusive-gateway-without-default`, `inclusive-gateway-without-default`, `multiple-default-edges`,
 * `exclusive-edge-without-condition`, `invalid-feel-condition`, `feel-reads-clock`, `feel-too-long`,
 * `feel-unbounded`, `feel-function-not-allowed`, `unknown-condition-variable`, `condition-ignored`.
 *
 * An exclusive gateway with more than one outgoing edge, or with any condition, tries its
 * conditional edges in order and takes its one default edge when none holds. A gateway with a
 * single plain edge simply passes through. A splitting inclusive gateway starts every branch whose
 * condition holds and every branch without a condition; its default branch starts when no
 * condition holds.
 * @internal
 */
export function checkConditions(graph: DefinitionGraph): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const tests = (sourceId: string): boolean => {
    const type = graph.nodes.get(sourceId)?.type;
    return type === 'exclusiveGateway' || (type === 'inclusiveGateway' && gatewayRole(graph, sourceId) === 'split');
  };
  for (const edge of graph.edges) {
    if (edge.condition === undefined) continue;
    if (!tests(edge.source) || edge.default === true) {
      diagnostics.push({
        code: 'condition-ignored',
        severity: 'warning',
        message: tests(edge.source)
          ? `Edge '${edge.id}' is the default of gateway '${edge.source}', so its condition '${edge.condition}' is never tested`
          : `Edge '${edge.id}' has condition '${edge.condition}', but it leaves '${edge.source}', which is neither an exclusive gateway nor a splitting inclusive gateway; the condition is ignored`,
        edgeId: edge.id,
        field: edgeField(graph, edge, 'condition'),
      });
      continue;
    }
    const parsed = parseCondition(edge.condition);
    if (!parsed.ok) {
      diagnostics.push({
        code: 'invalid-feel-condition',
        severity: 'error',
        message: `Edge '${edge.id}': ${parsed.error.message}`,
        edgeId: edge.id,
        field: edgeField(graph, edge, 'condition'),
      });
    } else if (parsed.readsClock) {
      diagnostics.push({
        code: 'feel-reads-clock',
        severity: 'error',
        message: `Edge '${edge.id}': condition '${edge.condition}' calls now() or today(), so the route would depend on when it runs; compare with a date in the case data instead`,
        edgeId: edge.id,
        field: edgeField(graph, edge, 'condition'),
      });
    } else {
      diagnostics.push(...unknownVariables(graph, edge));
      for (const error of checkFeelBounds(edge.condition)) {
        diagnostics.push({
          code: error.code,
          severity: 'error',
          message: `Edge '${edge.id}' of gateway '${edge.source}': ${error.message}; its cost would not be bounded by the case data`,
          nodeId: edge.source,
          edgeId: edge.id,
          field: edgeField(graph, edge, 'condition'),
        });
      }
    }
  }

  for (const node of graph.nodes.values()) {
    if (node.type !== 'exclusiveGateway' && node.type !== 'inclusiveGateway') continue;
    const outgoing = graph.outgoing.get(node.id) ?? [];
    const defaults = outgoing.filter((edge) => edge.default === true);
    const conditional = outgoing.filter((edge) => edge.default !== true && edge.condition !== undefined);
    const plain = outgoing.filter((edge) => edge.default !== true && edge.condition === undefined);
    if (node.type === 'inclusiveGateway') {
      if (!tests(node.id)) continue;
      if (defaults.length > 1) diagnostics.push(multipleDefaults(graph, node.id, defaults.map((edge) => edge.id)));
      if (defaults.length === 0 && plain.length === 0) {
        diagnostics.push({
          code: 'inclusive-gateway-without-default',
          severity: 'error',
          message: `Inclusive gateway '${node.id}' starts a branch only when its condition holds, and none is the default or unconditional; mark one outgoing edge as default so a case whose data matches no condition does not skip every branch`,
          nodeId: node.id,
          field: nodeField(graph, node.id),
        });
      }
      continue;
    }
    const branches = outgoing.length > 1 || conditional.length > 0;
    if (!branches) continue;
    if (defaults.length === 0) {
      diagnostics.push({
        code: 'exclusive-gateway-without-default',
        severity: 'error',
        message: `Exclusive gateway '${node.id}' has no default edge; mark one outgoing edge as default so a case whose data matches no condition does not stall`,
        nodeId: node.id,
        field: nodeField(graph, node.id),
      });
    }
    if (defaults.length > 1) diagnostics.push(multipleDefaults(graph, node.id, defaults.map((edge) => edge.id)));
    for (const edge of plain) {
      diagnostics.push({
        code: 'exclusive-edge-without-condition',
        severity: 'error',
        message: `Edge '${edge.id}' leaves exclusive gateway '${node.id}' with neither a condition nor the default mark`,
        nodeId: node.id,
        edgeId: edge.id,
        field: edgeField(graph, edge, 'condition'),
      });
    }
  }
  return diagnostics;
}

/**
 * `unknown-condition-variable`: a name the condition reads that neither the application form
 * (the dataSchema's properties) nor the form of a userTask upstream of the edge writes, with the
 * nearest known names. Without a dataSchema the application's fields are unknown, so nothing is
 * reported.
 */
function unknownVariables(graph: DefinitionGraph, edge: WorkflowEdge): Diagnostic[] {
  if (graph.definition.dataSchema === undefined || edge.condition === undefined) return [];
  const scope = conditionScope(graph.definition, edge.source);
  const known = scope.names.map((entry) => entry.name);
  const reported = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const variable of conditionVariables(edge.condition)) {
    if (known.includes(variable.name) || reported.has(variable.name)) continue;
    reported.add(variable.name);
    const nearest = nearestNames(variable.name, known);
    const hint = nearest.length > 0 ? `; did you mean ${quoteList(nearest)}?` : '';
    const open = scope.openSources.length > 0 ? ` (unless ${quoteList(scope.openSources)} upstream writes it)` : '';
    diagnostics.push({
      code: 'unknown-condition-variable',
      severity: 'warning',
      message: `Edge '${edge.id}': condition reads '${variable.name}' at position ${variable.from}, which neither the application form nor a task form upstream writes${open}${hint}`,
      edgeId: edge.id,
      field: edgeField(graph, edge, 'condition'),
    });
  }
  return diagnostics;
}

function multipleDefaults(graph: DefinitionGraph, nodeId: string, edgeIds: string[]): Diagnostic {
  const kind = graph.nodes.get(nodeId)?.type === 'inclusiveGateway' ? 'Inclusive' : 'Exclusive';
  return {
    code: 'multiple-default-edges',
    severity: 'error',
    message: `${kind} gateway '${nodeId}' has ${edgeIds.length} default edges (${quoteList(edgeIds)}); it can have one`,
    nodeId,
    edgeId: edgeIds[1],
  };
}
