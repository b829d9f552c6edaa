/** Parses the "requests per second" field: a number from 0.1 to 50, or null. */
export function parseRate(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && value >= 0.1 && value <= 50 ? value : null;
}

