// What the viewer says about one value: a few words inline and the full story on hover, in the
// chosen language. Pure: everything it needs (the other fields of the event, the time zone, the
// newest event, the user's account names, the clock) comes in.
import { formatMessage, formatRelativeTime, type Language } from '../i18n'
import { parseArn, partitionName } from './arn'
import { errorKey } from './error-codes'
import { explainEn } from './explain-en'
import { explainJa } from './explain-ja'
import type { Explain } from './explain-types'
import { apiReferenceUrl, docsSearchUrl, serviceAuthorizationUrl } from './doc-links'
import { identityChain, isIdentityType, type ChainStep, type FieldGetter } from './identity'
import { isAccountId, uniqueIdKind } from './ids'
import { classifySourceIp } from './ip'
import { regionName } from './regions'
import { decodeEn, type DecodeText } from './text-en'
import { decodeJa } from './text-ja'
import { describeSpan, relativeToNewest } from './time'
import { formatInstant, parseZonedInstant } from '../time'
import { classifyUserAgent } from './user-agent'

export type { FieldGetter } from './identity'

export const DECODE_TEXT: Record<Language, DecodeText> = { en: decodeEn, ja: decodeJa }
export const EXPLAIN: Record<Language, Explain> = { en: explainEn, ja: explainJa }

export interface DecodeContext {
  language: Language
  /** 'UTC' or an IANA zone (Asia/Tokyo). */
  timeZone: string
  /** The newest eventTime loaded (ms), for "3 days before the newest event". */
  newest: number | null
  /** The clock, for "5 years ago". */
  now: number
  /** Account ID -> the name the user gave it. */
  aliases: Readonly<Record<string, string>>
}

export interface DocLink {
  label: string
  url: string
}

export interface ValueHint {
  /** A few words shown muted after the line; null for nothing inline. */
  inline: string | null
  /** The full explanation, as plain-text paragraphs (the viewer escapes them). */
  details: string[]
  /** Documentation links (opened only when the user clicks). */
  links: DocLink[]
  /** 'warn' and 'error' lines are flagged. */
  level: 'info' | 'warn' | 'error'
}

function hint(inline: string | null, details: string[] = [], level: ValueHint['level'] = 'info', links: DocLink[] = []): ValueHint {
  return { inline, details, links, level }
}

/** "5 years ago" / "5 年前" (Intl.RelativeTimeFormat, common/i18n/relative-time.ts). */
export function describeAgo(ms: number, now: number, language: Language): string {
  return formatRelativeTime(ms, now, language)
}

/** The account's name if the user gave it one. */
export function accountAlias(account: string, ctx: DecodeContext): string | null {
  const alias = Object.prototype.hasOwnProperty.call(ctx.aliases, account) ? ctx.aliases[account] : undefined
  return alias && alias.trim() ? alias.trim() : null
}

function accountText(account: string, ctx: DecodeContext): string {
  const alias = accountAlias(account, ctx)
  return alias ? `${account} (${alias})` : account
}

/** One line for the identity chain: "role Admin ▸ session alice ▸ source identity x". */
export function chainText(steps: ChainStep[], ctx: DecodeContext): string {
  const templates = EXPLAIN[ctx.language].chain
  return steps
    .map((step) => {
      const value = (step.kind === 'root' || step.kind === 'awsAccount') && isAccountId(step.value) ? accountText(step.value, ctx) : step.value
      return formatMessage(templates[step.kind], { v: value })
    })
    .join(' ▸ ')
}

const ACCOUNT_LEAVES = new Set(['accountId', 'recipientAccountId', 'vpcEndpointAccountId', 'sourceAccount'])

function lastKey(path: string): string {
  const dot = path.lastIndexOf('.')
  return (dot >= 0 ? path.slice(dot + 1) : path).replace(/\[\d+\]$/, '')
}

function describeTime(path: string, value: string, get: FieldGetter, ctx: DecodeContext): ValueHint | null {
  const ms = parseZonedInstant(value)
  if (ms === null) return null
  const t = DECODE_TEXT[ctx.language]
  const shown = formatInstant(ms, ctx.timeZone, ctx.language)
  const details = [shown]
  if (ctx.timeZone !== 'UTC') details.push(formatMessage(t.inUtc, { time: formatInstant(ms, 'UTC', ctx.language) }))
  const ago = describeAgo(ms, ctx.now, ctx.language)
  const relative = relativeToNewest(ms, ctx.newest, ctx.language)
  details.push(relative ? `${ago} · ${relative}` : ago)
  let inline = shown
  if (path !== 'eventTime') {
    const eventMs = parseZonedInstant(get('eventTime') ?? '')
    if (eventMs !== null) {
      const span = describeSpan(eventMs - ms, ctx.language)
      const issued = formatMessage(eventMs >= ms ? t.sessionIssued : t.sessionIssuedAfter, { span })
      details.push(issued)
      inline = `${shown} · ${issued}`
    }
  }
  return hint(inline, details)
}

