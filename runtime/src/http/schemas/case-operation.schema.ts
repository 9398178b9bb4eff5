import { z } from '@hono/zod-openapi';
import { suspensionReasons } from '@tongban/engine';
import { idParamSchema } from './common.schema.ts';
import { DATA_LIMITS, freeFormObject } from './free-form.schema.ts';

/** `POST /cases/{id}/withdraw`: the applicant's withdrawal, with an optional reason. */
export const withdrawBodySchema = z
  .strictObject({
    reason: z.string().trim().min(1).max(2_000).optional().openapi({ example: '不再开店' }),
  })
  .openapi('WithdrawRequest');

/** `POST /cases/{id}/suspend`: a period the law does not count, and who orders it. */
export const suspendBodySchema = z
  .strictObject({
    reason: z.enum(suspensionReasons).openapi({ description: '行政许可法 art. 45: hearing, testing, inspection, expert review, appraisal' }),
    taskId: idParamSchema.optional().openapi({ description: 'The open task whose clerk orders it; without it a manager suspends the case as a whole' }),
    comment: z.string().max(4_000).optional(),
  })
  .openapi('SuspendRequest');

/** `POST /cases/{id}/resume`: what the uncounted period produced, merged into the case data. */
export const resumeBodySchema = z
  .strictObject({
    data: freeFormObject(DATA_LIMITS, 'What the uncounted period produced (a test result, an expert opinion); merged into the case data')
      .optional()
      .openapi({ example: { expertOpinion: '符合' } }),
    comment: z.string().max(4_000).optional(),
  })
  .openapi('ResumeRequest');
