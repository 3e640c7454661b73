export function ProfileView() {
  return <p>Not built yet.</p>;
}
