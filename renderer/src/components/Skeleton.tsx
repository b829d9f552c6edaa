/**
 * Grey lines where content is coming, with what is being read said in words (announced politely):
 * the layout does not jump when the answer arrives. Still when the user asked for reduced motion.
 */
export function Skeleton({ lines, label }: { lines: number; label: string }) {
  return (
    <div className="skeleton" data-testid="skeleton">
      <p className="muted" role="status">
        {label}
      </p>
      <div aria-hidden="true">
        {Array.from({ length: lines }, (_, line) => (
          // Widths vary a little, as text does.
          <div key={line} className="skeleton__line" style={{ width: `${[92, 78, 85, 64, 88, 72][line % 6]}%` }} />
        ))}
      </div>
    </div>
  );
}
