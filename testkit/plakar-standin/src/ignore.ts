/**
 * backup -ignore patterns: gitignore syntax matched against the ABSOLUTE path (kloset `exclude`
 * over go-git's gitignore). `*.log` and `node_modules/` match at any depth; a pattern containing a
 * `/` (other than a trailing one) is anchored at the filesystem root `/`, not at the backup root;
 * `!pattern` re-includes; the last matching pattern wins.
 */

interface Rule {
  negate: boolean;
  dirOnly: boolean;
  regex: RegExp;
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i += 1) {
    const ch = glob[i] ?? '';
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (i + 2 === glob.length) out += '.*';
          else {
            out += '(?:.*/)?';
            i += 1;
          }
          i += 1;
          continue;
        }
      }
      out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) out += '\\[';
      else {
        let cls = glob.slice(i + 1, end);
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        out += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (ch === '\\' && i + 1 < glob.length) {
      i += 1;
      out += (glob[i] ?? '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

export class IgnoreRules {
  private readonly rules: Rule[] = [];

  constructor(patterns: readonly string[]) {
    for (const raw of patterns) {
      let pattern = raw.replace(/(?<!\\)\s+$/, '');
      if (pattern === '' || pattern.startsWith('#')) continue;
      let negate = false;
      if (pattern.startsWith('!')) {
        negate = true;
        pattern = pattern.slice(1);
      }
      let dirOnly = false;
      if (pattern.endsWith('/')) {
        dirOnly = true;
        pattern = pattern.slice(0, -1);
      }
      const anchored = pattern.includes('/');
      if (pattern.startsWith('/')) pattern = pattern.slice(1);
      const body = globToRegex(pattern);
      const regex = new RegExp(anchored ? `^/${body}$` : `(?:^|/)${body}$`);
      this.rules.push({ negate, dirOnly, regex });
    }
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  isExcluded(absPath: string, isDir: boolean): boolean {
    let excluded = false;
    for (const rule of this.rules) {
      if (rule.dirOnly && !isDir) continue;
      if (rule.regex.test(absPath)) excluded = !rule.negate;
    }
    return excluded;
  }
}
