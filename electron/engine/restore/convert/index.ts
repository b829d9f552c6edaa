/**
 * Pure converters for the restore: what a snapshot stores (Notion API response objects) → valid
 * request payloads, with ids remapped through a ConvertContext. They never call Notion; whatever cannot
 * be brought back exactly is reported through `ctx.recordLoss` (or `SchemaPlan.losses`).
 */
export type {
  AppendPosition,
  BlockObjectRequest,
  CommentAttachmentRequest,
  ConvertContext,
  ConvertedBlock,
  CoverRequest,
  IconRequest,
  LossKind,
  LossRecord,
  PropertyRequest,
  PropertySchemaRequest,
  PropertyUpdateRequest,
  RichTextItemRequest,
  SchemaFormulaPlan,
  SchemaPlan,
  SchemaPlanHelpers,
  SchemaRelationPlan,
  SchemaRollupPlan,
  StoredSchemaProperty,
} from './types';
export { chunkRichText, compactRichText, convertRichText, fitRichText, plainTextOf, remapLinkUrl, splitText, textItems } from './rich-text';
export { convertBlock, withChildren } from './blocks';
export { convertPageProperties, READ_ONLY_PROPERTY_TYPES } from './properties';
export type { ConvertedPageProperties, PagePropertiesOptions } from './properties';
export { buildFormulaRequest, buildRelationRequest, buildRollupRequest, planSchema } from './schema';
export { quoteProp, rewriteFormula } from './formula';
export type { FormulaRewrite } from './formula';
export { convertCover, convertIcon } from './files';
export { convertComment } from './comments';
export type { ConvertedComment } from './comments';
