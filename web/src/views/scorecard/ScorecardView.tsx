export function ScorecardView() {
  return <p>Not built yet.</p>;
}
