import { describe, expect, it } from 'vitest';
import { rewriteFormula } from './formula';
import { buildFormulaRequest, buildRelationRequest, buildRollupRequest, planSchema } from './schema';
import type { StoredSchemaProperty } from './types';

const PROJECTS = '11111111-1111-4111-8111-111111111111';
const TASKS = '22222222-2222-4222-8222-222222222222';
const ZERO = '00000000-0000-0000-0000-000000000000';

const projects: Record<string, StoredSchemaProperty> = {
  Name: { id: 'title', name: 'Name', type: 'title', title: {} },
  Budget: { id: 'QhsH', name: 'Budget', type: 'number', number: { format: 'dollar' }, description: 'In USD' },
  Stage: {
    id: '%3F_or',
    type: 'select',
    select: { options: [{ id: 'a', name: 'Idea', color: 'gray', description: null }, { id: 'b', name: 'Active', color: 'blue', description: 'Work' }] },
  },
  Status: {
    id: 'st',
    type: 'status',
    status: { options: [{ id: 's1', name: 'Not started', color: 'default' }], groups: [{ id: 'g', name: 'To-do', option_ids: ['s1'] }] },
  },
  ID: { id: 'uid', type: 'unique_id', unique_id: { prefix: 'PRJ' } },
  Created: { id: 'ct', type: 'created_time', created_time: {} },
  Action: { id: 'btn', type: 'button', button: {} },
  Verification: { id: 'ver', type: 'verification', verification: {} },
  Tasks: {
    id: 'O_%7DL',
    type: 'relation',
    relation: { data_source_id: TASKS, type: 'dual_property', dual_property: { synced_property_id: 'V4bI', synced_property_name: 'Project' } },
  },
  'Task count': {
    id: '72Ph',
    type: 'rollup',
    rollup: { function: 'count', relation_property_id: 'O_%7DL', relation_property_name: 'Tasks', rollup_property_id: 'title', rollup_property_name: 'Name' },
  },
  Score: { id: 'gyj%60', type: 'formula', formula: { expression: `{{notion:block_property:QhsH:${ZERO}:0a0a0a0a-0000-4000-8000-000000000000}} / 1000` } },
};

const tasks: Record<string, StoredSchemaProperty> = {
  Name: { id: 'title', type: 'title', title: {} },
  Done: { id: 'jLTQ', type: 'checkbox', checkbox: {} },
  Project: {
    id: 'V4bI',
    type: 'relation',
    relation: { data_source_id: PROJECTS, type: 'dual_property', dual_property: { synced_property_id: 'O_%7DL', synced_property_name: 'Tasks' } },
  },
  'Project budget': { id: 'pb', type: 'rollup', rollup: { function: 'sum', relation_property_name: 'Project', rollup_property_name: 'Budget' } },
};

