// One bucket, reached through one S3 client: delimiter listings, paginated listings and object
// reads, following the bucket to its own region when S3 says it lives elsewhere. Credentials come
// from the SDK's default chain for the chosen profile (SSO, credential_process, assumed roles,
// environment), so nothing secret passes through or is stored by Ashiato.

import type { S3Connection } from '../../common/ipc-contract'
import http from 'node:http'
import https from 'node:https'
import type { Readable } from 'node:stream'
import { GetBucketLocationCommand, GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { fromNodeProviderChain } from '@aws-sdk/credential-providers'
import { listProfiles, regionFor } from './aws-profiles'
import { checkEndpoint } from './endpoint-policy'
import { isWrongRegion, regionFromError } from './s3-errors'

/** Where and as whom: all optional, as in the AWS CLI (--profile, --region, --endpoint-url). */
/** Where and as whom: the contract's S3Connection (profile, region, endpointUrl, allowPlainHttp). */
export type { S3Connection }

export interface ClientOptions {
  region: string
  profile?: string
  endpointUrl?: string
  /** Sockets per client: at least the download concurrency, or requests queue inside the agent. */
  maxSockets: number
}

export type ClientFactory = (opts: ClientOptions) => S3Client

export const defaultClientFactory: ClientFactory = (o) => {
  const agent = { keepAlive: true, maxSockets: o.maxSockets }
  return new S3Client({
    region: o.region,
    profile: o.profile,
    credentials: fromNodeProviderChain({ profile: o.profile }),
    endpoint: o.endpointUrl,
    forcePathStyle: Boolean(o.endpointUrl),
    // We retry ourselves: a failure can happen mid-body, after the SDK has handed the stream over.
    maxAttempts: 1,
    requestHandler: {
      httpAgent: new http.Agent(agent),
      httpsAgent: new https.Agent(agent),
      connectionTimeout: 10_000,
      socketTimeout: 60_000,
    },
  })
}

/**
 * The region to sign the first request for: --region, else AWS_REGION or the profile's region
 * (as the SDK would pick), else us-east-1. A bucket elsewhere is then followed by its redirect;
 * the start matters for S3-compatible servers and VPC endpoints, which do not redirect.
 */
export async function startRegion(conn: S3Connection, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (conn.region) return conn.region
  const name = conn.profile ?? env.AWS_PROFILE ?? 'default'
  const profiles = await listProfiles().catch(() => [])
  return regionFor(profiles.find((p) => p.name === name), env) ?? 'us-east-1'
}

export interface ListedObject {
  key: string
  size: number
  etag: string
}

export interface ListPage {
  dirs: string[]
  objects: ListedObject[]
  next?: string
}

export class BucketClient {
  region: string
  private client: S3Client
  private readonly clients: S3Client[] = []

  private constructor(
    readonly bucket: string,
    private readonly conn: S3Connection & { maxSockets: number },
    private readonly factory: ClientFactory,
    region: string,
  ) {
    this.region = region
    this.client = this.make(region)
  }

  static async connect(bucket: string, conn: S3Connection & { maxSockets: number }, factory: ClientFactory = defaultClientFactory): Promise<BucketClient> {
    return new BucketClient(bucket, conn, factory, await startRegion(conn))
  }

  private make(region: string): S3Client {
    checkEndpoint(this.conn)
    const c = this.factory({ region, profile: this.conn.profile, endpointUrl: this.conn.endpointUrl, maxSockets: this.conn.maxSockets })
    this.clients.push(c)
    return c
  }

  /**
   * Runs a call; if S3 answers that the bucket is in another region (301 PermanentRedirect, or
   * AuthorizationHeaderMalformed "expecting 'eu-west-1'"), moves to that region and runs it again.
   * The region comes from the error, else from GetBucketLocation. Later calls use the new region.
   */
  private async call<T>(op: (client: S3Client) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const client = this.client
    try {
      return await op(client)
    } catch (err) {
      if (!isWrongRegion(err)) throw err
      if (this.client === client) {
        const region = regionFromError(err) ?? (await this.locate(signal))
        if (!region || region === this.region) throw err
        this.region = region
        this.client = this.make(region)
      }
      return op(this.client)
    }
  }

  /** GetBucketLocation asked in us-east-1, which answers for buckets of every region. */
  private async locate(signal?: AbortSignal): Promise<string | undefined> {
    try {
      const out = await this.make('us-east-1').send(new GetBucketLocationCommand({ Bucket: this.bucket }), { abortSignal: signal })
      const c = out.LocationConstraint as string | undefined
      return !c ? 'us-east-1' : c === 'EU' ? 'eu-west-1' : c
    } catch {
      return undefined
    }
  }

  async listPage(prefix: string, opts: { delimiter?: string; token?: string; maxKeys?: number; signal?: AbortSignal } = {}): Promise<ListPage> {
    const out = await this.call(
      (c) =>
        c.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, Delimiter: opts.delimiter, ContinuationToken: opts.token, MaxKeys: opts.maxKeys }),
          { abortSignal: opts.signal },
        ),
      opts.signal,
    )
    return {
      dirs: (out.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [p.Prefix.slice(prefix.length).replace(/\/$/, '')] : [])),
      objects: (out.Contents ?? []).flatMap((o) => (o.Key ? [{ key: o.Key, size: o.Size ?? 0, etag: o.ETag ?? '' }] : [])),
      next: out.IsTruncated ? out.NextContinuationToken : undefined,
    }
  }

  /** The names of the folders directly under a prefix, all pages. */
  async listDirs(prefix: string, signal?: AbortSignal): Promise<string[]> {
    const dirs: string[] = []
    let token: string | undefined
    do {
      const page = await this.listPage(prefix, { delimiter: '/', token, signal })
      dirs.push(...page.dirs)
      token = page.next
    } while (token)
    return dirs
  }

  /** `signature`: x-amz-meta-signature, which CloudTrail sets on digest files. */
  async getObject(key: string, signal?: AbortSignal): Promise<{ body: Readable; size?: number; etag?: string; signature?: string }> {
    const out = await this.call((c) => c.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal: signal }), signal)
    return { body: out.Body as Readable, size: out.ContentLength, etag: out.ETag, signature: out.Metadata?.signature }
  }

  /** Closes every client's sockets. */
  close(): void {
    for (const c of this.clients) c.destroy()
  }
}

export interface BucketInfo {
  name: string
  region?: string
  createdAt?: number
}

/** The buckets the credentials can list (s3:ListAllMyBuckets), all pages. */
export async function listBuckets(conn: S3Connection, deps: { clientFactory?: ClientFactory; signal?: AbortSignal } = {}): Promise<BucketInfo[]> {
  checkEndpoint(conn)
  const client = (deps.clientFactory ?? defaultClientFactory)({ region: await startRegion(conn), profile: conn.profile, endpointUrl: conn.endpointUrl, maxSockets: 4 })
  try {
    const buckets: BucketInfo[] = []
    let token: string | undefined
    do {
      const out = await client.send(new ListBucketsCommand({ ContinuationToken: token }), { abortSignal: deps.signal })
      for (const b of out.Buckets ?? []) if (b.Name) buckets.push({ name: b.Name, region: b.BucketRegion, createdAt: b.CreationDate?.getTime() })
      token = out.ContinuationToken
    } while (token)
    return buckets.sort((a, b) => a.name.localeCompare(b.name))
  } finally {
    client.destroy()
  }
}
