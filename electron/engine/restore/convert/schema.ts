import { arrayOf, dashedId, fullyDecoded, recordOf, stringOf } from './common';
import { orderFormulas, rewriteFormula } from './formula';
import type {
  LossRecord,
  PropertySchemaRequest,
  PropertyUpdateRequest,
  SchemaFormulaPlan,
  SchemaPlan,
  SchemaPlanHelpers,
  SchemaRelationPlan,
  SchemaRollupPlan,
  StoredSchemaProperty,
} from './types';

type SelectOption = { name: string; color?: SelectColor; description?: string | null };
type SelectColor = NonNullable<Extract<PropertySchemaRequest, { select: unknown }>['select']['options']>[number]['color'];
type RollupFunction = Extract<PropertyUpdateRequest, { rollup: unknown }>['rollup']['function'];

/** Types created as they are, with no configuration. */
const PLAIN_TYPES = new Set([
  'title', 'rich_text', 'url', 'people', 'files', 'email', 'phone_number', 'date', 'checkbox', 'created_by', 'created_time',
  'last_edited_by', 'last_edited_time', 'button', 'location', 'last_visited_time', 'place',
]);

interface DataSourceInput {
  id: string;
  properties: Record<string, StoredSchemaProperty>;
}

interface Planning {
  dataSource: DataSourceInput;
  helpers: SchemaPlanHelpers;
  losses: LossRecord[];
}

function loss(planning: Planning, kind: LossRecord['kind'], detail: string): void {
  planning.losses.push({ kind, objectId: planning.dataSource.id, detail });
}

function ownNameById(dataSource: DataSourceInput, propertyId: string): string | undefined {
  const wanted = fullyDecoded(propertyId);
  return Object.entries(dataSource.properties).find(([, property]) => property.id !== undefined && fullyDecoded(property.id) === wanted)?.[0];
}

/**
 * Splits a stored data source schema into what databases.create can take now and what must wait for
 * every database to exist (relations, then rollups, then formulas). Formula tokens are rewritten to
 * prop("Name"). Two-way relations are planned on one side only: the one whose
 * `<data source id>:<property id>` sorts first.
 */
export function planSchema(dataSource: DataSourceInput, helpers: SchemaPlanHelpers = {}): SchemaPlan {
  const planning: Planning = { dataSource, helpers, losses: [] };
  const plan: SchemaPlan = { initial: {}, relations: [], rollups: [], formulas: [], losses: planning.losses };
  /** relation properties that will exist on this data source (created here or as the reverse of the other side) */
  const relationNames = new Set<string>();
  const statusWithGroups: string[] = [];
  const rollups: Array<[string, StoredSchemaProperty]> = [];
  const formulas: Array<[string, StoredSchemaProperty]> = [];
  for (const [name, property] of Object.entries(dataSource.properties)) {
    if (property.type === 'relation') {
      const relation = planRelation(planning, name, property);
      if (relation === 'dropped') continue;
      relationNames.add(name);
      if (relation !== 'other-side') plan.relations.push(relation);
    } else if (property.type === 'rollup') {
      rollups.push([name, property]);
    } else if (property.type === 'formula') {
      formulas.push([name, property]);
    } else {
      const request = schemaRequest(property);
      if (request) plan.initial[name] = request;
      else loss(planning, 'other', `the "${name}" property (${property.type}) cannot be created through the API and was left out`);
      if (property.type === 'status' && arrayOf(recordOf(property.status).groups).length > 0) statusWithGroups.push(name);
    }
  }
  if (statusWithGroups.length > 0) {
    loss(planning, 'status-group', `status groups of ${statusWithGroups.map((name) => `"${name}"`).join(', ')} are not restored: Notion puts new options in "To-do"`);
  }
  plan.rollups = rollups.flatMap(([name, property]) => planRollup(planning, name, property, relationNames));
  plan.formulas = planFormulas(planning, formulas, new Set([...Object.keys(plan.initial), ...relationNames, ...plan.rollups.map((rollup) => rollup.name)]));
  return plan;
}

function schemaRequest(property: StoredSchemaProperty): PropertySchemaRequest | undefined {
  const type = property.type;
  const config = recordOf(property[type]);
  const description = stringOf(property.description);
  const common = description ? { description } : {};
  if (PLAIN_TYPES.has(type)) return { ...common, type, [type]: {} } as PropertySchemaRequest;
  switch (type) {
    case 'number': {
      const format = stringOf(config.format);
      return { ...common, type, number: format ? { format } : {} };
    }
    case 'select':
      return { ...common, type, select: { options: optionsOf(config.options) } };
    case 'multi_select':
      return { ...common, type, multi_select: { options: optionsOf(config.options) } };
    case 'status':
      return { ...common, type, status: { options: optionsOf(config.options) } };
    case 'unique_id':
      return { ...common, type, unique_id: { prefix: stringOf(config.prefix) || null } };
    default:
      // verification exists only on wikis (which the API cannot create); "unsupported" has no definition.
      return undefined;
  }
}

function optionsOf(raw: unknown): SelectOption[] {
  const seen = new Set<string>();
  const options: SelectOption[] = [];
  for (const item of arrayOf(raw).map(recordOf)) {
    const name = stringOf(item.name);
    if (name === undefined || seen.has(name)) continue;
    seen.add(name);
    const option: SelectOption = { name };
    const color = stringOf(item.color);
    if (color) option.color = color as SelectColor;
    const description = stringOf(item.description);
    if (description) option.description = description;
    options.push(option);
  }
  return options;
}

