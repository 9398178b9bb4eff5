import { createHash } from 'node:crypto';
import type { RegisteredService } from '../service-description.ts';
import type { ServiceHandler } from '../service-handler.ts';
import { verifyUscc } from '../uscc.ts';
import { textParam } from '../service-params.ts';

/**
 * `issue-e-licence`: issues an electronic licence and records its number in the case data. The
 * number is `<prefix><division><serial>`: the prefix (default `JY`, 食品经营许可证), the six-digit
 * division code of the applicant's credit code (`000000` when it has none that is valid), and an
 * eight-digit serial drawn from a SHA-256 of the case and node ids, so every attempt and every
 * retry of the invocation issues the same number.
 *
 * Params (all optional): `field` (where the number goes; default `eLicenceNumber`), `prefix`
 * (default `JY`), `creditCodeField` (default `unifiedSocialCreditCode`).
 */
export const issueELicenceHandler: ServiceHandler = async ({ params, data, caseId, nodeId }) => {
  const field = textParam(params, 'field', 'eLicenceNumber');
  const prefix = textParam(params, 'prefix', 'JY');
  const creditCode = data[textParam(params, 'creditCodeField', 'unifiedSocialCreditCode')];
  const verdict = typeof creditCode === 'string' ? verifyUscc(creditCode) : undefined;
  const division = verdict?.valid ? verdict.divisionCode : '000000';
  const digest = createHash('sha256').update(`${caseId}/${nodeId}`).digest();
  const serial = String(digest.readUInt32BE(0) % 100_000_000).padStart(8, '0');
  return { data: { [field]: `${prefix}${division}${serial}` } };
};

/** `issue-e-licence` with its parameters, as the registry lists it. */
export const issueELicenceService: RegisteredService = {
  handler: issueELicenceHandler,
  description: 'Issues an electronic licence and records its number in the case data',
  params: [
    { name: 'field', type: 'string', required: false, default: 'eLicenceNumber', description: 'Where the licence number goes' },
    { name: 'prefix', type: 'string', required: false, default: 'JY', description: 'The first letters of the number' },
    { name: 'creditCodeField', type: 'string', required: false, default: 'unifiedSocialCreditCode', description: "The case-data field holding the applicant's credit code" },
  ],
};
