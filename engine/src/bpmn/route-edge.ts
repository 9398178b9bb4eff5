import type { ShapeBounds } from './read-diagram-bounds.ts';

/** A point of an edge's path in diagram pixels. */
export interface Waypoint {
  x: number;
  y: number;
}

/** Room an edge keeps from the shapes it goes around, in diagram pixels. */
const CLEARANCE = 30;

/**
 * An orthogonal path from `source` to `target` for BPMN DI waypoints: right side to left side,
 * with one bend column halfway, when the target lies to the right; below both shapes when it lies
 * behind (a return, a loop); around the top when the edge comes back to its own shape. A path that
 * starts at a boundary event (`fromBottom`) leaves it downwards: straight to a target below and to
 * the right, else below both shapes.
 * @internal
 */
export function routeEdge(source: ShapeBounds, target: ShapeBounds, fromBottom = false): Waypoint[] {
  const s = box(source);
  const t = box(target);
  if (fromBottom && t.left >= s.midX && t.midY >= s.bottom) {
    return [point(s.midX, s.bottom), point(s.midX, t.midY), point(t.left, t.midY)];
  }
  if (!fromBottom && (source === target || (s.left === t.left && s.top === t.top))) {
    const right = s.right + CLEARANCE;
    const above = s.top - CLEARANCE;
    return [point(s.right, s.midY), point(right, s.midY), point(right, above), point(s.midX, above), point(s.midX, s.top)];
  }
  if (!fromBottom && t.left >= s.right) {
    if (s.midY === t.midY) return [point(s.right, s.midY), point(t.left, t.midY)];
    const column = (s.right + t.left) / 2;
    return [point(s.right, s.midY), point(column, s.midY), point(column, t.midY), point(t.left, t.midY)];
  }
  const below = Math.max(s.bottom, t.bottom) + CLEARANCE;
  return [point(s.midX, s.bottom), point(s.midX, below), point(t.midX, below), point(t.midX, t.bottom)];
}

function box(bounds: ShapeBounds) {
  return {
    left: bounds.x,
    right: bounds.x + bounds.width,
    top: bounds.y,
    bottom: bounds.y + bounds.height,
    midX: bounds.x + bounds.width / 2,
    midY: bounds.y + bounds.height / 2,
  };
}

function point(x: number, y: number): Waypoint {
  return { x, y };
}
