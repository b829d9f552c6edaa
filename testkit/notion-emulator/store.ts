import type {
  FixtureBlock,
  FixtureComment,
  FixtureDatabase,
  FixtureDataSource,
  FixtureFile,
  FixtureFileUpload,
  FixturePage,
  FixtureToken,
  FixtureUser,
  FixtureView,
  Timestamps,
  WorkspaceFixture,
} from './fixture-types';
import { WORKSPACE_FIXTURE_FORMAT } from './fixture-types';
import { ensureDatabaseViews } from './store-views';

/** Where a block lives: directly in a page's content or under another block. */
export interface ContainerRef {
  kind: 'page' | 'block';
  id: string;
}

export type InsertPosition = { type: 'start' } | { type: 'end' } | { type: 'after'; id: string };

/** In-memory workspace: the fixture records plus indexes. Records are mutated in place by writes. */
export class Store {
  workspace: WorkspaceFixture['workspace'] = { id: '', name: '', maxFileUploadSizeBytes: 0, ownerUserId: '' };
  readonly users = new Map<string, FixtureUser>();
  readonly tokens: FixtureToken[] = [];
  readonly tokensBySecret = new Map<string, FixtureToken>();
  readonly pages = new Map<string, FixturePage>();
  readonly blocks = new Map<string, FixtureBlock>();
  readonly databases = new Map<string, FixtureDatabase>();
  readonly dataSources = new Map<string, FixtureDataSource>();
  readonly comments = new Map<string, FixtureComment>();
  /** database views; tab order lives in each database's `viewIds` */
  readonly views = new Map<string, FixtureView>();
  readonly files = new Map<string, FixtureFile>();
  /** bytes of files created through the File Upload API (dumped as base64) */
  readonly uploadedBytes = new Map<string, Buffer>();
  readonly uploads = new Map<string, FixtureFileUpload>();
  /** parts received for pending multi-part uploads (runtime only, not dumped) */
  readonly uploadParts = new Map<string, Map<number, Buffer>>();
  readonly searchOmitted = new Set<string>();
  private readonly blockContainer = new Map<string, ContainerRef>();
  private readonly rowIndex = new Map<string, Set<string>>();

  static fromFixture(fixture: WorkspaceFixture): Store {
    const store = new Store();
    store.load(fixture);
    return store;
  }

  load(source: WorkspaceFixture): void {
    if (source.format !== WORKSPACE_FIXTURE_FORMAT) {
      throw new Error(`unsupported workspace fixture format: ${String(source.format)}`);
    }
    const fixture = cloneJson(source);
    this.clear();
    this.workspace = fixture.workspace;
    for (const user of fixture.users) this.users.set(user.id, user);
    for (const token of fixture.tokens) {
      this.tokens.push(token);
      this.tokensBySecret.set(token.secret, token);
    }
    for (const page of fixture.pages) this.pages.set(page.id, page);
    for (const block of fixture.blocks) this.blocks.set(block.id, block);
    for (const database of fixture.databases) this.databases.set(database.id, database);
    for (const dataSource of fixture.dataSources) this.dataSources.set(dataSource.id, dataSource);
    for (const comment of fixture.comments) this.comments.set(comment.id, comment);
    for (const view of fixture.views ?? []) this.views.set(view.id, view);
    for (const file of fixture.files) this.files.set(file.id, file);
    for (const upload of fixture.fileUploads ?? []) this.uploads.set(upload.id, upload);
    for (const id of fixture.searchOmitted ?? []) this.searchOmitted.add(id);
    this.indexStructure();
    ensureDatabaseViews(this);
  }

  dump(): WorkspaceFixture {
    const files = [...this.files.values()].map((file) => {
      const bytes = this.uploadedBytes.get(file.id);
      return bytes ? { ...file, content: { kind: 'base64' as const, data: bytes.toString('base64') } } : file;
    });
    return cloneJson({
      format: WORKSPACE_FIXTURE_FORMAT,
      workspace: this.workspace,
      users: [...this.users.values()],
      tokens: this.tokens,
      pages: [...this.pages.values()],
      blocks: [...this.blocks.values()],
      databases: [...this.databases.values()],
      dataSources: [...this.dataSources.values()],
      comments: [...this.comments.values()],
      files,
      fileUploads: [...this.uploads.values()],
      views: [...this.views.values()],
      searchOmitted: [...this.searchOmitted],
    });
  }

  private clear(): void {
    for (const map of [
      this.users,
      this.tokensBySecret,
      this.pages,
      this.blocks,
      this.databases,
      this.dataSources,
      this.comments,
      this.views,
      this.files,
      this.uploadedBytes,
      this.uploads,
      this.uploadParts,
      this.blockContainer,
      this.rowIndex,
    ]) {
      map.clear();
    }
    this.tokens.length = 0;
    this.searchOmitted.clear();
  }

  /** Derives block containers and row lists; tolerates child pages/databases missing from content lists. */
  private indexStructure(): void {
    for (const page of this.pages.values()) {
      this.indexChildren({ kind: 'page', id: page.id }, page.children);
      if (page.parent.type === 'data_source_id') this.rowSet(page.parent.data_source_id).add(page.id);
    }
    for (const block of this.blocks.values()) {
      this.indexChildren({ kind: 'block', id: block.id }, block.children ?? []);
    }
    for (const page of this.pages.values()) this.ensureListedInParent(page.id, page.parent);
    for (const database of this.databases.values()) this.ensureListedInParent(database.id, database.parent);
  }

