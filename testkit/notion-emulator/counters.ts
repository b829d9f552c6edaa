import type { RequestCounts } from './types';

export class RequestCounter {
  private counts: RequestCounts = { total: 0, byRoute: {}, byStatus: {} };

  record(routeKey: string, status: number | 'destroyed'): void {
    const statusKey = String(status);
    const route = (this.counts.byRoute[routeKey] ??= { total: 0, byStatus: {} });
    route.total += 1;
    route.byStatus[statusKey] = (route.byStatus[statusKey] ?? 0) + 1;
    this.counts.total += 1;
    this.counts.byStatus[statusKey] = (this.counts.byStatus[statusKey] ?? 0) + 1;
  }

  snapshot(): RequestCounts {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.counts = { total: 0, byRoute: {}, byStatus: {} };
  }
}
