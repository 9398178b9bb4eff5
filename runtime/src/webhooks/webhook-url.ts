import { InvalidInputError } from '../errors/index.ts';
import type { EgressPolicy } from '../egress/index.ts';

/** Longest webhook URL accepted, in characters. */
export const MAX_WEBHOOK_URL_LENGTH = 2_048;

/**
 * Checks a webhook URL and answers it normalised: absolute, `http:` or `https:`, no user name or
 * password in it (a secret in a URL ends up in logs), no fragment, and a host `policy` does not
 * refuse outright (an address literal outside the public ranges, `localhost`: reason
 * `private-address`, with the address and its `range`; a host name is checked again against the
 * addresses it resolves to at every delivery). Refusals are 400 `invalid-webhook-url` naming the
 * field `url` and the reason.
 */
export function checkWebhookUrl(input: string, policy: EgressPolicy): string {
  const refuse = (reason: string, message: string, more: Record<string, unknown> = {}): never => {
    throw new InvalidInputError('invalid-webhook-url', `Webhook URL ${message}`, { field: 'url', reason, ...more });
  };
  if (input.length > MAX_WEBHOOK_URL_LENGTH) refuse('too-long', `is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return refuse('not-a-url', 'is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') refuse('scheme', `must use http or https, not '${url.protocol.replace(/:$/, '')}'`);
  if (url.username !== '' || url.password !== '') refuse('credentials', 'must not carry a user name or password: sign with the secret instead');
  if (url.hash !== '') refuse('fragment', 'must not carry a fragment');
  if (url.hostname === '') refuse('host', 'has no host');
  const refused = policy.refusalOfHost(url.hostname);
  if (refused !== undefined) {
    refuse('private-address', `must reach a public address; '${url.hostname}' is a ${refused.range} address`, { address: refused.address, range: refused.range });
  }
  return url.toString();
}
