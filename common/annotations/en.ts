// What each CloudTrail record field means, in English. Keys are JSON paths as the viewer's pretty
// printer names them, with array positions written as [] (resources[].ARN). Fields not listed get
// no annotation. Every key here must exist in ja.ts (tests/unit/annotations-catalogue.test.ts);
// the eventVersion a field appeared in is in since.ts.
import type { Annotation } from './types'

export const en = {
  eventVersion: {
    short: 'log format version',
    long: 'The version of the CloudTrail log record format (for example 1.08; AWS documents up to 1.11). It says which fields the record can have, not anything about the call.',
  },
  userIdentity: {
    short: 'who made the call',
    long: 'Who made the request: the kind of identity, its ARN and account, the access key that signed it, and for temporary credentials the session and who issued it.',
  },
  'userIdentity.type': {
    short: 'kind of identity',
    long: 'Root, IAMUser, AssumedRole (temporary role credentials), FederatedUser, AWSAccount (another account), AWSService, IdentityCenterUser, Unknown…',
  },
  'userIdentity.principalId': {
    short: 'unique ID of the caller',
    long: 'A unique identifier of the caller. For an assumed role it is the role ID followed by the session name (AROA…:session).',
  },
  'userIdentity.arn': {
    short: 'ARN of the caller',
    long: 'The Amazon Resource Name of the principal that made the call (user, assumed-role session, root…).',
  },
  'userIdentity.accountId': {
    short: 'account of the caller',
    long: 'The AWS account that owns the principal that made the call. It can differ from recipientAccountId for cross-account calls.',
  },
  'userIdentity.accessKeyId': {
    short: 'access key that signed the request',
    long: 'The access key used to sign the request. AKIA… is a long-term IAM user key; ASIA… is a temporary key from STS (a role, a federated or a console session).',
  },
  'userIdentity.userName': {
    short: 'user name',
    long: 'The friendly name of the IAM user (or root) that made the call. Absent for most assumed-role sessions: see sessionContext.sessionIssuer.',
  },
  'userIdentity.invokedBy': {
    short: 'AWS service that called for you',
    long: 'Set when an AWS service made the request on behalf of the principal, for example cloudformation.amazonaws.com or AWS Internal.',
  },
  'userIdentity.invokedByDelegate': {
    short: 'product provider with delegated access',
    long: 'Set when a product provider used temporary delegated access in this account: its accountId names the provider\'s AWS account.',
  },
  'userIdentity.invokedByDelegate.accountId': {
    short: 'account of the provider',
    long: 'The AWS account ID of the product provider that made the request with delegated access.',
  },
  'userIdentity.onBehalfOf': {
    short: 'Identity Center user acted for',
    long: 'For calls by an IAM Identity Center caller: the Identity Center user the call was made for, and their identity store.',
  },
  'userIdentity.onBehalfOf.userId': {
    short: 'Identity Center user ID',
    long: 'The ID of the IAM Identity Center user the call was made on behalf of (look it up in the identity store).',
  },
  'userIdentity.onBehalfOf.identityStoreArn': {
    short: 'identity store',
    long: 'The ARN of the IAM Identity Center identity store that holds the user.',
  },
  'userIdentity.inScopeOf': {
    short: 'service resource the credentials belong to',
    long: 'For requests made in scope of an AWS service such as Lambda or Amazon ECS: the resource or credentials related to the request.',
  },
  'userIdentity.inScopeOf.sourceArn': {
    short: 'resource that invoked the service',
    long: 'The ARN of the resource that invoked the service-to-service request.',
  },
  'userIdentity.inScopeOf.sourceAccount': {
    short: 'owner of sourceArn',
    long: 'The account that owns the resource in sourceArn.',
  },
  'userIdentity.inScopeOf.issuerType': {
    short: 'kind of resource credentials went to',
    long: 'The resource type the credentials were issued to, for example AWS::Lambda::Function.',
  },
  'userIdentity.inScopeOf.credentialsIssuedTo': {
    short: 'resource credentials went to',
    long: 'The resource of the environment where the credentials were issued.',
  },
  'userIdentity.credentialId': {
    short: 'bearer-token credential',
    long: 'The ID of the credential, set only when the caller used a bearer token such as an IAM Identity Center authorized access token. It identifies one session.',
  },
  'userIdentity.identityProvider': {
    short: 'external identity provider',
    long: 'For SAMLUser and WebIdentityUser: the SAML name qualifier, or the issuer of the web identity token (cognito-identity.amazon.com, accounts.google.com…).',
  },
  'userIdentity.sessionContext': {
    short: 'temporary-credential session',
    long: 'Details of the session the temporary credentials belong to: who issued it, when it was created and whether MFA was used.',
  },
  'userIdentity.sessionContext.sessionIssuer': {
    short: 'role or user that issued the session',
    long: 'The principal that issued the temporary credentials, typically the IAM role that was assumed (its ARN and name).',
  },
  'userIdentity.sessionContext.attributes': {
    short: 'session facts',
    long: 'When the session was created and whether the user authenticated with multi-factor authentication.',
  },
  'userIdentity.sessionContext.attributes.mfaAuthenticated': {
    short: 'signed in with MFA?',
    long: '"true" when the root or IAM user whose credentials were used signed in with multi-factor authentication.',
  },
  'userIdentity.sessionContext.attributes.creationDate': {
    short: 'when the credentials were issued',
    long: 'When the temporary credentials were issued, in UTC (ISO 8601). Compare it with eventTime: an old session still in use can be worth a look.',
  },
  'userIdentity.sessionContext.webIdFederationData': {
    short: 'web identity federation',
    long: 'For AssumeRoleWithWebIdentity sessions: the identity provider (Cognito, Google, an OIDC provider…) and its attributes.',
  },
  'userIdentity.sessionContext.webIdFederationData.federatedProvider': {
    short: 'identity provider',
    long: 'The principal name of the web identity provider, for example accounts.google.com, www.amazon.com or an OIDC provider such as token.actions.githubusercontent.com.',
  },
  'userIdentity.sessionContext.webIdFederationData.attributes': {
    short: 'provider attributes',
    long: 'The application ID and user ID as the web identity provider reported them.',
  },
  'userIdentity.sessionContext.sessionIssuer.type': {
    short: 'kind of issuer',
    long: 'Where the temporary credentials came from: Role (an assumed role), IAMUser or Root (GetFederationToken, GetSessionToken).',
  },
  'userIdentity.sessionContext.sessionIssuer.principalId': {
    short: 'unique ID of the issuer',
    long: 'The internal ID of the role or user used to get the credentials (AROA… for a role, AIDA… for a user).',
  },
  'userIdentity.sessionContext.sessionIssuer.arn': {
    short: 'ARN of the issuer',
    long: 'The ARN of the role, IAM user or account that was used to get the temporary credentials.',
  },
  'userIdentity.sessionContext.sessionIssuer.accountId': {
    short: 'account of the issuer',
    long: 'The account that owns the role or user used to get the credentials.',
  },
  'userIdentity.sessionContext.sessionIssuer.userName': {
    short: 'name of the role or user',
    long: 'The friendly name of the role (or user) that issued the session. For Identity Center sessions it is AWSReservedSSO_<permission set>_<id>.',
  },
  'userIdentity.sessionContext.sourceIdentity': {
    short: 'original identity (source identity)',
    long: 'The identity an administrator required callers to set when assuming the role (sts:SetSourceIdentity). It stays with the session through role chaining, so it names the person behind a shared role.',
  },
  'userIdentity.sessionContext.ec2RoleDelivery': {
    short: 'EC2 instance credentials (IMDS version)',
    long: '1.0 when the credentials came from the EC2 Instance Metadata Service version 1 (IMDSv1), 2.0 when they came from IMDSv2.',
  },
  'userIdentity.sessionContext.assumedRoot': {
    short: 'privileged root session',
    long: 'true for a short-term root session that the management account or a delegated administrator got with sts:AssumeRoot, to do a privileged task in a member account.',
  },
  'userIdentity.sessionContext.signInSessionArn': {
    short: 'sign-in session',
    long: 'The ARN of the sign-in session behind the request (arn:aws:signin:<region>:<account>:session/<id>), more specific than the principal\'s ARN: it tells apart sessions of the same user or role.',
  },
  eventTime: {
    short: 'when',
    long: 'When the request was completed, in UTC (ISO 8601, the Z means UTC).',
  },
  eventSource: {
    short: 'which service',
    long: 'The service the request was made to, as its endpoint name: s3.amazonaws.com, iam.amazonaws.com, cloudtrail.amazonaws.com…',
  },
  eventName: {
    short: 'which action',
    long: 'The API action that was requested, for example UpdateTrail, PutObject or ConsoleLogin.',
  },
  awsRegion: {
    short: 'region the request went to',
    long: 'The AWS Region the request was made to. Global services such as IAM record us-east-1.',
  },
  sourceIPAddress: {
    short: 'where the request came from',
    long: 'The IP address the request came from. When an AWS service made the call for you, this is the service name instead (for example ec2.amazonaws.com).',
  },
  userAgent: {
    short: 'tool or SDK used',
    long: 'The client that made the request: the console (console.amazonaws.com), the AWS CLI, an SDK with its version, or another AWS service.',
  },
  errorCode: {
    short: 'the call FAILED: error code',
    long: 'Present only when the request failed: the AWS error code (AccessDenied, UnauthorizedOperation, a service exception…). Failed calls changed nothing.',
  },
  errorMessage: {
    short: 'why it failed',
    long: 'The error message the service returned, describing why the request failed.',
  },
  requestParameters: {
    short: 'the AWS API request',
    long: 'The parameters sent with the request, as the service logged them. Some services leave out or redact large or sensitive values.',
  },
  responseElements: {
    short: 'the AWS API response',
    long: 'The response to actions that create, update or delete something. null for read-only actions and for failed calls.',
  },
  additionalEventData: {
    short: 'extra data from the service',
    long: 'Additional data about the event that is not part of the request or the response (for example MFAUsed for ConsoleLogin, bytes transferred for S3).',
  },
  requestID: {
    short: 'ID the service gave the request',
    long: 'The value that identifies the request, generated by the service being called. Useful when talking to AWS Support.',
  },
  eventID: {
    short: 'unique ID of this record',
    long: 'A GUID that CloudTrail generates to identify each event uniquely. Together with recipientAccountId it identifies a record.',
  },
  readOnly: {
    short: 'read only (changed nothing)?',
    long: 'true when the operation only reads (Get, List, Describe…); false when it can change something.',
  },
  eventType: {
    short: 'kind of event',
    long: 'AwsApiCall (an API call), AwsServiceEvent (made by a service), AwsConsoleAction, AwsConsoleSignIn, AwsCloudTrailInsight, AwsVpceEvent.',
  },
  managementEvent: {
    short: 'management event?',
    long: 'true for management (control plane) events, which change or read the configuration of resources; false for data events.',
  },
  recipientAccountId: {
    short: 'account that received the event',
    long: 'The account ID that received this event. It can differ from userIdentity.accountId for cross-account calls.',
  },
  resources: {
    short: 'resources involved',
    long: 'The resources accessed in the event: each with its ARN, account ID and type.',
  },
  'resources[].ARN': {
    short: 'resource ARN',
    long: 'The Amazon Resource Name of a resource the event acted on.',
  },
  'resources[].accountId': {
    short: 'account that owns the resource',
    long: 'The account that owns this resource.',
  },
  'resources[].type': {
    short: 'resource type',
    long: 'The type of the resource, as AWS::Service::Type (for example AWS::S3::Object).',
  },
  eventCategory: {
    short: 'Management, Data or Insight',
    long: 'The event category: Management, Data, NetworkActivity or Insight. CloudTrail Lake and trails use it to choose which events to log.',
  },
  tlsDetails: {
    short: 'TLS connection details',
    long: 'The TLS version and cipher suite of the connection, and the host name the client connected to.',
  },
  'tlsDetails.tlsVersion': {
    short: 'TLS version',
    long: 'The TLS version the client used, for example TLSv1.2 or TLSv1.3.',
  },
  'tlsDetails.cipherSuite': {
    short: 'cipher suite',
    long: 'The cipher suite negotiated for the connection.',
  },
  'tlsDetails.clientProvidedHostHeader': {
    short: 'endpoint the client called',
    long: 'The host name the client used in the request, for example a service or VPC endpoint.',
  },
  sessionCredentialFromConsole: {
    short: 'credentials from the console',
    long: 'true when the request was made with the credentials of an AWS Management Console session.',
  },
  apiVersion: {
    short: 'API version',
    long: 'The version of the API that was called, for services that record it.',
  },
  serviceEventDetails: {
    short: 'details of the service event',
    long: 'For events AWS services generate themselves (eventType AwsServiceEvent): what happened, in the service\'s own words.',
  },
  sharedEventID: {
    short: 'same event, other accounts',
    long: 'A GUID shared by the copies of one cross-account event that CloudTrail delivers to each account involved.',
  },
  vpcEndpointId: {
    short: 'VPC endpoint used',
    long: 'The VPC endpoint the request went through.',
  },
  vpcEndpointAccountId: {
    short: 'account of the VPC endpoint',
    long: 'The account that owns the VPC endpoint the request went through.',
  },
  insightDetails: {
    short: 'unusual activity details',
    long: 'For CloudTrail Insights events: the unusual API call rate or error rate that was detected, with its baseline.',
  },
  edgeDeviceDetails: {
    short: 'edge device',
    long: 'Information about the edge device (for example a Snowball) that is the target of the request.',
  },
  addendum: {
    short: 'late changes to this record',
    long: 'Why CloudTrail delivered this event late or updated it, and what changed.',
  },
  'addendum.reason': {
    short: 'why it was late or changed',
    long: 'DELIVERY_DELAY (delivery was delayed), UPDATED_DATA (a field was missing or wrong and is updated here) or SERVICE_OUTAGE (the service could not log during an outage).',
  },
  'addendum.updatedFields': {
    short: 'fields updated',
    long: 'Which fields of the original record this addendum updates (only for UPDATED_DATA).',
  },
  'addendum.originalRequestID': {
    short: 'request ID of the original',
    long: 'The original unique ID of the request (only for UPDATED_DATA).',
  },
  'addendum.originalEventID': {
    short: 'event ID of the original',
    long: 'The eventID of the original record this one updates (only for UPDATED_DATA).',
  },
  eventContext: {
    short: 'enrichment: condition keys and tags',
    long: 'Only in CloudTrail Lake event data stores set up to add resource tag keys or IAM global condition keys: requestContext (condition keys evaluated) and tagContext (tags of the resources and principals).',
  },
  'eventContext.requestContext': {
    short: 'IAM global condition keys',
    long: 'The IAM global condition keys evaluated while authorizing the request: details of the principal, the session, the network and the request.',
  },
  'eventContext.tagContext': {
    short: 'resource and principal tags',
    long: 'The tags of the resources involved in the call and of the IAM principal. Events about deleted resources have no resource tags.',
  },
  'tlsDetails.keyExchange': {
    short: 'TLS key exchange',
    long: 'The key exchange of the TLS handshake: X25519MLKEM768 is post-quantum TLS 1.3, x25519 classical TLS 1.3, secp256r1 TLS 1.2.',
  },
  'insightDetails.state': {
    short: 'Start or End of the unusual activity',
    long: 'Insights events come in pairs: Start when unusual activity begins, End when it stops.',
  },
  'insightDetails.insightType': {
    short: 'kind of insight',
    long: 'ApiCallRateInsight (unusual number of calls) or ApiErrorRateInsight (unusual number of failed calls).',
  },
  'insightDetails.insightContext': {
    short: 'the numbers behind the insight',
    long: 'The statistics of the insight: the baseline, the unusual value and the attributions (who and what contributed).',
  },
  'additionalEventData.MFAUsed': {
    short: 'sign-in with MFA?',
    long: 'For console sign-ins: Yes when the root or IAM user signed in with multi-factor authentication, No when not.',
  },
  'responseElements.ConsoleLogin': {
    short: 'sign-in result',
    long: 'For console sign-ins: Success or Failure. Many failures in a row from one address can be password guessing.',
  },
} satisfies Record<string, Annotation>

export type AnnotationKey = keyof typeof en
