import type { ServiceImplementation, ServiceParamValue, ServiceRetry, ServiceTask } from '@tongban/engine';
import { Alert, Checkbox, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useMessages } from '../../i18n/index.ts';
import type { RegisteredService, ServiceParam } from '../design-api.ts';
import { panelMessages } from './panel.messages.ts';

type HandlerImplementation = Extract<ServiceImplementation, { handler: string }>;
const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** One parameter of the chosen service as a form input of its type. */
/**
 * The registry's words for a service, in the console's language: the built-in services have Chinese
 * texts here; any other, and English, show what `GET /services` says.
 */
function useServiceTexts(service: RegisteredService | undefined) {
  const texts = useMessages(panelMessages).serviceTexts[service?.name ?? ''];
  return {
    description: texts?.description ?? service?.description ?? '',
    param: (param: ServiceParam) => texts?.params[param.name] ?? param.description,
  };
}

function ParamInput({ param, value, onChange }: { param: ServiceParam; value: ServiceParamValue | undefined; onChange(value: ServiceParamValue | undefined): void }) {
  const testId = `service-param-${param.name}`;
  const placeholder = param.default === undefined ? undefined : String(param.default);
  if (param.type === 'boolean') {
    return <Switch size="small" checked={value === undefined ? param.default === true : value === true} onChange={(checked) => onChange(checked)} data-testid={testId} />;
  }
  if (param.type === 'number') {
    return (
      <InputNumber
        size="small"
        style={{ width: '100%' }}
        value={typeof value === 'number' ? value : null}
        placeholder={placeholder}
        onChange={(next) => onChange(typeof next === 'number' ? next : undefined)}
        aria-label={param.name}
        data-testid={testId}
      />
    );
  }
  return (
    <Input
      size="small"
      value={typeof value === 'string' ? value : ''}
      placeholder={placeholder}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      status={param.required && (value === undefined || value === '') ? 'error' : undefined}
      aria-label={param.name}
      data-testid={testId}
    />
  );
}

/**
 * A serviceTask's implementation and retry policy: a service the runtime registered
 * (`GET /services`), with its parameters as a form of their types, or an HTTP call; retries with
 * fixed or exponential delays.
 */
