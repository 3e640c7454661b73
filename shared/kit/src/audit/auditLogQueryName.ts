/** The auditors' query of a subgraph: `police` → `policeAuditLog`, `social-services` → `socialServicesAuditLog`. */
export function auditLogQueryName(subgraphName: string): string {
  return `${subgraphName.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}AuditLog`;
}
