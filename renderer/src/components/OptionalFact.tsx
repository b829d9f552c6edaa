/** One label and value of a `dl.facts`, left out while there is no value (null, undefined or empty). */
export function OptionalFact({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
