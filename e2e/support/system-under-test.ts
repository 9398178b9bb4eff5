/** Environment variables through which the global setup tells the test workers where the system runs. */
export const systemVariables = {
  url: 'TONGBAN_E2E_URL',
  intakeApiKey: 'TONGBAN_E2E_INTAKE_API_KEY',
} as const;

/** Where the system started by the global setup answers, and its intake API key. */
export interface SystemUnderTest {
  url: string;
  intakeApiKey: string;
}

/** Reads what the global setup published; throws when a test runs without it. */
export function systemUnderTest(env: NodeJS.ProcessEnv = process.env): SystemUnderTest {
  const url = env[systemVariables.url];
  const intakeApiKey = env[systemVariables.intakeApiKey];
  if (url === undefined || intakeApiKey === undefined) {
    throw new Error(`${systemVariables.url} and ${systemVariables.intakeApiKey} are unset: run the suite with playwright test, whose global setup starts Tongban`);
  }
  return { url, intakeApiKey };
}
