// Amazon Resource Names split into their parts: arn:partition:service:region:account:resource.
// The resource part may itself hold ':' and '/' (log-group:name:*, assumed-role/Role/session).

export interface Arn {
  partition: string
  service: string
  /** '' for global resources (IAM, S3 buckets). */
  region: string
  /** '' when the ARN names no account (S3 buckets, AWS managed policies use 'aws'). */
  account: string
  resource: string
  /** The resource's kind when it is written type/id or type:id (role, user, trail, log-group...), else null. */
  resourceType: string | null
  /** The resource after its kind (or the whole resource when it has none). */
  resourceId: string
}

const PARTITION = /^aws(-[a-z]+)*$/
const SERVICE = /^[a-z0-9][a-z0-9-]*$/i

/** The parts of an ARN, or null when the text is not one. */
export function parseArn(text: string): Arn | null {
  if (!text.startsWith('arn:') || text.length > 2048) return null
  const parts = text.split(':')
  if (parts.length < 6) return null
  const [, partition, service, region, account] = parts
  const resource = parts.slice(5).join(':')
  if (!PARTITION.test(partition) || !SERVICE.test(service) || resource === '') return null
  const cut = /[/:]/.exec(resource)
  // S3 object ARNs (bucket/key) have no kind: the first part is the bucket's name.
  const typed = cut !== null && service !== 's3'
  return {
    partition,
    service,
    region,
    account,
    resource,
    resourceType: typed ? resource.slice(0, cut.index) : null,
    resourceId: typed ? resource.slice(cut.index + 1) : resource,
  }
}

/** The partition's usual name: aws -> standard, aws-cn -> China, aws-us-gov -> GovCloud (US). */
export function partitionName(partition: string): string {
  switch (partition) {
    case 'aws':
      return 'AWS'
    case 'aws-cn':
      return 'AWS China'
    case 'aws-us-gov':
      return 'AWS GovCloud (US)'
    default:
      return partition
  }
}

/** For an STS assumed-role ARN: the role's name and the session's name. */
export function assumedRoleParts(arn: Arn): { role: string; session: string } | null {
  if (arn.service !== 'sts' || arn.resourceType !== 'assumed-role') return null
  const slash = arn.resourceId.lastIndexOf('/')
  if (slash < 0) return null
  return { role: arn.resourceId.slice(0, slash), session: arn.resourceId.slice(slash + 1) }
}
