import { idSchema } from '../definition/index.ts';

/**
 * Turns BPMN ids into definition ids. A BPMN id is an XML NCName (`_93c4…`, `Task_1.2`); a
 * definition id starts with an ASCII letter and holds only letters, digits, `-` and `_`. Ids that
 * already fit are kept as they are; the others are rewritten (`_93c4` → `id_93c4`, `.` → `_`),
 * and a rewrite that meets a taken id gets `-2`, `-3`, … appended. Valid ids are reserved first,
 * so a rewrite never takes an id another element already had.
 * @internal
 */
export class DefinitionIds {
  private readonly taken = new Set<string>();
  private readonly byBpmnId = new Map<string, string>();

  constructor(bpmnIds: Iterable<string>) {
    const pending: string[] = [];
    for (const bpmnId of bpmnIds) {
      if (this.byBpmnId.has(bpmnId)) continue;
      if (idSchema.safeParse(bpmnId).success) {
        this.taken.add(bpmnId);
        this.byBpmnId.set(bpmnId, bpmnId);
      } else {
        pending.push(bpmnId);
      }
    }
    for (const bpmnId of pending) {
      if (this.byBpmnId.has(bpmnId)) continue;
      const id = this.fresh(rewrite(bpmnId));
      this.byBpmnId.set(bpmnId, id);
    }
  }

  /** The definition id of `bpmnId`; an id not given to the constructor gets a fresh one. */
  of(bpmnId: string): string {
    const known = this.byBpmnId.get(bpmnId);
    if (known !== undefined) return known;
    const id = this.fresh(rewrite(bpmnId));
    this.byBpmnId.set(bpmnId, id);
    return id;
  }

  private fresh(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n += 1) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

function rewrite(bpmnId: string): string {
  const cleaned = bpmnId.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `id${cleaned.startsWith('_') ? '' : '_'}${cleaned}`;
}
