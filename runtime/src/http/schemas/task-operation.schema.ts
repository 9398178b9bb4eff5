import { z } from '@hono/zod-openapi';
import { MAX_COPY_RECIPIENTS } from '../../tasks/task-copies.service.ts';
import { MAX_REASSIGN } from '../../tasks/task-operations.service.ts';
import { MAX_ADDED_SIGNERS } from '../../tasks/task-signers.service.ts';
import { inboxItemSchema } from './task.schema.ts';
import { caseSchema, taskSchema, taskViewSchema } from './case.schema.ts';
import { idParamSchema } from './common.schema.ts';
import { timestampSchema } from './timestamp.schema.ts';

/** A reason: checked by the service, which answers 400 `reason-required` naming the field when it is blank. */
const reasonText = (example: string) => z.string().max(2_000).openapi({ example });

/** `POST /tasks/{id}/unclaim`: why (a manager gives one; the assignee may). */
export const unclaimBodySchema = z.strictObject({ reason: reasonText('另有急件').optional() }).openapi('UnclaimRequest');

/** `POST /tasks/{id}/transfer` and the target of `POST /tasks/reassign`: a user, a department, or a user of that department. */
const handOffTarget = {
  assigneeId: idParamSchema.optional().openapi({ description: 'A user of the task’s department (or of `departmentId`) holding its candidate role' }),
  departmentId: idParamSchema.optional().openapi({ description: 'Another department: the task goes to its queue (or to `assigneeId` there)' }),
  reason: reasonText('承办人休假，转交同事办理'),
};
export const transferBodySchema = z.strictObject(handOffTarget).openapi('TransferRequest');

/** `POST /tasks/{id}/delegate`: the delegatee (any other user) and why. */
export const delegateBodySchema = z
  .strictObject({ assigneeId: idParamSchema.openapi({ description: 'The delegatee' }), reason: reasonText('请法制科出具意见') })
  .openapi('DelegateRequest');

/** `POST /tasks/{id}/resolve`: the delegatee's opinion, kept as a comment. */
export const resolveBodySchema = z.strictObject({ comment: reasonText('经审查，材料合法有效') }).openapi('ResolveRequest');

/** `POST /tasks/{id}/comments`: an opinion (审批意见). */
export const commentBodySchema = z.strictObject({ text: z.string().max(4_000).openapi({ example: '材料齐全，建议通过' }) }).openapi('CommentRequest');

/** A comment on a task. */
export const taskCommentSchema = z
  .object({ authorId: z.string().nullable(), authorName: z.string().nullable(), text: z.string(), at: timestampSchema })
  .openapi('TaskComment');

/** `GET /tasks/{id}`. */
export const taskDetailSchema = z
  .object({
    task: taskViewSchema,
    case: inboxItemSchema.shape.case.extend({ data: z.record(z.string(), z.unknown()).openapi({ description: 'The shared case record' }) }),
    comments: z.array(taskCommentSchema),
  })
  .openapi('TaskDetail');

/** `POST /tasks/{id}/copies`: who reads the case, and why (optional). */
export const copyBodySchema = z
  .strictObject({
    userIds: z.array(idParamSchema).min(1).max(MAX_COPY_RECIPIENTS),
    reason: z.string().max(2_000).optional().openapi({ example: '请知悉' }),
  })
  .openapi('CopyRequest');

/** A copy of a case (抄送). */
export const caseCopySchema = z
  .object({
    id: z.number().int(),
    caseId: z.string(),
    taskId: z.string(),
    userId: z.string(),
    copiedBy: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: timestampSchema,
    readAt: timestampSchema.nullable(),
  })
  .openapi('CaseCopy');

/** One item of the "copied to me" list. */
export const copyItemSchema = caseCopySchema
  .extend({
    read: z.boolean(),
    case: z.object({ id: z.string(), caseNumber: z.string().openapi({ example: 'SH-2026-000123' }), definitionKey: z.string(), status: z.string(), applicant: z.record(z.string(), z.unknown()) }),
    task: z.object({ id: z.string(), nodeId: z.string(), name: z.string() }),
    copiedByName: z.string().nullable(),
  })
  .openapi('CopyItem');

