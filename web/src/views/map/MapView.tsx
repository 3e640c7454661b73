export function MapView() {
  return <p>Not built yet.</p>;
}
