import type { IndexEntry } from '../snapshot/format';
import type { SchemaPlan } from './convert';

/** A database being restored: its new id and, per data source, the new id and schema plan. */
export interface DatabasePlan {
  entry: IndexEntry;
  newDatabaseId: string;
  /** old data source id → new id, and its schema plan. */
  sources: Array<{ oldId: string; newId: string; plan: SchemaPlan; properties: Record<string, { type: string }> }>;
}
