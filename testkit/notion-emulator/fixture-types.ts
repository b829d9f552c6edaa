// The JSON-serialisable workspace format the emulator loads and dumps.
// Stored values use Notion's response shapes (2026-03-11 naming) with two differences:
// Notion-hosted files are referenced as `{ file_id }` (a signed URL is minted on every read),
// and computed values (created_time, rollups, has_children, urls...) are not stored.

export const WORKSPACE_FIXTURE_FORMAT = 'notion-emulator-workspace@1';

export type JsonObject = { [key: string]: unknown };

/** Rich text item exactly as Notion returns it (type, text|mention|equation, annotations, plain_text, href). */
export type RichTextItem = JsonObject & { type: 'text' | 'mention' | 'equation'; plain_text: string };

/** A hosted file reference inside stored payloads; rendered as `{ url, expiry_time }`. */
export interface HostedFileRef {
  file_id: string;
}

export type FileValue =
  | { type: 'external'; external: { url: string } }
  | { type: 'file'; file: HostedFileRef };

export type IconValue =
  | { type: 'emoji'; emoji: string }
  | { type: 'external'; external: { url: string } }
  | { type: 'file'; file: HostedFileRef }
  | { type: 'custom_emoji'; custom_emoji: { id: string; name: string; url: string } }
  | { type: 'icon'; icon: { name: string; color: string } };

export type FixtureParent =
  | { type: 'workspace' }
  | { type: 'page_id'; page_id: string }
  | { type: 'block_id'; block_id: string }
  | { type: 'data_source_id'; data_source_id: string };

export type DatabaseParent = Exclude<FixtureParent, { type: 'data_source_id' }>;

export interface Timestamps {
  createdTime: string;
  lastEditedTime: string;
  /** user id */
  createdBy: string;
  /** user id */
  lastEditedBy: string;
}

export interface FixtureUser {
  id: string;
  type: 'person' | 'bot';
  name: string;
  avatarUrl: string | null;
  /** person only */
  email?: string;
  /** guests are not returned by users.list */
  guest?: boolean;
  /** bot only; default: owned by the workspace */
  botOwnerUserId?: string;
}

export interface TokenCapabilities {
  readContent: boolean;
  updateContent: boolean;
  insertContent: boolean;
  readComments: boolean;
  insertComments: boolean;
  userInfo: 'none' | 'without_email' | 'with_email';
}

export interface FixtureToken {
  /** key in `RunningEmulator.tokens` */
  name: string;
  /** the bearer secret */
  secret: string;
  /** internal = integration (needs sharing); personal = PAT (acts as a person, sees everything) */
  kind: 'internal' | 'personal';
  /** bot user for internal tokens, the person for personal tokens */
  userId: string;
  capabilities: TokenCapabilities;
  /** page and database ids shared with an internal token (their descendants are visible too) */
  shared: string[];
}

/** A page property value: Notion's value shape without the property id, e.g. `{type:"number", number: 3}`. */
export type StoredPropertyValue = JsonObject & { type: string };

export interface FixturePage extends Timestamps {
  id: string;
  parent: FixtureParent;
  /** by property name; regular pages have just `title` */
  properties: Record<string, StoredPropertyValue>;
  icon: IconValue | null;
  cover: FileValue | null;
  /** ordered ids of the content: block ids, child page ids and child database ids */
  children: string[];
  inTrash?: boolean;
  isLocked?: boolean;
  isArchived?: boolean;
  publicUrl?: string | null;
}

export interface FixtureBlock extends Timestamps {
  id: string;
  /** 2026-03-11 type name (meeting_notes, not transcription) */
  type: string;
  /** the type payload as Notion returns it (files as `{file_id}`) */
  payload: JsonObject;
  children?: string[];
  inTrash?: boolean;
}

export interface FixtureDatabase extends Timestamps {
  id: string;
  parent: DatabaseParent;
  title: RichTextItem[];
  description: RichTextItem[];
  isInline: boolean;
  icon: IconValue | null;
  cover: FileValue | null;
  dataSourceIds: string[];
  inTrash?: boolean;
  isLocked?: boolean;
  publicUrl?: string | null;
  /**
   * a linked database: a `child_database` block on its page showing views of data sources that live
   * elsewhere; it has no data sources of its own and `databases.retrieve` answers 404 for it
   */
  linked?: boolean;
  /** ids of the database's view tabs in tab order (dashboard widgets are listed in their dashboard) */
  viewIds?: string[];
}