describe('planSchema', () => {
  it('puts scalar properties in the initial schema, keeping options, formats, prefixes and descriptions', () => {
    const plan = planSchema({ id: PROJECTS, properties: projects });
    expect(plan.initial).toEqual({
      Name: { type: 'title', title: {} },
      Budget: { description: 'In USD', type: 'number', number: { format: 'dollar' } },
      Stage: { type: 'select', select: { options: [{ name: 'Idea', color: 'gray' }, { name: 'Active', color: 'blue', description: 'Work' }] } },
      Status: { type: 'status', status: { options: [{ name: 'Not started', color: 'default' }] } },
      ID: { type: 'unique_id', unique_id: { prefix: 'PRJ' } },
      Created: { type: 'created_time', created_time: {} },
      Action: { type: 'button', button: {} },
    });
    expect(plan.losses.map((loss) => loss.kind).sort()).toEqual(['other', 'status-group']);
    expect(plan.losses.every((loss) => loss.objectId === PROJECTS)).toBe(true);
  });

  it('plans a two-way relation on exactly one side', () => {
    const projectPlan = planSchema({ id: PROJECTS, properties: projects });
    const taskPlan = planSchema({ id: TASKS, properties: tasks });
    expect(projectPlan.relations).toEqual([{ name: 'Tasks', targetOldDataSourceId: TASKS, dual: { syncedPropertyName: 'Project' } }]);
    expect(taskPlan.relations).toEqual([]);
    // Rollups on the reverse side still count on the relation Notion creates there.
    expect(taskPlan.rollups).toEqual([{ name: 'Project budget', relationProperty: 'Project', rollupProperty: 'Budget', function: 'sum' }]);
    expect(projectPlan.rollups).toEqual([{ name: 'Task count', relationProperty: 'Tasks', rollupProperty: 'Name', function: 'count' }]);
  });

  it('rewrites formula tokens of its own and of other data sources', () => {
    const plan = planSchema({ id: PROJECTS, properties: projects });
    expect(plan.formulas).toEqual([{ name: 'Score', expression: 'prop("Budget") / 1000' }]);
    const lookup = (dataSourceId: string, propertyId: string) => (dataSourceId === TASKS && propertyId === 'jLTQ' ? 'Done' : undefined);
    const rewrite = rewriteFormula(
      `{{notion:block_property:O_%257DL:${PROJECTS}:u1}}.filter(current.{{notion:block_property:jLTQ:${TASKS.replace(/-/g, '')}:u2}}).length()`,
      { ownDataSourceId: PROJECTS, ownNameById: (id) => (id === 'O_%7DL' ? 'Tasks' : undefined), propertyNameLookup: lookup },
    );
    expect(rewrite).toEqual({ expression: 'prop("Tasks").filter(current.prop("Done")).length()', unresolved: [], ownReferences: ['Tasks'] });
    expect(rewriteFormula('{{notion:block_property:x:0:u}}', { ownDataSourceId: PROJECTS, ownNameById: () => 'Say "hi"' }).expression).toBe('prop("Say \\"hi\\"")');
  });

  it('leaves out formulas with unknown tokens or missing properties, and orders formula dependencies', () => {
    const plan = planSchema({
      id: PROJECTS,
      properties: {
        Name: { id: 'title', type: 'title', title: {} },
        Double: { id: 'd', type: 'formula', formula: { expression: 'prop("Base") * 2' } },
        Base: { id: 'b', type: 'formula', formula: { expression: 'prop("Name").length()' } },
        Broken: { id: 'x', type: 'formula', formula: { expression: `{{notion:block_property:nope:${ZERO}:u}}` } },
        UsesVerification: { id: 'y', type: 'formula', formula: { expression: 'prop("Check")' } },
        Check: { id: 'c', type: 'verification', verification: {} },
        UsesBroken: { id: 'z', type: 'formula', formula: { expression: 'prop("UsesVerification")' } },
      },
    });
    expect(plan.formulas.map((formula) => formula.name)).toEqual(['Base', 'Double']);
    expect(plan.losses.filter((loss) => loss.kind === 'formula-reference').map((loss) => loss.detail.split('"')[1])).toEqual(['Broken', 'UsesVerification', 'UsesBroken']);
  });

  it('drops relations to data sources outside the restore, with their rollups', () => {
    const plan = planSchema({ id: PROJECTS, properties: projects }, { isDataSourceRestored: (id) => id !== TASKS });
    expect(plan.relations).toEqual([]);
    expect(plan.rollups).toEqual([]);
    expect(plan.losses.filter((loss) => loss.kind === 'link-outside-restore')).toHaveLength(2);
  });

  it('keeps one-way relations and resolves ids through the lookup helper', () => {
    const plan = planSchema(
      {
        id: TASKS,
        properties: {
          Name: { id: 'title', type: 'title', title: {} },
          Link: { id: 'l', type: 'relation', relation: { data_source_id: PROJECTS, type: 'single_property', single_property: {} } },
          Sum: { id: 's', type: 'rollup', rollup: { function: 'sum', relation_property_id: 'l', rollup_property_id: 'QhsH' } },
        },
      },
      { propertyNameLookup: (dataSourceId, propertyId) => (dataSourceId === PROJECTS && propertyId === 'QhsH' ? 'Budget' : undefined) },
    );
    expect(plan.relations).toEqual([{ name: 'Link', targetOldDataSourceId: PROJECTS, dual: null }]);
    expect(plan.rollups).toEqual([{ name: 'Sum', relationProperty: 'Link', rollupProperty: 'Budget', function: 'sum' }]);
  });
});

describe('dataSources.update payloads', () => {
  it('builds relation, rollup and formula properties', () => {
    expect(buildRelationRequest({ name: 'Tasks', targetOldDataSourceId: TASKS, dual: { syncedPropertyName: 'Project' } }, 'new-tasks')).toEqual({
      type: 'relation',
      relation: { data_source_id: 'new-tasks', type: 'dual_property', dual_property: { synced_property_name: 'Project' } },
    });
    expect(buildRelationRequest({ name: 'Link', targetOldDataSourceId: TASKS, dual: null }, 'new-tasks')).toEqual({
      type: 'relation',
      relation: { data_source_id: 'new-tasks', type: 'single_property', single_property: {} },
    });
    expect(buildRollupRequest({ name: 'Count', relationProperty: 'Tasks', rollupProperty: 'Name', function: 'count' })).toEqual({
      type: 'rollup',
      rollup: { function: 'count', relation_property_name: 'Tasks', rollup_property_name: 'Name' },
    });
    expect(buildFormulaRequest({ name: 'Score', expression: 'prop("Budget")' })).toEqual({ type: 'formula', formula: { expression: 'prop("Budget")' } });
  });
});
