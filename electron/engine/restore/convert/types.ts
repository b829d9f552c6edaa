import type {
  AppendBlockChildrenParameters,
  BlockObjectRequest,
  CreateCommentParameters,
  CreateDatabaseParameters,
  CreatePageParameters,
  UpdateDataSourceParameters,
} from '@notionhq/client';

export type { BlockObjectRequest };

/** One item of a rich-text array in a request (text, mention or equation). */
export type RichTextItemRequest = Extract<BlockObjectRequest, { paragraph: unknown }>['paragraph']['rich_text'][number];

/** A page property value in pages.create / pages.update. */
export type PropertyRequest = NonNullable<CreatePageParameters['properties']>[string];

/** A property definition in databases.create `initial_data_source` / dataSources.create. */
export type PropertySchemaRequest = NonNullable<NonNullable<CreateDatabaseParameters['initial_data_source']>['properties']>[string];

/** A property change in dataSources.update (relations, rollups, formulas added after the databases exist). */
export type PropertyUpdateRequest = Exclude<NonNullable<UpdateDataSourceParameters['properties']>[string], null | { name: string }>;

/** Where blocks.children.append and pages.create put what they create among the parent's children. */
export type AppendPosition = NonNullable<AppendBlockChildrenParameters['position']>;

export type IconRequest = NonNullable<CreatePageParameters['icon']>;
export type CoverRequest = NonNullable<CreatePageParameters['cover']>;
export type CommentAttachmentRequest = NonNullable<CreateCommentParameters['attachments']>[number];

export type { LossKind } from '../../../../shared/restore-losses';
import type { LossKind } from '../../../../shared/restore-losses';

/** Something the restore could not bring back exactly as it was (reported to the user, never fatal). */
export interface LossRecord {
  kind: LossKind;
  objectId: string;
  detail: string;
}

/** What the converters need from the restore run; they never call Notion themselves. */
export interface ConvertContext {
  /** old id → new id for pages, databases, data sources and synced-original blocks already created */
  newIdFor(oldId: string): string | undefined;
  /** old id → title, for objects in the snapshot (to turn links to objects outside the restore into text) */
  titleOf(oldId: string): string | undefined;
  /** old user id → user id in the target workspace (mapped by email by the caller), or undefined */
  userFor(oldUserId: string): string | undefined;
  /**
   * a stored file reference ("block:<id>", "page:<id>:cover", "property:<pageId>:<propId>:<n>",
   * "comment:<id>:<n>", "block:<id>:icon", "database:<id>:icon") → an uploaded file_upload id, or undefined
   */
  uploadFor(ref: string): string | undefined;
  /** whether the target workspace has a custom emoji with this id (listed once per restore) */
  customEmojiExists?(id: string): boolean;
  recordLoss(loss: LossRecord): void;
}

export interface ConvertedBlock {
  /**
   * request payload WITHOUT children (the orchestrator attaches converted children), or null when the
   * block cannot be created. `type` is always set. column_list, column, table and tab carry an empty
   * `children` array because Notion requires their children in the creating request: fill it
   * (see `withChildren`).
   */
  payload: BlockObjectRequest | null;
  /** extra sibling payloads to create right after (e.g. a paragraph whose text needed > 100 rich-text items continues in more paragraphs) */
  continuation: BlockObjectRequest[];
  /** whether the created block can take children (toggle, lists, to_do, quote, callout, toggleable headings, column_list/column, table, synced original, …) */
  acceptsChildren: boolean;
}

export interface SchemaRelationPlan {
  name: string;
  targetOldDataSourceId: string;
  /** two-way: the reverse property Notion creates on the target, under this name */
  dual: { syncedPropertyName: string } | null;
}

export interface SchemaRollupPlan {
  name: string;
  relationProperty: string;
  rollupProperty: string;
  function: string;
}

export interface SchemaFormulaPlan {
  name: string;
  /** `{{notion:block_property:…}}` tokens already rewritten to prop("Name") */
  expression: string;
}

export interface SchemaPlan {
  /** properties for databases.create initial_data_source / dataSources.create: everything except relations, rollups, formulas */
  initial: Record<string, PropertySchemaRequest>;
  /** relation properties to add with dataSources.update after all databases exist; two-way pairs appear on one side only */
  relations: SchemaRelationPlan[];
  rollups: SchemaRollupPlan[];
  /** in dependency order (a formula comes after the formulas it uses) */
  formulas: SchemaFormulaPlan[];
  losses: LossRecord[];
}

/** Stored (response-form) property of a data source schema. */
export interface StoredSchemaProperty {
  id?: string;
  name?: string;
  type: string;
  description?: string | null;
  [config: string]: unknown;
}

export interface SchemaPlanHelpers {
  /** name of a property of another data source of the snapshot, by its (possibly URL-encoded) id */
  propertyNameLookup?(dataSourceId: string, propertyId: string): string | undefined;
  /** whether a data source is part of the restore; relations to one that is not are left out (with a loss) */
  isDataSourceRestored?(dataSourceId: string): boolean;
}
