export function RiskView() {
  return <p>Not built yet.</p>;
}