function describeUniqueId(value: string, ctx: DecodeContext): ValueHint | null {
  const t = DECODE_TEXT[ctx.language]
  const id = uniqueIdKind(value)
  if (id) {
    const kind = EXPLAIN[ctx.language].idKinds[id.kind]
    const details = [formatMessage(t.idPrefix, { prefix: id.prefix, kind: kind.short }), kind.long]
    if (id.session) details.push(formatMessage(t.idSession, { session: id.session }))
    if (id.masked) details.push(t.idMasked)
    return hint(kind.short, details)
  }
  if (isAccountId(value)) return hint(t.accountId, [t.idAccount])
  const accountThenName = /^(\d{12}):(.+)$/.exec(value)
  if (accountThenName) return hint(null, [t.idAccount, formatMessage(t.idSession, { session: accountThenName[2] })])
  if (/\.amazonaws\.com$/.test(value)) return hint(null, [t.idService])
  return null
}

function describeAccount(account: string, ctx: DecodeContext): ValueHint {
  const t = DECODE_TEXT[ctx.language]
  const alias = accountAlias(account, ctx)
  if (alias) return hint(formatMessage(t.accountNamed, { alias }), [formatMessage(t.accountNamedLong, { alias }), t.accountNameHint])
  return hint(t.accountId, [t.accountNameHint])
}

function describeArnValue(value: string, ctx: DecodeContext): ValueHint | null {
  const arn = parseArn(value)
  if (!arn) return null
  const t = DECODE_TEXT[ctx.language]
  const details = [
    formatMessage(t.arnParts, {
      partition: arn.partition === 'aws' ? 'aws' : `${arn.partition} (${partitionName(arn.partition)})`,
      service: arn.service,
      region: arn.region ? `${arn.region}${regionName(arn.region, ctx.language) ? ` (${regionName(arn.region, ctx.language)})` : ''}` : t.arnNoRegion,
      account: arn.account ? accountText(arn.account, ctx) : t.arnNoAccount,
      resource: arn.resource,
    }),
  ]
  const alias = isAccountId(arn.account) ? accountAlias(arn.account, ctx) : null
  if (isAccountId(arn.account) && !alias) details.push(t.accountNameHint)
  return hint(alias, details)
}

function describeSourceIp(value: string, ctx: DecodeContext): ValueHint | null {
  const t = DECODE_TEXT[ctx.language]
  const ip = classifySourceIp(value)
  switch (ip.kind) {
    case 'awsService':
      return hint(t.ua_awsService, [formatMessage(t.ipAwsService, { service: ip.service }), t.ipAwsServiceLong])
    case 'awsInternal':
      return hint(t.ipAwsInternal, [t.ipAwsInternalLong])
    case 'masked':
      return hint(t.ipMasked, [t.ipMaskedLong])
    case 'hostname':
      return hint(t.ipHostname, [t.ipHostnameLong])
    case 'ipv4':
    case 'ipv6': {
      const range = t[`ipRange_${ip.range}`]
      const details = [t[`ipRange_${ip.range}Long`]]
      if (ip.kind === 'ipv4' && ip.leadingZeros) details.push(t.ipLeadingZeros)
      return hint(`${ip.kind === 'ipv4' ? t.ipv4 : t.ipv6} · ${range}`, details, ip.range === 'public' || ip.range === 'private' ? 'info' : 'info')
    }
    default:
      return null
  }
}

function describeUserAgent(value: string, ctx: DecodeContext): ValueHint | null {
  const t = DECODE_TEXT[ctx.language]
  const ua = classifyUserAgent(value)
  if (ua.kind === 'unknown') return null
  const kind = t[`ua_${ua.kind}`]
  // The console and AWS-internal callers have no product of their own to name.
  const same = ua.kind === 'console' || ua.kind === 'awsInternal'
  const inline = same ? kind : formatMessage(ua.version ? t.uaProductVersion : t.uaProduct, { kind, product: ua.product, version: ua.version ?? '' })
  const long: Partial<Record<typeof ua.kind, string>> = {
    attackTool: t.uaAttackLong,
    pentestOs: t.uaPentestLong,
    httpClient: t.uaHttpLong,
    browser: t.uaBrowserLong,
    console: t.uaConsoleLong,
    awsService: t.uaServiceLong,
    awsInternal: t.ipAwsInternalLong,
  }
  const details = [inline]
  if (long[ua.kind]) details.push(long[ua.kind]!)
  return hint(inline, details, ua.kind === 'attackTool' || ua.kind === 'pentestOs' ? 'warn' : 'info')
}