  private indexChildren(container: ContainerRef, children: string[]): void {
    for (const childId of children) {
      if (this.blocks.has(childId)) this.blockContainer.set(childId, container);
    }
  }

  private ensureListedInParent(id: string, parent: FixturePage['parent']): void {
    const list = parent.type === 'page_id' ? this.pages.get(parent.page_id)?.children
      : parent.type === 'block_id' ? (this.blocks.get(parent.block_id)?.children ?? this.initBlockChildren(parent.block_id))
        : undefined;
    if (list && !list.includes(id)) list.push(id);
  }

  private initBlockChildren(blockId: string): string[] | undefined {
    const block = this.blocks.get(blockId);
    if (!block) return undefined;
    block.children = [];
    return block.children;
  }

  private rowSet(dataSourceId: string): Set<string> {
    let set = this.rowIndex.get(dataSourceId);
    if (!set) {
      set = new Set();
      this.rowIndex.set(dataSourceId, set);
    }
    return set;
  }

  rowIds(dataSourceId: string): string[] {
    return [...(this.rowIndex.get(dataSourceId) ?? [])];
  }

  containerOf(blockId: string): ContainerRef | undefined {
    return this.blockContainer.get(blockId);
  }

  /** The next object up the tree (for sharing checks): page, block, data source or database id. */
  parentIdOf(id: string): string | null {
    const page = this.pages.get(id);
    if (page) return parentRefId(page.parent);
    const container = this.blockContainer.get(id);
    if (container) return container.id;
    const database = this.databases.get(id);
    if (database) return parentRefId(database.parent);
    const dataSource = this.dataSources.get(id);
    if (dataSource) return dataSource.databaseId;
    const view = this.views.get(id);
    if (view) return view.databaseId;
    return null;
  }

  /** Trash is inherited: content under a trashed page, block or database counts as trashed too. */
  isTrashedInTree(id: string): boolean {
    let current: string | null = id;
    for (let depth = 0; current !== null && depth < 10_000; depth += 1) {
      const record = this.pages.get(current) ?? this.blocks.get(current) ?? this.databases.get(current) ?? this.dataSources.get(current);
      if (record?.inTrash) return true;
      current = this.parentIdOf(current);
    }
    return false;
  }

  /** The page whose content (directly or nested) holds this block. */
  pageOfBlock(blockId: string): FixturePage | undefined {
    let current = this.blockContainer.get(blockId);
    for (let guard = 0; current && guard < 10_000; guard += 1) {
      if (current.kind === 'page') return this.pages.get(current.id);
      current = this.blockContainer.get(current.id);
    }
    return undefined;
  }

  childList(containerId: string): string[] | undefined {
    const page = this.pages.get(containerId);
    if (page) return page.children;
    const block = this.blocks.get(containerId);
    if (!block) return undefined;
    block.children ??= [];
    return block.children;
  }

  insertChildren(containerId: string, ids: string[], position: InsertPosition): void {
    const list = this.childList(containerId);
    if (!list) throw new Error(`no container ${containerId}`);
    const container: ContainerRef = { kind: this.pages.has(containerId) ? 'page' : 'block', id: containerId };
    for (const id of ids) if (this.blocks.has(id)) this.blockContainer.set(id, container);
    let index = list.length;
    if (position.type === 'start') index = 0;
    if (position.type === 'after') index = list.indexOf(position.id) + 1;
    list.splice(index, 0, ...ids);
  }

  addBlock(block: FixtureBlock): void {
    this.blocks.set(block.id, block);
    for (const childId of block.children ?? []) this.blockContainer.set(childId, { kind: 'block', id: block.id });
  }

  addPage(page: FixturePage): void {
    this.pages.set(page.id, page);
    if (page.parent.type === 'data_source_id') this.rowSet(page.parent.data_source_id).add(page.id);
    this.indexChildren({ kind: 'page', id: page.id }, page.children);
  }

  tokenByName(name: string): FixtureToken | undefined {
    return this.tokens.find((token) => token.name === name);
  }
}

/** Fixtures are plain JSON by contract; a JSON round trip copies them faster than structuredClone. */
function cloneJson<T>(value: T): T {
  try {
    return JSON.parse(JSON.stringify(value)) as T;
  } catch (error) {
    // Past the longest string V8 makes (a 100,000-page synthetic workspace): copied without one.
    if (error instanceof RangeError) return structuredClone(value);
    throw error;
  }
}

export function parentRefId(parent: FixturePage['parent']): string | null {
  switch (parent.type) {
    case 'page_id':
      return parent.page_id;
    case 'block_id':
      return parent.block_id;
    case 'data_source_id':
      return parent.data_source_id;
    default:
      return null;
  }
}

export function touch(record: Timestamps, userId: string, nowMinuteIso: string): void {
  record.lastEditedTime = nowMinuteIso;
  record.lastEditedBy = userId;
}
