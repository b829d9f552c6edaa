import { NOTION_REQUEST_RATE } from '../../../../shared/notion-rate';

/** Parses the "requests per second" field: a number the settings accept (0.1 to 50), or null. */
export function parseRate(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  const { min, settingsMax } = NOTION_REQUEST_RATE;
  return text.trim() !== '' && Number.isFinite(value) && value >= min && value <= settingsMax ? value : null;
}
