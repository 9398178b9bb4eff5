import { z } from '@hono/zod-openapi';

/**
 * Kinds of identity document an applicant is identified by: 居民身份证, 护照, 港澳居民来往内地通行证,
 * 台湾居民来往大陆通行证, 外国人永久居留身份证, and for a legal person or other organisation its
 * 统一社会信用代码 (GB 32100-2015).
 */
export const applicantIdTypes = ['residentIdCard', 'passport', 'hkMacaoPermit', 'taiwanPermit', 'foreignPermanentResidentCard', 'unifiedSocialCreditCode'] as const;

/** Longest applicant name, in characters. */
export const MAX_APPLICANT_NAME_LENGTH = 200;

/**
 * `applicant` of `POST /cases`: who applies. `name` is required (not blank); the rest is optional,
 * each bounded; `idType` and `idNumber` go together. Any other key is refused, naming it.
 */
export const applicantSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(MAX_APPLICANT_NAME_LENGTH)
      .openapi({ description: 'The applicant: a person’s name or an organisation’s; not blank', example: '张三' }),
    phone: z
      .string()
      .trim()
      .min(3)
      .max(30)
      .regex(/^\+?[0-9() -]+$/, 'must be a telephone number: digits, spaces, hyphens, brackets, a leading +')
      .optional()
      .openapi({ description: 'A telephone number to reach the applicant', example: '13800000000' }),
    email: z.email().max(254).optional().openapi({ example: 'zhangsan@example.cn' }),
    address: z.string().trim().min(1).max(500).optional().openapi({ description: 'A postal address', example: '上海市黄浦区南京东路100号' }),
    idType: z
      .enum(applicantIdTypes)
      .optional()
      .openapi({
        description:
          'The identity document `idNumber` is the number of: `residentIdCard` (居民身份证), `passport`, `hkMacaoPermit` (港澳居民来往内地通行证), `taiwanPermit` (台湾居民来往大陆通行证), `foreignPermanentResidentCard` (外国人永久居留身份证), `unifiedSocialCreditCode` (统一社会信用代码, an organisation)',
      }),
    idNumber: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[0-9A-Za-z()-]+$/, 'must be letters, digits, hyphens and brackets')
      .optional()
      .openapi({ description: 'The number of the document `idType` names; given together with it', example: '310101199001011234' }),
  })
  .superRefine((applicant, context) => {
    if (applicant.idNumber !== undefined && applicant.idType === undefined) {
      context.addIssue({ code: 'custom', path: ['idType'], message: 'is required with idNumber: which document the number is of' });
    }
    if (applicant.idType !== undefined && applicant.idNumber === undefined) {
      context.addIssue({ code: 'custom', path: ['idNumber'], message: `is required with idType '${applicant.idType}'` });
    }
  })
  .openapi('Applicant');