/** `POST /cases/{id}/urge`. */
export const urgeBodySchema = z.strictObject({ message: z.string().max(2_000).optional().openapi({ example: '申请人来电催问进度' }) }).openapi('UrgeRequest');

/** What an urge reached. */
export const urgeResultSchema = z
  .object({
    caseId: z.string(),
    at: timestampSchema,
    recipients: z.array(z.object({ taskId: z.string(), userId: z.string().nullable(), departmentId: z.string() })),
  })
  .openapi('UrgeResult');

/** `POST /tasks/reassign`: a manager's bulk reassignment. */
export const reassignBodySchema = z
  .strictObject({ taskIds: z.array(idParamSchema).min(1).max(MAX_REASSIGN), ...handOffTarget })
  .openapi('ReassignRequest');

/** The result of each task of a bulk reassignment. */
export const reassignResultSchema = z
  .object({
    results: z.array(
      z.union([
        z.object({ taskId: z.string(), ok: z.literal(true), task: taskSchema }),
        z.object({ taskId: z.string(), ok: z.literal(false), error: z.object({ code: z.string(), message: z.string(), status: z.number().int() }) }),
      ]),
    ),
  })
  .openapi('ReassignResult');

/** `POST /tasks/{id}/signers`: who is added (加签), and why. */
export const addSignersBodySchema = z
  .strictObject({
    signers: z
      .array(z.string().max(100))
      .min(1)
      .max(MAX_ADDED_SIGNERS)
      .openapi({ description: 'Usernames of users of the task’s department (a countersignature over assignees), or department kinds (one over departments)' }),
    reason: reasonText('需法制科会签'),
    position: z
      .enum(['before', 'after'])
      .optional()
      .openapi({
        description:
          'On a single (not countersigned) task, one signer (the username of any user but the caller): `before` — the signer approves first, then the task is its assignee’s again (向前加签); `after` — the assignee decides, then the signer approves before the decision takes effect (向后加签). Left out on a countersignature.',
      }),
  })
  .openapi('AddSignersRequest');

/** `POST /tasks/{id}/remove-signer`: why the instance is removed (减签). */
export const removeSignerBodySchema = z.strictObject({ reason: reasonText('该科室不涉及本事项') }).openapi('RemoveSignerRequest');

/** What adding or removing a signer answers. */
export const signersResultSchema = z
  .object({ task: taskSchema, case: caseSchema, createdTasks: z.array(taskSchema), closedTasks: z.array(taskSchema) })
  .openapi('SignersResult');

/** `GET /tasks/{id}/return-preview`: the other open tasks a return would cancel. */
export const returnPreviewSchema = z
  .object({
    taskId: z.string(),
    returnTo: z.string().nullable(),
    cancels: z.array(
      z.object({
        id: z.string(),
        nodeId: z.string(),
        name: z.string(),
        departmentId: z.string(),
        departmentName: z.string().nullable(),
        assigneeId: z.string().nullable(),
        assigneeName: z.string().nullable(),
      }),
    ),
  })
  .openapi('ReturnPreview');

/** `POST /tasks/{id}/withdraw` (撤回): why, optionally. */
export const withdrawBodySchema = z.strictObject({ reason: reasonText('意见填写有误，撤回重办').optional() }).openapi('WithdrawRequest');

/** The result of a withdrawal: the task reopened for its clerk, and the next tasks closed `withdrawn`. */
export const withdrawResultSchema = z
  .object({
    task: taskSchema.openapi({ description: 'The completed node entered again: a new activation, claimed by the clerk, its limits counted afresh' }),
    closedTasks: z.array(taskSchema).openapi({ description: 'The next tasks the completion had opened, closed with reason `withdrawn` (SLA state `cancelled`)' }),
  })
  .openapi('WithdrawResult');
