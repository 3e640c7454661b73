export interface DevelopmentRoles {
  roles: { role: string; needsSector: boolean }[];
  sectors: string[];
}

/** The roles a development hub issues tokens for; undefined when it issues none (production). */
export async function fetchDevelopmentRoles(): Promise<DevelopmentRoles | undefined> {
  try {
    const response = await fetch('/dev/roles');
    return response.ok ? ((await response.json()) as DevelopmentRoles) : undefined;
  } catch {
    return undefined;
  }
}

export async function requestDevelopmentToken(role: string, sector?: string): Promise<string | undefined> {
  const response = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, sector }) });
  if (!response.ok) return undefined;
  return ((await response.json()) as { token?: string }).token;
}
