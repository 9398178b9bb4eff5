import { afterAll, describe, expect, it } from 'vitest';
import { createEgressDispatcher, EgressPolicy } from '../egress/index.ts';
import { invocationSpecOf } from './invocation-book.ts';
import { builtInServices, ServiceRegistry } from './service-registry.ts';

const policy = EgressPolicy.allowing([]);
const dispatcher = createEgressDispatcher(policy);
const builtIn = builtInServices({ policy, dispatcher });

afterAll(() => dispatcher.close());

describe('ServiceRegistry', () => {
  it('describes every built-in service with its parameters and defaults, by name', () => {
    const described = new ServiceRegistry(builtIn).describe();
    expect(described.map((service) => service.name)).toEqual(['http-call', 'issue-e-licence', 'verify-business-licence']);
    const verify = described.find((service) => service.name === 'verify-business-licence');
    expect(verify?.params.map((param) => [param.name, param.type, param.required, param.default])).toEqual([
      ['field', 'string', false, 'unifiedSocialCreditCode'],
      ['resultField', 'string', false, 'businessLicenceVerified'],
      ['problemField', 'string', false, 'businessLicenceProblem'],
    ]);
    expect(described.find((service) => service.name === 'http-call')?.params.find((param) => param.name === 'url')?.required).toBe(true);
  });

  it('lists a bare handler a deployment adds without parameters, and runs it by name', async () => {
    const registry = new ServiceRegistry(builtIn, { registry: async () => ({ data: { ref: 'R-1' } }) });
    expect(registry.describe().find((service) => service.name === 'registry')).toEqual({ name: 'registry', description: '', params: [] });
    expect(registry.get('registry')).toBeTypeOf('function');
  });
});

describe('invocationSpecOf', () => {
  it("hands a handler the parameters the serviceTask's definition gives it", () => {
    const spec = invocationSpecOf({
      serviceId: 'verify#1',
      nodeId: 'verify',
      implementation: { handler: 'verify-business-licence', params: { resultField: 'licenceOk' } },
      retry: null,
    });
    expect(spec.service).toBe('verify-business-licence');
    expect(spec.params).toEqual({ resultField: 'licenceOk' });
  });
});
