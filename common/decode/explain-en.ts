// Explanations, in English: identity types, unique-ID prefixes, identity-chain steps and error
// families. Sources: the CloudTrail userIdentity element page, the IAM User Guide's unique ID
// prefixes, and each service's error documentation; phrased for someone reading a log.
import type { Explain } from './explain-types'

export const explainEn: Explain = {
  identityTypes: {
    Root: {
      short: 'the account’s root user',
      long: 'Root: the request was made with the AWS account’s root user credentials, which can do anything. Root use should be rare: check it was expected and that MFA was on. If the account has an alias, userName holds it.',
    },
    IAMUser: {
      short: 'an IAM user',
      long: 'IAMUser: the request was made with the credentials of an IAM user (a password in the console, or an access key).',
    },
    AssumedRole: {
      short: 'a role session (temporary credentials)',
      long: 'AssumedRole: temporary credentials obtained by assuming an IAM role (sts:AssumeRole, SAML, web identity, EC2 instance roles, Lambda, Identity Center…). sessionContext.sessionIssuer names the role.',
    },
    Role: {
      short: 'an IAM role',
      long: 'Role: the request was made with a persistent IAM role identity; the issuer of its sessions is always the role.',
    },
    FederatedUser: {
      short: 'a federated user (GetFederationToken)',
      long: 'FederatedUser: temporary credentials from sts:GetFederationToken, called by the IAM user or root user named in sessionContext.sessionIssuer.',
    },
    Directory: {
      short: 'a directory service user',
      long: 'Directory: the request was made to a directory service (Amazon WorkDocs, Amazon Quick) and the identity type is unknown.',
    },
    AWSAccount: {
      short: 'another AWS account',
      long: 'AWSAccount: the request was made by another AWS account, typically assuming a role you own (cross-account access).',
    },
    AWSService: {
      short: 'an AWS service',
      long: 'AWSService: an account that belongs to an AWS service made the request, for example a service assuming a role in your account to act for you. invokedBy names the service.',
    },
    IdentityCenterUser: {
      short: 'an IAM Identity Center user',
      long: 'IdentityCenterUser: the request was made on behalf of an IAM Identity Center user; onBehalfOf holds the user ID and the identity store.',
    },
    SAMLUser: {
      short: 'a SAML-federated user',
      long: 'SAMLUser: an AssumeRoleWithSAML request made with a SAML assertion; identityProvider names the identity provider.',
    },
    WebIdentityUser: {
      short: 'a web-identity user',
      long: 'WebIdentityUser: an AssumeRoleWithWebIdentity request made with a token from a web identity provider (Cognito, Google, an OIDC provider…).',
    },
    Unknown: {
      short: 'an identity CloudTrail could not classify',
      long: 'Unknown: the request was made with an identity type CloudTrail cannot determine. The ARN and principalId usually still say who it was.',
    },
  },
  idKinds: {
    accessKey: {
      short: 'long-term access key',
      long: 'AKIA…: a long-term access key of an IAM user (or the root user). It works until someone deactivates or deletes it: if it leaked, deactivate it and look at everything it did.',
    },
    temporaryKey: {
      short: 'temporary credentials (STS)',
      long: 'ASIA…: temporary credentials from AWS STS (an assumed role, a federation token, a console or Identity Center session, an EC2 instance role). They expire on their own.',
    },
    user: { short: 'IAM user ID', long: 'AIDA…: the unique ID of an IAM user.' },
    role: { short: 'IAM role ID', long: 'AROA…: the unique ID of an IAM role; in principalId it is followed by :session-name.' },
    group: { short: 'IAM group ID', long: 'AGPA…: the unique ID of an IAM user group.' },
    managedPolicy: { short: 'managed policy ID', long: 'ANPA…: the unique ID of a managed policy.' },
    policyVersion: { short: 'managed policy version ID', long: 'ANVA…: the unique ID of a version of a managed policy.' },
    instanceProfile: { short: 'EC2 instance profile ID', long: 'AIPA…: the unique ID of an Amazon EC2 instance profile.' },
    bearerToken: { short: 'STS bearer token', long: 'ABIA…: an AWS STS service bearer token (used by a few services, for example CodeArtifact).' },
    contextCredential: { short: 'context-specific credential', long: 'ACCA…: a context-specific credential.' },
    certificate: { short: 'certificate ID', long: 'ASCA…: the unique ID of a certificate.' },
    publicKey: { short: 'public key ID', long: 'APKA…: the unique ID of a public key (for example an SSH public key or a CloudFront key).' },
  },
  chain: {
    root: 'root user of {v}',
    iamUser: 'IAM user {v}',
    role: 'role {v}',
    permissionSet: 'Identity Center permission set {v}',
    session: 'session {v}',
    ec2Instance: 'EC2 instance {v}',
    sourceIdentity: 'source identity {v}',
    federatedUser: 'federated user {v}',
    issuedBy: 'issued by {v}',
    identityCenterUser: 'Identity Center user {v}',
    identityStore: 'identity store {v}',
    samlUser: 'SAML user {v}',
    webIdentityUser: 'web identity user {v}',
    provider: 'through {v}',
    awsService: 'AWS service {v}',
    awsAccount: 'AWS account {v}',
    directory: 'directory user {v}',
    via: 'via {v}',
    unknown: 'unknown identity {v}',
  },
  errors: {
    accessDenied: {
      meaning: 'The caller is not allowed to do this: an explicit deny, or no policy allows it.',
      cause: 'A missing permission in the identity policy, a permissions boundary, a session policy, an SCP or RCP, or the resource’s own policy (bucket policy, key policy) not allowing the caller.',
      check: 'The errorMessage often names the action and which kind of policy denied it. Then check the identity’s policies, the resource policy and any SCP for that action and resource.',
    },
    vpceAccessDenied: {
      meaning: 'A VPC endpoint policy denied the request.',
      cause: 'The endpoint policy of the VPC endpoint the call went through does not allow this principal, action or resource.',
      check: 'The VPC endpoint named in vpcEndpointId, and its endpoint policy.',
    },
    unauthorizedOperation: {
      meaning: 'EC2 refused the call: the caller lacks permission for this action (EC2’s AccessDenied).',
      cause: 'No Allow for the ec2: action on these resources, or a condition (Region, tag, instance type) that does not match.',
      check: 'The errorMessage may carry an encoded authorization message: decode it with aws sts decode-authorization-message to see which statement denied.',
    },
    throttling: {
      meaning: 'The service rejected the call because requests were coming too fast.',
      cause: 'Too many calls to this API in a short time from this account (scripts, retries, tools enumerating resources).',
      check: 'How many calls of this eventName came from the same identity around this time; use retries with exponential backoff. Many throttled List/Describe calls can also mean reconnaissance.',
    },
    noSuchKey: {
      meaning: 'The S3 object does not exist.',
      cause: 'A wrong key (case, prefix, leading slash) or an object that was deleted; without s3:ListBucket permission S3 answers AccessDenied instead.',
      check: 'requestParameters.bucketName and key: does the object exist (and in which version)?',
    },
    noSuchBucket: {
      meaning: 'The S3 bucket does not exist.',
      cause: 'A typo, a deleted bucket, or a bucket name someone is probing for.',
      check: 'requestParameters.bucketName, and whether the same identity tried many bucket names.',
    },
    s3ConfigMissing: {
      meaning: 'The bucket has no such configuration (policy, tags, lifecycle, replication, CORS…).',
      cause: 'Usually harmless: the console and scanners read every configuration of a bucket, and S3 reports a missing one as an error.',
      check: 'Nothing, unless you expected the configuration to be there.',
    },
    noSuchEntity: {
      meaning: 'The IAM entity (user, role, policy…) does not exist.',
      cause: 'A wrong name or ARN, or an entity that was deleted; also common when tools look names up.',
      check: 'The name or ARN in requestParameters.',
    },
    validation: {
      meaning: 'The request did not pass the service’s input validation.',
      cause: 'A missing or malformed parameter, or a value out of range.',
      check: 'The errorMessage says which parameter; compare requestParameters with the API reference.',
    },
    invalidClientToken: {
      meaning: 'The access key ID is not valid: AWS does not know it.',
      cause: 'A deleted or mistyped access key, credentials for another partition (China, GovCloud), or someone trying leaked or made-up keys.',
      check: 'userIdentity.accessKeyId: was it deleted? Calls with invalid keys from an unknown address are worth investigating.',
    },
    expiredToken: {
      meaning: 'The temporary credentials have expired.',
      cause: 'A session token used after its expiry (long-running jobs, cached credentials).',
      check: 'When the session was created (sessionContext.attributes.creationDate) and how the client refreshes credentials.',
    },
    signature: {
      meaning: 'The request signature does not match what AWS computed.',
      cause: 'A wrong secret access key, a clock far off, or a proxy that changed the request.',
      check: 'The client’s secret key and clock; repeated failures from one key may mean someone guessing the secret.',
    },
    notFound: {
      meaning: 'The resource named in the request does not exist (or is not visible to the caller).',
      cause: 'A wrong ID or name, a resource in another Region or account, or one that was deleted.',
      check: 'The ID in requestParameters and the awsRegion of the call.',
    },
    trailNotFound: {
      meaning: 'CloudTrail has no trail with that name or ARN here.',
      cause: 'A wrong trail name, the wrong Region for a single-Region trail, or a trail in another account.',
      check: 'requestParameters.name and awsRegion against the trails of the account.',
    },
    cloudWatchLogsRole: {
      meaning: 'CloudTrail cannot use the IAM role given for delivering to CloudWatch Logs.',
      cause: 'The role does not exist, its trust policy does not let cloudtrail.amazonaws.com assume it, or it lacks logs:CreateLogStream and logs:PutLogEvents on the log group.',
      check: 'The role in requestParameters.cloudWatchLogsRoleArn: its trust relationship must allow cloudtrail.amazonaws.com, and its policy must allow writing to the log group in cloudWatchLogsLogGroupArn.',
    },
    cloudWatchLogsGroup: {
      meaning: 'The CloudWatch Logs log group ARN given to CloudTrail is not valid.',
      cause: 'A malformed ARN (it must end with :*), or a log group that does not exist in this Region.',
      check: 'requestParameters.cloudWatchLogsLogGroupArn.',
    },
    trailBucketPolicy: {
      meaning: 'The S3 bucket policy does not let CloudTrail write log files.',
      cause: 'The bucket policy lacks the statements that allow cloudtrail.amazonaws.com s3:GetBucketAcl and s3:PutObject.',
      check: 'The bucket policy of the trail’s S3 bucket.',
    },
    invalidParameter: {
      meaning: 'A parameter value is not valid for this call.',
      cause: 'A malformed ID, a value of the wrong form, or a combination of parameters the API does not allow.',
      check: 'The errorMessage names the parameter; compare requestParameters with the API reference.',
    },
    dryRun: {
      meaning: 'A dry run that would have succeeded: nothing was changed.',
      cause: 'The caller sent DryRun=true to test its permissions (tools and attackers both do this).',
      check: 'Who tests permissions this way, and whether the real call followed.',
    },
    optIn: {
      meaning: 'The account has not opted in to this Region or service.',
      cause: 'A call to an opt-in Region (or a service needing a subscription) that is not enabled for the account.',
      check: 'awsRegion, and the account’s enabled Regions.',
    },
    limit: {
      meaning: 'A quota was reached.',
      cause: 'Too many resources of this kind (vCPUs, VPCs, roles…) for the account’s limit.',
      check: 'The quota named in the errorMessage, in Service Quotas.',
    },
    alreadyExists: {
      meaning: 'Something with that name already exists.',
      cause: 'A create call repeated, or a name taken by another resource (S3 bucket names are global).',
      check: 'The name in requestParameters.',
    },
    conflict: {
      meaning: 'The resource is not in a state that allows this call.',
      cause: 'It is in use, still changing, not empty, or depends on something else.',
      check: 'The resource’s current state, and the events just before this one.',
    },
    internal: {
      meaning: 'The service failed on its side.',
      cause: 'A transient problem in AWS; retrying usually works.',
      check: 'Whether a retry followed and succeeded, and the AWS Health Dashboard for that time.',
    },
  },
}