export function ServiceTaskEditor({
  node,
  services,
  onChange,
}: {
  node: ServiceTask;
  services: readonly RegisteredService[] | undefined;
  onChange(node: ServiceTask, field: string): void;
}) {
  const t = useMessages(panelMessages);
  const implementation = node.implementation;
  const isHandler = 'handler' in implementation;
  const chosen = isHandler ? services?.find((service) => service.name === implementation.handler) : undefined;
  const texts = useServiceTexts(chosen);
  const setImplementation = (next: ServiceImplementation) => onChange({ ...node, implementation: next }, 'implementation');
  const setParam = (handler: HandlerImplementation, name: string, value: ServiceParamValue | undefined) => {
    const params = { ...handler.params };
    if (value === undefined) delete params[name];
    else params[name] = value;
    setImplementation(Object.keys(params).length === 0 ? { handler: handler.handler } : { handler: handler.handler, params });
  };
  const setRetry = (retry: ServiceRetry | undefined) => {
    const { retry: _old, ...rest } = node;
    onChange(retry === undefined ? rest : { ...rest, retry }, 'retry');
  };
  const serviceOptions = (services ?? []).map((service) => ({ value: service.name, label: service.name, title: service.description }));
  if (isHandler && !serviceOptions.some((option) => option.value === implementation.handler)) {
    serviceOptions.push({ value: implementation.handler, label: implementation.handler, title: '' });
  }
  return (
    <>
      <Form.Item label={t.serviceKind}>
        <Select
          value={isHandler ? 'handler' : 'http'}
          onChange={(kind: 'handler' | 'http') =>
            setImplementation(kind === 'http' ? { http: { method: 'POST', url: 'https://' } } : { handler: services?.[0]?.name ?? 'handler' })
          }
          options={[
            { value: 'handler', label: t.kindHandler },
            { value: 'http', label: t.kindHttp },
          ]}
          aria-label={t.serviceKind}
          data-testid="service-kind"
        />
      </Form.Item>
      {isHandler ? (
        <>
          <Form.Item label={t.service}>
            <Select
              showSearch
              value={implementation.handler}
              placeholder={t.servicePlaceholder}
              onChange={(handler: string) => setImplementation({ handler })}
              options={serviceOptions}
              aria-label={t.service}
              data-testid="service-handler"
            />
          </Form.Item>
          {texts.description !== '' && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -8 }} data-testid="service-description">
              {texts.description}
            </Typography.Paragraph>
          )}
          {services !== undefined && chosen === undefined && <Alert type="error" showIcon title={t.unknownService(implementation.handler)} style={{ marginBottom: 8 }} data-testid="service-unknown" />}
          {chosen !== undefined && (
            <Flex vertical gap={6} data-testid="service-params">
              <Typography.Text strong>{t.params}</Typography.Text>
              {chosen.params.length === 0 && <Typography.Text type="secondary">{t.noParams}</Typography.Text>}
              {chosen.params.map((param) => (
                <Form.Item
                  key={param.name}
                  label={<code>{param.name}</code>}
                  required={param.required}
                  extra={param.default === undefined ? texts.param(param) : `${texts.param(param)} · ${t.paramDefault(String(param.default))}`}
                  style={{ marginBottom: 6 }}
                >
                  <ParamInput param={param} value={implementation.params?.[param.name]} onChange={(value) => setParam(implementation, param.name, value)} />
                </Form.Item>
              ))}
            </Flex>
          )}
        </>
      ) : (
        <Flex vertical gap={4}>
          <Flex gap={6}>
            <Select
              value={implementation.http.method}
              onChange={(method: (typeof httpMethods)[number]) => setImplementation({ http: { ...implementation.http, method } })}
              options={httpMethods.map((method) => ({ value: method, label: method }))}
              aria-label={t.httpMethod}
              data-testid="service-http-method"
              style={{ width: 100 }}
            />
            <Input
              value={implementation.http.url}
              onChange={(event) => setImplementation({ http: { ...implementation.http, url: event.target.value } })}
              aria-label={t.httpUrl}
              data-testid="service-http-url"
            />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="service-http-hint">
            {t.httpUrlHint}
          </Typography.Text>
        </Flex>
      )}
      <Form.Item label={t.retry} style={{ marginTop: 8 }}>
        <Flex vertical gap={6}>
          <Checkbox
            checked={node.retry !== undefined}
            onChange={(event) => setRetry(event.target.checked ? { attempts: 3, backoff: { type: 'exponential', delaySeconds: 30 } } : undefined)}
            data-testid="service-retry-enabled"
          >
            {t.retryEnabled}
          </Checkbox>
          {node.retry !== undefined && (
            <Flex gap={6} wrap>
              <InputNumber
                size="small"
                min={0}
                max={25}
                value={node.retry.attempts}
                onChange={(attempts) => typeof attempts === 'number' && node.retry && setRetry({ ...node.retry, attempts })}
                addonBefore={t.retryAttempts}
                aria-label={t.retryAttempts}
                data-testid="service-retry-attempts"
                style={{ width: 150 }}
              />
              <Select
                size="small"
                value={node.retry.backoff.type}
                onChange={(type: 'fixed' | 'exponential') => node.retry && setRetry({ ...node.retry, backoff: { ...node.retry.backoff, type } })}
                options={[
                  { value: 'fixed', label: t.backoffFixed },
                  { value: 'exponential', label: t.backoffExponential },
                ]}
                aria-label={t.retryBackoff}
                data-testid="service-retry-backoff"
                style={{ width: 110 }}
              />
              <InputNumber
                size="small"
                min={1}
                value={node.retry.backoff.delaySeconds}
                onChange={(delaySeconds) =>
                  typeof delaySeconds === 'number' && delaySeconds > 0 && node.retry && setRetry({ ...node.retry, backoff: { ...node.retry.backoff, delaySeconds } })
                }
                addonBefore={t.retryDelay}
                aria-label={t.retryDelay}
                data-testid="service-retry-delay"
                style={{ width: 170 }}
              />
            </Flex>
          )}
        </Flex>
      </Form.Item>
    </>
  );
}
