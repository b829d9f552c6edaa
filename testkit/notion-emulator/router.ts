import type { RouteDef } from './context';

interface CompiledRoute {
  def: RouteDef;
  pattern: RegExp;
  paramNames: string[];
}

export interface RouteMatch {
  def: RouteDef;
  params: Record<string, string>;
  /** `METHOD /template`, the key used by request counters and fault filters */
  key: string;
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  constructor(defs: RouteDef[]) {
    for (const def of defs) {
      const paramNames: string[] = [];
      const source = def.template.replace(/\{(\w+)\}/g, (_match, name: string) => {
        paramNames.push(name);
        return '([^/]+)';
      });
      this.routes.push({ def, pattern: new RegExp(`^${source}/?$`), paramNames });
    }
  }

  match(method: string, pathname: string): RouteMatch | null {
    for (const route of this.routes) {
      if (route.def.method !== method) continue;
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.paramNames.forEach((name, index) => {
        params[name] = safeDecode(found[index + 1] ?? '');
      });
      return { def: route.def, params, key: `${method} ${route.def.template}` };
    }
    return null;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
