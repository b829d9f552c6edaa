import type { LucideIcon } from 'lucide-react';

/** The one size scale for icons: inline with text and in buttons, or beside a heading. */
const SIZES = { inline: 16, heading: 20 } as const;

/**
 * An icon from lucide, drawn in the text's colour. Always decorative: the control's accessible name
 * or the text beside it says what it means.
 */
export function Icon({ of: Glyph, size = 'inline', className }: { of: LucideIcon; size?: keyof typeof SIZES; className?: string }) {
  return <Glyph size={SIZES[size]} strokeWidth={2} aria-hidden="true" focusable="false" className={className ? `icon ${className}` : 'icon'} />;
}
