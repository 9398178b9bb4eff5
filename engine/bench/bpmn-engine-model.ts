/**
 * The BPMN that the `bpmn-engine` package can run for a process Tongban exports
 * (`exportBpmn`), and what had to change. Tongban's XML is not run as-is by bpmn-engine 25:
 *
 * 1. A userTask's outcomes are `tongban:outcome` attributes on its outgoing flows; plain BPMN
 *    takes every unconditioned outgoing flow of a task. Each such flow gets a JavaScript
 *    condition on the signalled output: `this.content.output.outcome === 'approve'`.
 * 2. Gateway conditions are FEEL; bpmn-engine evaluates JavaScript (its `JavaScripts`, through
 *    `node:vm`). Each FEEL condition is rewritten with `translateCondition`.
 * 3. bpmn-engine's inclusive gateway does not synchronise as a join (each arriving token passes
 *    on: the next task was activated once per branch). The join becomes a parallel gateway,
 *    which for a case whose inclusive split took every branch waits for the same tokens.
 * 4. The SLA boundary timers (non-interrupting, their flow back to the task they watch) drove
 *    bpmn-engine into a stack overflow when the task was entered, and their limits are counted
 *    in working days by Tongban's calendar, not as ISO durations. They are left out: bpmn-engine
 *    arms no timer, while Tongban's step still computes and emits its timer effects.
 */

/** FEEL conditions of the exported process and their JavaScript equivalents over the case variables. */
export type ConditionTranslation = Readonly<Record<string, string>>;

const FEEL_LANGUAGE = 'https://www.omg.org/spec/DMN/20191111/FEEL/';

function unescapeXml(text: string): string {
  return text.replaceAll('&gt;', '>').replaceAll('&lt;', '<').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Rewrites Tongban's exported BPMN `xml` for bpmn-engine (see the module comment).
 * @throws Error naming a FEEL condition missing from `conditions`, or a join that is not found.
 */
export function toBpmnEngineModel(xml: string, options: { conditions: ConditionTranslation; joins: readonly string[] }): string {
  let model = xml.replace(/(<bpmn:sequenceFlow\b[^>]*\btongban:outcome="([^"]+)"[^>]*?)\s*\/>/g, (_match, open: string, outcome: string) =>
    `${open}><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">next(null, this.content.output.outcome === '${outcome}')</bpmn:conditionExpression></bpmn:sequenceFlow>`,
  );
  model = model.replace(
    new RegExp(`<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="${FEEL_LANGUAGE.replaceAll('.', '\\.').replaceAll('/', '\\/')}">([^<]*)</bpmn:conditionExpression>`, 'g'),
    (_match, feel: string) => {
      const condition = unescapeXml(feel);
      const javascript = options.conditions[condition];
      if (javascript === undefined) throw new Error(`No JavaScript translation is given for the FEEL condition '${condition}'`);
      return `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">${escapeXml(`next(null, ${javascript})`)}</bpmn:conditionExpression>`;
    },
  );
  for (const join of options.joins) {
    const pattern = new RegExp(`<bpmn:inclusiveGateway id="${join}"([^>]*)>([\\s\\S]*?)</bpmn:inclusiveGateway>`);
    if (!pattern.test(model)) throw new Error(`The inclusive gateway '${join}' is not in the exported process`);
    model = model.replace(pattern, `<bpmn:parallelGateway id="${join}"$1>$2</bpmn:parallelGateway>`);
  }
  const boundaryFlows = [...model.matchAll(/<bpmn:boundaryEvent\b[\s\S]*?<bpmn:outgoing>([^<]+)<\/bpmn:outgoing>[\s\S]*?<\/bpmn:boundaryEvent>/g)].map((m) => m[1] as string);
  model = model.replace(/\s*<bpmn:boundaryEvent\b[\s\S]*?<\/bpmn:boundaryEvent>/g, '');
  for (const flow of boundaryFlows) {
    model = model
      .replace(new RegExp(`\\s*<bpmn:sequenceFlow id="${flow}"[^>]*?/>`), '')
      .replace(new RegExp(`\\s*<bpmn:sequenceFlow id="${flow}"[\\s\\S]*?</bpmn:sequenceFlow>`), '')
      .replaceAll(new RegExp(`\\s*<bpmn:(incoming|outgoing)>${flow}</bpmn:(incoming|outgoing)>`, 'g'), '');
  }
  // Shapes and edges of removed elements would point at nothing.
  model = model.replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
  return model;
}
