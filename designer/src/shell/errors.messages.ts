import { defineMessages } from '../i18n/define-messages.ts';

/** Messages for errors the API answers, by status and by stable code. */
export const errorsMessages = defineMessages(
  {
    byCode: {
      'task-not-open': '该任务已不在待办状态，可能已由他人办结或已关闭。请刷新后查看。',
      'task-claimed': '该任务已被其他经办人认领。',
      'case-suspended': '办件正在等待申请人补正，计时已暂停，补正完成前不能办结此任务。',
      'feel-budget-exceeded': '流程中的一个条件表达式无法在限定的时间和内存内求值，此次办理未生效，已为该办件登记异常。请联系管理员；修改表单数据后可重新提交。',
      'task-forbidden': '您无权办理此任务：它不属于您所在部门或您的角色。',
      'case-forbidden': '您无权查看此办件：它不在您的辖区或部门范围内。',
      'monitor-forbidden': '您的账号没有监控范围。',
      'inbox-forbidden': '您的账号没有待办事项箱。',
      'case-not-found': '办件不存在。',
      'task-not-found': '任务不存在。',
      'network-error': '无法连接服务，请检查网络后重试。',
    } as Record<string, string>,
    conflict: '操作与当前状态冲突，请刷新后重试。',
    forbidden: '您无权执行此操作。',
    notFound: '请求的记录不存在。',
    invalid: (message: string) => `提交的内容有误：${message}`,
    server: '服务暂时出错，请稍后重试。',
    unknown: (message: string) => `操作失败：${message}`,
    field: (field: string) => `（字段：${field}）`,
  },
  {
    byCode: {
      'task-not-open': 'This task is no longer open: someone may have completed it, or it was closed. Refresh to see it.',
      'task-claimed': 'Another clerk has claimed this task.',
      'case-suspended': 'The case waits for the applicant to supplement; its clocks are paused and this task cannot be completed until then.',
      'feel-budget-exceeded': 'A condition of the workflow could not be evaluated within its time and memory budget, so this step did not happen and an incident was recorded on the case. Tell an administrator; you may submit again with other form data.',
      'task-forbidden': 'You may not handle this task: it belongs to another department or role.',
      'case-forbidden': 'You may not see this case: it is outside your jurisdiction or department.',
      'monitor-forbidden': 'Your account has nothing to monitor.',
      'inbox-forbidden': 'Your account has no inbox.',
      'case-not-found': 'There is no such case.',
      'task-not-found': 'There is no such task.',
      'network-error': 'The service cannot be reached. Check the network and try again.',
    } as Record<string, string>,
    conflict: 'This clashes with the current state. Refresh and try again.',
    forbidden: 'You may not do this.',
    notFound: 'The record does not exist.',
    invalid: (message: string) => `The input is not valid: ${message}`,
    server: 'The service failed; please try again later.',
    unknown: (message: string) => `That did not work: ${message}`,
    field: (field: string) => ` (field: ${field})`,
  },
);
