/**
 * The app's own rule for new store passphrases: plakar takes any passphrase given in its environment
 * without a strength check (plakar-cli.md §4), so the app checks before creating a store.
 */
export const MINIMUM_PASSPHRASE_LENGTH = 12;

export type PassphraseStrength = 'too-short' | 'weak' | 'fair' | 'strong';

export interface PassphraseAssessment {
  acceptable: boolean;
  strength: PassphraseStrength;
  /** Rough entropy estimate in bits (character classes × length, penalising repetition). */
  bits: number;
  message: string;
}

export function assessPassphrase(passphrase: string): PassphraseAssessment {
  const characters = [...passphrase];
  if (characters.length < MINIMUM_PASSPHRASE_LENGTH) {
    return {
      acceptable: false,
      strength: 'too-short',
      bits: 0,
      message: `Use at least ${MINIMUM_PASSPHRASE_LENGTH} characters; a few random words work well.`,
    };
  }
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^A-Za-z0-9]/.test(passphrase)) pool += 33;
  const distinct = new Set(characters).size;
  const effectiveLength = Math.min(characters.length, distinct * 2);
  const bits = Math.round(effectiveLength * Math.log2(Math.max(pool, 2)));
  if (bits < 50) {
    return { acceptable: false, strength: 'weak', bits, message: 'Too easy to guess: make it longer or less repetitive.' };
  }
  if (bits < 80) return { acceptable: true, strength: 'fair', bits, message: 'Acceptable. A longer passphrase is stronger.' };
  return { acceptable: true, strength: 'strong', bits, message: 'Strong passphrase.' };
}
