import type { OrganisationSeed } from '../seed/organisation-seed.ts';

/**
 * The demo logins as a few printable lines: the shared password, then the usernames grouped by the
 * part before the dot (`city`, `huangpu`, ...), each with its roles.
 */
export function formatDemoLogins(seed: OrganisationSeed): string[] {
  const groups = new Map<string, string[]>();
  for (const user of seed.users) {
    const group = user.username.includes('.') ? (user.username.split('.')[0] ?? user.username) : 'system';
    const entries = groups.get(group) ?? [];
    entries.push(`${user.username} (${user.roles.join(', ')})`);
    groups.set(group, entries);
  }
  const width = Math.max(...[...groups.keys()].map((group) => group.length));
  return [
    `Demo logins, password ${seed.demoPassword}:`,
    ...[...groups].map(([group, entries]) => `  ${`${group}:`.padEnd(width + 2)}${entries.join(' · ')}`),
  ];
}
