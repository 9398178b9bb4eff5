import { describe, expect, it } from 'vitest';
import { mayDecideTask } from './may-decide-task.ts';

const market = { id: 'sh-huangpu-market-regulation', kind: 'market-regulation', name: '黄浦区市场监督管理局' };
const task = { departmentId: 'sh-huangpu-market-regulation', candidateRole: 'clerk' };

describe('mayDecideTask', () => {
  it('lets a clerk of the task’s department decide it', () => {
    expect(mayDecideTask({ roles: ['clerk'], department: market }, task)).toBe(true);
  });

  it('lets neither an admin, nor a clerk of another department, nor a signed-out user decide it', () => {
    expect(mayDecideTask({ roles: ['admin'], department: { id: 'sh-government-service', kind: 'government-service', name: '市政务服务办' } }, task)).toBe(false);
    expect(mayDecideTask({ roles: ['admin'], department: market }, task)).toBe(false);
    expect(mayDecideTask({ roles: ['clerk'], department: { ...market, id: 'sh-xuhui-market-regulation' } }, task)).toBe(false);
    expect(mayDecideTask(null, task)).toBe(false);
  });
});
