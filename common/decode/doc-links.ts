// Links from an event to the AWS documentation: the API reference page of its action and the
// service's page in the Service Authorization Reference (its IAM actions, resources and
// condition keys). Pure URL builders; the renderer opens them only when the user asks (Electron:
// api.openExternal, which only allows https on docs.aws.amazon.com and aws.amazon.com).

interface ServiceDocs {
  /** Path of the API reference under https://docs.aws.amazon.com/ (API_<Action>.html is appended). */
  api?: string
  /** Page of the Service Authorization Reference: list_<name>.html. */
  authz?: string
}

/** Keyed by eventSource without .amazonaws.com. */
const SERVICES: Readonly<Record<string, ServiceDocs>> = {
  cloudtrail: { api: 'awscloudtrail/latest/APIReference', authz: 'awscloudtrail' },
  iam: { api: 'IAM/latest/APIReference', authz: 'awsidentityandaccessmanagementiam' },
  sts: { api: 'STS/latest/APIReference', authz: 'awssecuritytokenservice' },
  s3: { api: 'AmazonS3/latest/API', authz: 'amazons3' },
  ec2: { api: 'AWSEC2/latest/APIReference', authz: 'amazonec2' },
  kms: { api: 'kms/latest/APIReference', authz: 'awskeymanagementservice' },
  lambda: { api: 'lambda/latest/api', authz: 'awslambda' },
  dynamodb: { api: 'amazondynamodb/latest/APIReference', authz: 'amazondynamodb' },
  logs: { api: 'AmazonCloudWatchLogs/latest/APIReference', authz: 'amazoncloudwatchlogs' },
  monitoring: { api: 'AmazonCloudWatch/latest/APIReference', authz: 'amazoncloudwatch' },
  secretsmanager: { api: 'secretsmanager/latest/apireference', authz: 'awssecretsmanager' },
  guardduty: { api: 'guardduty/latest/APIReference', authz: 'amazonguardduty' },
  organizations: { api: 'organizations/latest/APIReference', authz: 'awsorganizations' },
  rds: { api: 'AmazonRDS/latest/APIReference', authz: 'amazonrds' },
  sns: { api: 'sns/latest/api', authz: 'amazonsns' },
  sqs: { api: 'AWSSimpleQueueService/latest/APIReference', authz: 'amazonsqs' },
  cloudformation: { api: 'AWSCloudFormation/latest/APIReference', authz: 'awscloudformation' },
  ssm: { api: 'systems-manager/latest/APIReference', authz: 'awssystemsmanager' },
  config: { api: 'config/latest/APIReference', authz: 'awsconfig' },
  route53: { api: 'Route53/latest/APIReference', authz: 'amazonroute53' },
  ecr: { api: 'AmazonECR/latest/APIReference', authz: 'amazonelasticcontainerregistry' },
  ecs: { api: 'AmazonECS/latest/APIReference', authz: 'amazonelasticcontainerservice' },
  securityhub: { api: 'securityhub/1.0/APIReference', authz: 'awssecurityhub' },
}

const DOCS = 'https://docs.aws.amazon.com'

/** The service key of an eventSource: s3.amazonaws.com -> s3. */
export function serviceKey(eventSource: string): string {
  return eventSource.trim().toLowerCase().replace(/\.amazonaws\.com(\.cn)?$/, '')
}

/**
 * The API's action name: Lambda versions its event names (UpdateFunctionConfiguration20150331v2),
 * the API reference does not.
 */
export function apiActionName(eventName: string): string {
  return eventName.replace(/\d{8}(v\d+)?$/, '')
}

const ACTION = /^[A-Za-z][A-Za-z0-9]{1,127}$/

/** A search of the AWS documentation (for services and actions without a known page). */
export function docsSearchUrl(terms: string): string {
  return `${DOCS}/search/doc-search.html?searchPath=documentation&searchQuery=${encodeURIComponent(terms.trim())}`
}

/** The API reference page of an event's action, or a documentation search when the service's reference is not known. */
export function apiReferenceUrl(eventSource: string, eventName: string): string | null {
  const action = apiActionName(eventName.trim())
  if (!ACTION.test(action)) return null
  const key = serviceKey(eventSource)
  if (key === 'signin' && action === 'ConsoleLogin') return `${DOCS}/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html`
  const docs = Object.prototype.hasOwnProperty.call(SERVICES, key) ? SERVICES[key] : undefined
  if (docs?.api) return `${DOCS}/${docs.api}/API_${action}.html`
  return docsSearchUrl(key ? `${action} ${key}` : action)
}

/** The service's page in the Service Authorization Reference (IAM actions, resources, condition keys). */
export function serviceAuthorizationUrl(eventSource: string): string | null {
  const key = serviceKey(eventSource)
  const docs = Object.prototype.hasOwnProperty.call(SERVICES, key) ? SERVICES[key] : undefined
  if (docs?.authz) return `${DOCS}/service-authorization/latest/reference/list_${docs.authz}.html`
  if (!/^[a-z0-9-]+$/.test(key)) return null
  return `${DOCS}/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html`
}

/** The CloudTrail record contents page (what every field means). */
export const RECORD_CONTENTS_URL = `${DOCS}/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html`
/** The userIdentity element page. */
export const USER_IDENTITY_URL = `${DOCS}/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html`

/** The documentation-host check is aws-names' (one allow-list for the viewer and the shell). */
export { isDocsUrl } from '../aws-names'
