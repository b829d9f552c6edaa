/** `info [-errors] [SNAPSHOT[:PATH]]` (plakar subcommands/info): store or snapshot details. */
import type { AppContext } from '../context';
import { FlagSet } from '../goflag';
import { goDuration, goTimeString, iBytes, parseRfc3339 } from '../gofmt';
import { loadAllSnapshots, openSnapshotByPath } from '../select';
import type { Store } from '../store';
import type { Command, CommandTarget } from './types';

const sizeLine = (label: string, bytes: number): string => `${label}: ${iBytes(bytes)} (${bytes} bytes)`;

/** Go's %f */
const goFloat = (value: number): string => value.toFixed(6);

export class InfoCommand implements Command {
  private snapshot = '';
  private errors = false;

  parse(_ctx: AppContext, args: string[]): void {
    const flags = new FlagSet('info', (t) => process.stderr.write(t));
    const errors = flags.bool('errors', false, 'display errors in the repository or snapshot');
    flags.usage = () => flags.output(`Usage: ${flags.name} [-errors] [SNAPSHOT]\n`);
    flags.parse(args);
    if (flags.nArg() > 1) throw new Error('too many arguments');
    if (flags.nArg() === 1) this.snapshot = flags.arg(0);
    this.errors = errors.value;
  }

  async execute(ctx: AppContext, target: CommandTarget): Promise<number> {
    const store = target.store;
    if (!store) throw new Error('no store');
    if (this.snapshot === '') return this.repository(ctx, store);
    const { snap, pathname } = await openSnapshotByPath(store, this.snapshot);
    const out = (line: string): void => ctx.out.out(line);
    if (this.errors) {
      const vfs = await snap.vfs();
      const prefix = pathname === '/' ? '/' : `${pathname}/`;
      for (const item of vfs.errors) if (item.path === pathname || item.path.startsWith(prefix)) out(`${item.path}: ${item.error}`);
      return 0;
    }
    const h = snap.header;
    const s = h.summary;
    out(`Version: v${store.config.version}`);
    out(`SnapshotID: ${h.identifier}`);
    out(`Timestamp: ${goTimeString(parseRfc3339(h.timestamp) ?? 0n)}`);
    out(`Duration: ${goDuration(BigInt(h.durationNs))}`);
    out(`Name: ${h.name}`);
    out(`Environment: ${h.environment}`);
    out(`Perimeter: ${h.perimeter}`);
    out(`Category: ${h.category}`);
    if (h.tags.length > 0) out(`Tags: ${h.tags.join(', ')}`);
    out('VFS:');
    out(` - Root: ${h.vfs.root}`);
    out(` - Xattrs: ${h.vfs.xattrs}`);
    out(` - Errors: ${h.vfs.errors}`);
    out('Importer:');
    out(` - Type: ${h.importer.type}`);
    out(` - Origin: ${h.importer.origin}`);
    out(` - Directory: ${h.importer.directory}`);
    out('Context:');
    for (const key of ['MachineID', 'Hostname', 'Username', 'OperatingSystem', 'Architecture', 'NumCPU', 'GOMAXPROCS', 'ProcessID', 'Client', 'CommandLine']) {
      out(` - ${key}: ${h.context[key] ?? ''}`);
    }
    const unix = (seconds: number): string => goTimeString(BigInt(seconds) * 1_000_000_000n, false);
    out('Summary:');
    out(` - Directories: ${s.directories}`);
    out(` - Files: ${s.files}`);
    out(` - Symlinks: ${s.symlinks}`);
    out(` - Devices: ${s.devices}`);
    out(` - Pipes: ${s.pipes}`);
    out(` - Sockets: ${s.sockets}`);
    out(` - Setuid: ${s.setuid}`);
    out(` - Setgid: ${s.setgid}`);
    out(` - Sticky: ${s.sticky}`);
    out(` - Objects: ${s.objects}`);
    out(` - Chunks: ${s.chunks}`);
    out(sizeLine(' - MinSize', s.minSize));
    out(sizeLine(' - MaxSize', s.maxSize));
    out(sizeLine(' - Size', s.size));
    out(` - MinModTime: ${unix(s.minModTime)}`);
    out(` - MaxModTime: ${unix(s.maxModTime)}`);
    out(` - MinEntropy: ${goFloat(s.minEntropy)}`);
    out(` - MaxEntropy: ${goFloat(s.maxEntropy)}`);
    out(` - HiEntropy: ${s.hiEntropy}`);
    out(` - LoEntropy: ${s.loEntropy}`);
    out(` - MIMEAudio: ${s.mimeAudio}`);
    out(` - MIMEVideo: ${s.mimeVideo}`);
    out(` - MIMEImage: ${s.mimeImage}`);
    out(` - MIMEText: ${s.mimeText}`);
    out(` - MIMEApplication: ${s.mimeApplication}`);
    out(` - MIMEOther: ${s.mimeOther}`);
    out(` - Errors: ${s.errors}`);
    return 0;
  }

  private async repository(ctx: AppContext, store: Store): Promise<number> {
    const c = store.config;
    const out = (line: string): void => ctx.out.out(line);
    out(`Version: v${c.version}`);
    out(`Timestamp: ${goTimeString(parseRfc3339(c.timestamp) ?? 0n)}`);
    out(`RepositoryID: ${c.repositoryId}`);
    out('Packfile:');
    out(sizeLine(' - MaxSize', c.packfile.maxSize));
    out('Chunking:');
    out(` - Algorithm: ${c.chunking.algorithm}`);
    out(sizeLine(' - MinSize', c.chunking.minSize));
    out(sizeLine(' - NormalSize', c.chunking.normalSize));
    out(sizeLine(' - MaxSize', c.chunking.maxSize));
    out('Hashing:');
    out(` - Algorithm: ${c.hashing.algorithm}`);
    out(` - Bits: ${c.hashing.bits}`);
    if (c.compression) {
      out('Compression:');
      out(` - Algorithm: ${c.compression.algorithm}`);
      out(` - Level: ${c.compression.level}`);
    }
    if (c.encryption) {
      const e = c.encryption;
      out('Encryption:');
      out(` - SubkeyAlgorithm: ${e.subkeyAlgorithm}`);
      out(` - DataAlgorithm: ${e.dataAlgorithm}`);
      out(` - ChunkSize: ${e.chunkSize}`);
      out(` - Canary: ${e.canary}`);
      out(` - KDF: ${e.kdf.kdf}`);
      out(`   - Salt: ${e.kdf.salt}`);
      out(`   - SaltSize: ${e.kdf.scrypt.saltSize}`);
      out(`   - KeyLen: ${e.kdf.scrypt.keyLen}`);
      out(`   - N: ${e.kdf.scrypt.N}`);
      out(`   - R: ${e.kdf.scrypt.R}`);
      out(`   - P: ${e.kdf.scrypt.P}`);
    }
    const snaps = await loadAllSnapshots(store);
    out(`Snapshots: ${snaps.length}`);
    out(sizeLine('Storage size', await store.size()));
    out(sizeLine('Logical size', snaps.reduce((sum, s) => sum + s.header.summary.size, 0)));
    return 0;
  }
}
