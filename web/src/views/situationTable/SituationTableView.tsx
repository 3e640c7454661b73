export function SituationTableView() {
  return <p>Not built yet.</p>;
}
