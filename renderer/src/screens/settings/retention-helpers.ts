import type { RetentionPolicy } from '../../../../shared/schedule';
import { scheduleStrings } from '../../strings-schedule';
import { parseWholeNumber } from './schedule-helpers';

const t = scheduleStrings.retention;

export type PolicyField = keyof RetentionPolicy;
export type PolicyDraft = Record<PolicyField, string>;
export const POLICY_FIELDS: readonly PolicyField[] = ['last', 'daily', 'weekly', 'monthly'];

export function draftFromPolicy(policy: RetentionPolicy): PolicyDraft {
  return { last: String(policy.last), daily: String(policy.daily), weekly: String(policy.weekly), monthly: String(policy.monthly) };
}

/** The policy the fields describe (last 1–1000, the others 0–1000), or a message per wrong field. */
export function policyFromDraft(draft: PolicyDraft): { policy: RetentionPolicy; errors: null } | { policy: null; errors: Partial<Record<PolicyField, string>> } {
  const last = parseWholeNumber(draft.last, 1, 1000);
  const daily = parseWholeNumber(draft.daily, 0, 1000);
  const weekly = parseWholeNumber(draft.weekly, 0, 1000);
  const monthly = parseWholeNumber(draft.monthly, 0, 1000);
  if (last !== null && daily !== null && weekly !== null && monthly !== null) return { policy: { last, daily, weekly, monthly }, errors: null };
  const errors: Partial<Record<PolicyField, string>> = {};
  if (last === null) errors.last = t.lastInvalid;
  if (daily === null) errors.daily = t.countInvalid;
  if (weekly === null) errors.weekly = t.countInvalid;
  if (monthly === null) errors.monthly = t.countInvalid;
  return { policy: null, errors };
}

/** The first 12 hex characters of a snapshot id, as plakar shows them. */
export function shortId(id: string): string {
  return id.slice(0, 12);
}
