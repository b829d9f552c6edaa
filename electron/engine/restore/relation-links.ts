import type { DatabasePlan } from './database-plan';
import type { RestoreRun } from './run';

/** Notion takes at most 100 related pages in one request. */
const MAX_RELATIONS_PER_REQUEST = 100;

/**
 * Relation values with as few requests as possible: a row's relation is sent with the row itself when
 * every related row already exists, and the reverse side of a two-way relation, which Notion fills in
 * by itself, is not sent again.
 */
export class RelationLinks {
  /** `<data source>|<property>` → the other side of its two-way relation. */
  private readonly reverse = new Map<string, { dataSource: string; property: string }>();
  /** `<row>|<property>|<related row>` known to be set (by the row, or from the other side). */
  private readonly linked = new Set<string>();

  constructor(
    private readonly run: RestoreRun,
    databases: DatabasePlan[],
  ) {
    for (const source of databases.flatMap((database) => database.sources)) {
      for (const relation of source.plan.relations) {
        if (!relation.dual) continue;
        this.reverse.set(`${source.oldId}|${relation.name}`, { dataSource: relation.targetOldDataSourceId, property: relation.dual.syncedPropertyName });
        this.reverse.set(`${relation.targetOldDataSourceId}|${relation.dual.syncedPropertyName}`, { dataSource: source.oldId, property: relation.name });
      }
    }
  }

  /**
   * Splits a row's relations into values to send with the row (every related row exists) and those
   * that wait until every row exists. Once the row is created with them, call markSet.
   */
  atCreation(
    relations: Array<{ property: string; oldIds: string[] }>,
  ): { now: Record<string, { relation: Array<{ id: string }> }>; later: Array<{ property: string; oldIds: string[] }> } {
    const now: Record<string, { relation: Array<{ id: string }> }> = {};
    const later: Array<{ property: string; oldIds: string[] }> = [];
    for (const relation of relations) {
      const ids = relation.oldIds.map((oldId) => this.run.newIdFor(oldId));
      if (relation.oldIds.length > MAX_RELATIONS_PER_REQUEST || ids.some((id) => id === undefined)) {
        later.push(relation);
        continue;
      }
      now[relation.property] = { relation: ids.map((id) => ({ id: id ?? '' })) };
    }
    return { now, later };
  }

  /** Records values a row now holds; the rows on the other side of a two-way relation hold this row. */
  markSet(rowOldId: string, dataSourceOldId: string, property: string, relatedOldIds: string[]): void {
    const other = this.reverse.get(`${dataSourceOldId}|${property}`);
    for (const related of relatedOldIds) {
      this.linked.add(`${rowOldId}|${property}|${related}`);
      if (other) this.linked.add(`${related}|${other.property}|${rowOldId}`);
    }
  }

  /** True when every value is already set, directly or through the other side of a two-way relation. */
  isSet(rowOldId: string, property: string, relatedOldIds: string[]): boolean {
    return relatedOldIds.every((related) => this.linked.has(`${rowOldId}|${property}|${related}`));
  }
}
