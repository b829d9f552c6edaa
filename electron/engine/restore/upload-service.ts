export interface UploadFailure {
  ref: string;
  reason: string;
}

/** What a restore needs from file uploads; the dry run plans them instead of sending them. */
export interface UploadService {
  readonly failures: UploadFailure[];
  readonly count: number;
  idFor(ref: string): string | undefined;
  uploadFrom(dir: string, wanted: (ref: string) => boolean): Promise<void>;
}