/** Data-source schema entry; `config` is the `<type>` object Notion returns (relation/rollup store ids). */
export interface SchemaProperty {
  id: string;
  type: string;
  description?: string | null;
  config: JsonObject;
}

export interface FixtureDataSource extends Timestamps {
  id: string;
  databaseId: string;
  title: RichTextItem[];
  description: RichTextItem[];
  icon: IconValue | null;
  /** by property name, in display order */
  properties: Record<string, SchemaProperty>;
  inTrash?: boolean;
}

export const VIEW_TYPES = ['table', 'board', 'list', 'calendar', 'timeline', 'gallery', 'form', 'chart', 'map', 'dashboard'] as const;
export type ViewType = (typeof VIEW_TYPES)[number];

/**
 * A database view (Views API). Filter, sorts, quick filters and configuration are stored as sent
 * (request shapes, properties named by id); names are resolved when rendered. A dashboard has
 * `dataSourceId: null` and `configuration: {type:"dashboard", rows:[{id, widgets:[{id, view_id}]}]}`;
 * its widgets are views with `dashboardViewId`.
 */
export interface FixtureView extends Timestamps {
  id: string;
  databaseId: string;
  dataSourceId: string | null;
  name: string;
  type: ViewType;
  filter: JsonObject | null;
  sorts: JsonObject[] | null;
  quickFilters: JsonObject | null;
  configuration: JsonObject | null;
  /** set on a widget inside a dashboard view */
  dashboardViewId?: string;
}

export interface FixtureComment {
  id: string;
  discussionId: string;
  parent: { type: 'page_id'; page_id: string } | { type: 'block_id'; block_id: string };
  richText: RichTextItem[];
  createdTime: string;
  lastEditedTime: string;
  createdBy: string;
  displayName?: { type: 'custom' | 'user' | 'integration'; resolved_name: string | null };
  attachments?: { category: 'audio' | 'image' | 'pdf' | 'productivity' | 'video'; file: HostedFileRef }[];
  /** resolved discussions are hidden from comments.list */
  resolved?: boolean;
}

export type FileContent =
  | { kind: 'png'; rgb: [number, number, number] }
  | { kind: 'pdf'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'pattern'; size: number; seed: number }
  | { kind: 'base64'; data: string };

export interface FixtureFile {
  id: string;
  filename: string;
  contentType: string;
  content: FileContent;
}

export interface FixtureFileUpload {
  id: string;
  /** name of the token that created it */
  ownerToken: string;
  createdBy: string;
  createdTime: string;
  mode: 'single_part' | 'multi_part';
  status: 'pending' | 'uploaded' | 'expired' | 'failed';
  filename: string | null;
  contentType: string | null;
  contentLength: number | null;
  /** null once attached */
  expiryTime: string | null;
  numberOfParts?: { total: number; sent: number };
  /** id of the hosted file holding the bytes once uploaded */
  fileId?: string;
  /** set when the upload was attached; a second attachment is refused */
  attached?: boolean;
}

export interface WorkspaceFixture {
  format: typeof WORKSPACE_FIXTURE_FORMAT;
  workspace: {
    id: string;
    name: string;
    maxFileUploadSizeBytes: number;
    /** the person who edits content through admin helpers (editPage, appendBlocks, ...) */
    ownerUserId: string;
    /** the workspace's custom emojis (GET /v1/custom_emojis); none when absent */
    customEmojis?: FixtureCustomEmoji[];
  };
  users: FixtureUser[];
  tokens: FixtureToken[];
  pages: FixturePage[];
  blocks: FixtureBlock[];
  databases: FixtureDatabase[];
  dataSources: FixtureDataSource[];
  comments: FixtureComment[];
  files: FixtureFile[];
  fileUploads?: FixtureFileUpload[];
  /** database views; a database loaded without any gets a default table view */
  views?: FixtureView[];
  /** ids search never returns (Notion search is not exhaustive) */
  searchOmitted?: string[];
}

/** A workspace custom emoji, as GET /v1/custom_emojis lists it (`name` without colons). */
export interface FixtureCustomEmoji {
  id: string;
  name: string;
  url: string;
}