function planRelation(planning: Planning, name: string, property: StoredSchemaProperty): SchemaRelationPlan | 'other-side' | 'dropped' {
  const { dataSource, helpers } = planning;
  const config = recordOf(property.relation);
  // Snapshots of the 2022-06-28 API name the database; the reader uses its id as the data source id.
  const target = stringOf(config.data_source_id) ?? stringOf(config.database_id);
  if (!target) {
    loss(planning, 'other', `the relation "${name}" has no target and was left out`);
    return 'dropped';
  }
  if (helpers.isDataSourceRestored && !helpers.isDataSourceRestored(target)) {
    loss(planning, 'link-outside-restore', `the relation "${name}" points to a database outside the restore and was left out`);
    return 'dropped';
  }
  const isDual = (stringOf(config.type) ?? (config.dual_property ? 'dual_property' : 'single_property')) === 'dual_property';
  if (!isDual) return { name, targetOldDataSourceId: target, dual: null };
  const dual = recordOf(config.dual_property);
  const syncedId = stringOf(dual.synced_property_id);
  const syncedName = stringOf(dual.synced_property_name) ?? (syncedId ? helpers.propertyNameLookup?.(target, syncedId) : undefined);
  if (!syncedName) {
    loss(planning, 'other', `the two-way relation "${name}" lost its reverse side (its name is not in the backup) and became one-way`);
    return { name, targetOldDataSourceId: target, dual: null };
  }
  const bothIds = property.id !== undefined && syncedId !== undefined;
  const ownKey = `${dashedId(dataSource.id)}:${bothIds ? fullyDecoded(property.id ?? '') : name}`;
  const otherKey = `${dashedId(target)}:${bothIds ? fullyDecoded(syncedId ?? '') : syncedName}`;
  if (ownKey > otherKey) return 'other-side';
  return { name, targetOldDataSourceId: target, dual: { syncedPropertyName: syncedName } };
}

function planRollup(planning: Planning, name: string, property: StoredSchemaProperty, relationNames: Set<string>): SchemaRollupPlan[] {
  const { dataSource, helpers } = planning;
  const config = recordOf(property.rollup);
  const relationId = stringOf(config.relation_property_id);
  const relationProperty = stringOf(config.relation_property_name) ?? (relationId ? ownNameById(dataSource, relationId) : undefined);
  const relationTarget = relationProperty ? recordOf(dataSource.properties[relationProperty]?.relation) : {};
  const targetId = stringOf(relationTarget.data_source_id) ?? stringOf(relationTarget.database_id);
  const rollupId = stringOf(config.rollup_property_id);
  const rollupProperty = stringOf(config.rollup_property_name) ?? (rollupId && targetId ? helpers.propertyNameLookup?.(targetId, rollupId) : undefined);
  const fn = stringOf(config.function);
  if (!relationProperty || !relationNames.has(relationProperty)) {
    loss(planning, 'link-outside-restore', `the rollup "${name}" uses a relation that is not restored and was left out`);
    return [];
  }
  if (!rollupProperty || !fn) {
    loss(planning, 'other', `the rollup "${name}" could not be resolved (missing property or function) and was left out`);
    return [];
  }
  return [{ name, relationProperty, rollupProperty, function: fn }];
}

function planFormulas(planning: Planning, formulas: Array<[string, StoredSchemaProperty]>, existing: Set<string>): SchemaFormulaPlan[] {
  const { dataSource, helpers } = planning;
  const names = {
    ownDataSourceId: dataSource.id,
    ownNameById: (propertyId: string) => ownNameById(dataSource, propertyId),
    ...(helpers.propertyNameLookup ? { propertyNameLookup: helpers.propertyNameLookup } : {}),
  };
  let candidates = formulas.flatMap(([name, property]) => {
    const rewrite = rewriteFormula(stringOf(recordOf(property.formula).expression) ?? '', names);
    if (rewrite.unresolved.length === 0) return [{ name, expression: rewrite.expression, references: rewrite.ownReferences }];
    loss(planning, 'formula-reference', `the formula "${name}" refers to properties that are not in the backup and was left out`);
    return [];
  });
  // A formula using a property that will not exist (or a formula left out) would be refused: leave it out too.
  for (let changed = true; changed; ) {
    const available = new Set([...existing, ...candidates.map((formula) => formula.name)]);
    const kept = candidates.filter((formula) => formula.references.every((reference) => available.has(reference)));
    changed = kept.length !== candidates.length;
    for (const formula of candidates.filter((candidate) => !kept.includes(candidate))) {
      const missing = formula.references.filter((reference) => !available.has(reference));
      loss(planning, 'formula-reference', `the formula "${formula.name}" uses ${missing.map((item) => `"${item}"`).join(', ')}, which is not restored, and was left out`);
    }
    candidates = kept;
  }
  return orderFormulas(candidates).map(({ name, expression }) => ({ name, expression }));
}

/** dataSources.update value adding a relation (two-way: Notion creates the reverse property on the target). */
export function buildRelationRequest(relation: SchemaRelationPlan, newTargetDataSourceId: string): PropertyUpdateRequest {
  if (relation.dual) {
    return {
      type: 'relation',
      relation: { data_source_id: newTargetDataSourceId, type: 'dual_property', dual_property: { synced_property_name: relation.dual.syncedPropertyName } },
    };
  }
  return { type: 'relation', relation: { data_source_id: newTargetDataSourceId, type: 'single_property', single_property: {} } };
}

/** dataSources.update value adding a rollup, by property names (names survive the restore; ids do not). */
export function buildRollupRequest(rollup: SchemaRollupPlan): PropertyUpdateRequest {
  return {
    type: 'rollup',
    rollup: {
      function: rollup.function as RollupFunction,
      relation_property_name: rollup.relationProperty,
      rollup_property_name: rollup.rollupProperty,
    },
  };
}

export function buildFormulaRequest(formula: SchemaFormulaPlan): PropertyUpdateRequest {
  return { type: 'formula', formula: { expression: formula.expression } };
}
