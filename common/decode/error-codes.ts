// errorCode -> which explanation applies: exact codes first, then families by shape (EC2's
// Client.InvalidXxx.NotFound, S3's NoSuch…Configuration, …LimitExceeded). The words are in
// text-en.ts / text-ja.ts (errors.<key>).

export const ERROR_KEYS = [
  'accessDenied',
  'vpceAccessDenied',
  'unauthorizedOperation',
  'throttling',
  'noSuchKey',
  'noSuchBucket',
  's3ConfigMissing',
  'noSuchEntity',
  'validation',
  'invalidClientToken',
  'expiredToken',
  'signature',
  'notFound',
  'trailNotFound',
  'cloudWatchLogsRole',
  'cloudWatchLogsGroup',
  'trailBucketPolicy',
  'invalidParameter',
  'dryRun',
  'optIn',
  'limit',
  'alreadyExists',
  'conflict',
  'internal',
] as const

export type ErrorKey = (typeof ERROR_KEYS)[number]

const EXACT: Readonly<Record<string, ErrorKey>> = {
  AccessDenied: 'accessDenied',
  AccessDeniedException: 'accessDenied',
  UnauthorizedException: 'accessDenied',
  AuthorizationError: 'accessDenied',
  AuthorizationErrorException: 'accessDenied',
  VpceAccessDenied: 'vpceAccessDenied',
  UnauthorizedOperation: 'unauthorizedOperation',
  ThrottlingException: 'throttling',
  Throttling: 'throttling',
  RequestLimitExceeded: 'throttling',
  TooManyRequestsException: 'throttling',
  SlowDown: 'throttling',
  NoSuchKey: 'noSuchKey',
  NoSuchBucket: 'noSuchBucket',
  NoSuchBucketPolicy: 's3ConfigMissing',
  NoSuchTagSet: 's3ConfigMissing',
  NoSuchTagSetError: 's3ConfigMissing',
  ObjectLockConfigurationNotFoundError: 's3ConfigMissing',
  ReplicationConfigurationNotFoundError: 's3ConfigMissing',
  ServerSideEncryptionConfigurationNotFoundError: 's3ConfigMissing',
  OwnershipControlsNotFoundError: 's3ConfigMissing',
  NoSuchEntity: 'noSuchEntity',
  NoSuchEntityException: 'noSuchEntity',
  ValidationException: 'validation',
  ValidationError: 'validation',
  InvalidClientTokenId: 'invalidClientToken',
  UnrecognizedClientException: 'invalidClientToken',
  InvalidAccessKeyId: 'invalidClientToken',
  AuthFailure: 'invalidClientToken',
  ExpiredToken: 'expiredToken',
  ExpiredTokenException: 'expiredToken',
  RequestExpired: 'expiredToken',
  SignatureDoesNotMatch: 'signature',
  IncompleteSignature: 'signature',
  ResourceNotFoundException: 'notFound',
  NotFoundException: 'notFound',
  TrailNotFoundException: 'trailNotFound',
  InvalidCloudWatchLogsRoleArnException: 'cloudWatchLogsRole',
  InvalidCloudWatchLogsLogGroupArnException: 'cloudWatchLogsGroup',
  InsufficientS3BucketPolicyException: 'trailBucketPolicy',
  InvalidParameterValue: 'invalidParameter',
  InvalidParameterValueException: 'invalidParameter',
  InvalidParameter: 'invalidParameter',
  InvalidParameterException: 'invalidParameter',
  InvalidParameterCombination: 'invalidParameter',
  InvalidInput: 'invalidParameter',
  InvalidInputException: 'invalidParameter',
  InvalidRequest: 'invalidParameter',
  InvalidRequestException: 'invalidParameter',
  MalformedPolicyDocument: 'invalidParameter',
  MalformedPolicyDocumentException: 'invalidParameter',
  BadRequestException: 'invalidParameter',
  DryRunOperation: 'dryRun',
  OptInRequired: 'optIn',
  OptInRequiredException: 'optIn',
  LimitExceeded: 'limit',
  LimitExceededException: 'limit',
  ServiceQuotaExceededException: 'limit',
  EntityAlreadyExists: 'alreadyExists',
  EntityAlreadyExistsException: 'alreadyExists',
  BucketAlreadyExists: 'alreadyExists',
  BucketAlreadyOwnedByYou: 'alreadyExists',
  ResourceAlreadyExistsException: 'alreadyExists',
  ConflictException: 'conflict',
  ResourceInUseException: 'conflict',
  DependencyViolation: 'conflict',
  IncorrectState: 'conflict',
  BucketNotEmpty: 'conflict',
  DeleteConflict: 'conflict',
  DeleteConflictException: 'conflict',
  EntityTemporarilyUnmodifiable: 'conflict',
  EntityTemporarilyUnmodifiableException: 'conflict',
  InternalFailure: 'internal',
  InternalError: 'internal',
  InternalServerError: 'internal',
  InternalServerException: 'internal',
  ServiceUnavailable: 'internal',
  ServiceUnavailableException: 'internal',
}

/** The error code without EC2's "Client." / "Server." prefix. */
export function bareErrorCode(code: string): string {
  return code.trim().replace(/^(Client|Server)\./, '')
}

/** Which explanation an errorCode gets; null for codes we have nothing useful to say about. */
export function errorKey(code: string): ErrorKey | null {
  const bare = bareErrorCode(code)
  if (Object.prototype.hasOwnProperty.call(EXACT, bare)) return EXACT[bare]
  if (/^NoSuch\w*Configuration$/.test(bare)) return 's3ConfigMissing'
  if (/(\.NotFound|NotFound(Exception|Fault)?)$/.test(bare)) return 'notFound'
  if (/LimitExceeded(Exception)?$/.test(bare)) return 'limit'
  if (/AlreadyExists(Exception|Fault)?$|\.Duplicate$/.test(bare)) return 'alreadyExists'
  if (/^Invalid\w*State(Fault|Exception)?$|\.InUse$/.test(bare)) return 'conflict'
  if (/\.Malformed$|^Invalid[A-Z.]/.test(bare)) return 'invalidParameter'
  if (/AccessDenied/.test(bare)) return 'accessDenied'
  return null
}