function describeError(value: string, ctx: DecodeContext): ValueHint | null {
  const key = errorKey(value)
  if (!key) return null
  const t = DECODE_TEXT[ctx.language]
  const e = EXPLAIN[ctx.language].errors[key]
  return hint(
    e.meaning,
    [formatMessage(t.errorMeaning, { text: e.meaning }), formatMessage(t.errorCause, { text: e.cause }), formatMessage(t.errorCheck, { text: e.check })],
    'error',
  )
}

function eventNameLinks(eventName: string, eventSource: string | null, ctx: DecodeContext): DocLink[] {
  const t = DECODE_TEXT[ctx.language]
  const links: DocLink[] = []
  const api = apiReferenceUrl(eventSource ?? '', eventName)
  if (api) {
    const label = api.includes('/search/') ? formatMessage(t.linkSearch, { action: eventName }) : api.includes('sign-in-events') ? t.linkSignin : formatMessage(t.linkApi, { action: eventName })
    links.push({ label, url: api })
  }
  if (eventSource) {
    const authz = serviceAuthorizationUrl(eventSource)
    if (authz) links.push({ label: t.linkAuthz, url: authz })
  }
  return links
}

/**
 * The hint for the value at a JSON path of an event (path as the pretty printer names it:
 * userIdentity.type, resources[0].ARN), or null when there is nothing to say about it.
 */
export function describeField(path: string, get: FieldGetter, ctx: DecodeContext): ValueHint | null {
  const t = DECODE_TEXT[ctx.language]
  if (path === 'userIdentity') {
    const steps = identityChain(get)
    if (steps.length === 0) return null
    const chain = chainText(steps, ctx)
    return hint(chain, [formatMessage(t.identityChain, { chain })])
  }
  const value = get(path)
  if (value === null) return null
  const leaf = lastKey(path)

  if (path === 'eventTime' || path === 'userIdentity.sessionContext.attributes.creationDate') return describeTime(path, value, get, ctx)
  if (path === 'userIdentity.type' || path === 'userIdentity.sessionContext.sessionIssuer.type') {
    if (!isIdentityType(value)) return null
    const type = EXPLAIN[ctx.language].identityTypes[value]
    return hint(type.short, [type.long], value === 'Root' ? 'warn' : 'info')
  }
  if (path === 'userIdentity.sessionContext.attributes.mfaAuthenticated') {
    if (value === 'false') return hint(t.mfaFalse, [t.mfaFalseLong], 'warn')
    if (value === 'true') return hint(t.mfaTrue)
    return null
  }
  if (path === 'userIdentity.sessionContext.ec2RoleDelivery') {
    if (value === '1.0') return hint(t.imdsV1, [t.imdsV1Long], 'warn')
    if (value === '2.0') return hint(t.imdsV2, [t.imdsV2Long])
    return null
  }
  if (path === 'sessionCredentialFromConsole') return value === 'true' ? hint(t.fromConsole) : null
  if (path === 'sourceIPAddress') return describeSourceIp(value, ctx)
  if (path === 'userAgent') return describeUserAgent(value, ctx)
  if (path === 'errorCode') return describeError(value, ctx)
  if (path === 'eventName') return hint(null, [], 'info', eventNameLinks(value, get('eventSource'), ctx))
  if (path === 'eventSource') {
    const authz = serviceAuthorizationUrl(value)
    return authz ? hint(null, [], 'info', [{ label: t.linkAuthz, url: authz }]) : null
  }
  if (path === 'awsRegion') {
    const name = regionName(value, ctx.language)
    return name ? hint(name) : null
  }
  if (path === 'addendum.reason') {
    const key = `addendum_${value}` as keyof DecodeText
    return Object.prototype.hasOwnProperty.call(t, key) ? hint(t[key]) : null
  }
  if (leaf === 'accessKeyId' || leaf === 'principalId') return describeUniqueId(value, ctx)
  if (value.startsWith('arn:')) return describeArnValue(value, ctx)
  if (isAccountId(value) && (ACCOUNT_LEAVES.has(leaf) || /AccountId$|^accountIds?$/i.test(leaf))) return describeAccount(value, ctx)
  return null
}

/** A documentation search link, for callers that need one without an event. */
export { docsSearchUrl }
