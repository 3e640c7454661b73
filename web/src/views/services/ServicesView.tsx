export function ServicesView() {
  return <p>Not built yet.</p>;
}
