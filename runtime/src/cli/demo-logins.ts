import type { OrganisationSeed } from '../seed/organisation-seed.ts';

/**
 * The demo logins by the part of the username before the dot (`city`, `huangpu`, ...): each group's
 * usernames with their roles, e.g. `huangpu.intake (clerk) · huangpu.review (reviewer)`.
 */
export function demoLogins(seed: OrganisationSeed): Record<string, string> {
  const groups = new Map<string, string[]>();
  for (const user of seed.users) {
    const group = user.username.includes('.') ? (user.username.split('.')[0] ?? user.username) : 'system';
    groups.set(group, [...(groups.get(group) ?? []), `${user.username} (${user.roles.join(', ')})`]);
  }
  return Object.fromEntries([...groups].map(([group, entries]) => [group, entries.join(' · ')]));
}
