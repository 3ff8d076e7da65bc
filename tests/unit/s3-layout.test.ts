// The pure key-path logic of the S3 reader: which day folders a range needs, what a prefix pins,
// which files cannot hold an event of the range, and discovery over an in-memory folder tree.

import { describe, expect, it } from 'vitest'
import { isRegion } from '../../common/aws-names'
import {
  dayFolders, dayPrefixes, endsBeforeRange, eventTimeInRange, fileTimeFromKey, normalizePrefix, splitPrefix, walkLayout,
} from '../../main/s3/trail-layout'

const t = (iso: string) => Date.parse(iso)

describe('dayFolders', () => {
  it('lists every UTC day the range touches, plus the day after', () => {
    expect(dayFolders(t('2024-03-10T12:00:00Z'), t('2024-03-12T00:00:00Z'))).toEqual(['2024/03/10', '2024/03/11', '2024/03/12'])
    expect(dayFolders(t('2024-03-10T00:00:00Z'), t('2024-03-10T00:00:01Z'))).toEqual(['2024/03/10', '2024/03/11'])
    expect(dayFolders(t('2024-02-28T23:00:00Z'), t('2024-03-01T00:00:00Z'))).toEqual(['2024/02/28', '2024/02/29', '2024/03/01'])
    expect(dayFolders(t('2023-12-31T00:00:00Z'), t('2024-01-01T00:00:00Z'))).toEqual(['2023/12/31', '2024/01/01'])
  })
  it('is empty for an empty or invalid range', () => {
    expect(dayFolders(5, 5)).toEqual([])
    expect(dayFolders(10, 5)).toEqual([])
    expect(dayFolders(Number.NaN, 5)).toEqual([])
  })
})

describe('prefixes', () => {
  it('normalises what a user types', () => {
    expect(normalizePrefix(undefined)).toBe('')
    expect(normalizePrefix('/trails')).toBe('trails/')
    expect(normalizePrefix('trails/')).toBe('trails/')
  })
  it('reads what a prefix under AWSLogs/ already pins', () => {
    expect(splitPrefix('')).toEqual({ root: 'AWSLogs/' })
    expect(splitPrefix('my/trail')).toEqual({ root: 'my/trail/AWSLogs/' })
    expect(splitPrefix('AWSLogs/o-abc123defg/')).toEqual({ root: 'AWSLogs/', orgId: 'o-abc123defg' })
    expect(splitPrefix('x/AWSLogs/o-abc123defg/111122223333/CloudTrail/eu-west-1/')).toEqual({
      root: 'x/AWSLogs/', orgId: 'o-abc123defg', account: '111122223333', kind: 'CloudTrail', region: 'eu-west-1',
    })
    expect(splitPrefix('AWSLogs/111122223333/CloudTrail-Insight')).toEqual({ root: 'AWSLogs/', account: '111122223333', kind: 'CloudTrail-Insight' })
  })
  it('knows region names', () => {
    for (const r of ['us-east-1', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-5', 'il-central-1', 'eu-central-2']) expect(isRegion(r)).toBe(true)
    for (const r of ['us-east', '2024', 'CloudTrail', 'o-abc123defg']) expect(isRegion(r)).toBe(false)
  })
})

describe('file times', () => {
  const key = 'AWSLogs/111122223333/CloudTrail/us-east-1/2024/03/10/111122223333_CloudTrail_us-east-1_20240310T1205Z_Ab12Cd34.json.gz'
  it('reads the delivery time from a CloudTrail file name', () => {
    expect(fileTimeFromKey(key)).toBe(t('2024-03-10T12:05:00Z'))
    expect(fileTimeFromKey('AWSLogs/x/notes.txt')).toBeUndefined()
  })
  it('skips only files written over an hour before the range starts', () => {
    expect(endsBeforeRange(key, t('2024-03-10T13:05:00Z'))).toBe(false)
    expect(endsBeforeRange(key, t('2024-03-10T13:05:01Z'))).toBe(true)
    expect(endsBeforeRange('AWSLogs/x/notes.txt', t('2030-01-01T00:00:00Z'))).toBe(false)
  })
  it('eventTimeInRange: from inclusive, to exclusive', () => {
    const inRange = eventTimeInRange(100, 200)
    expect([99, 100, 199, 200].map(inRange)).toEqual([false, true, true, false])
  })
})

describe('walkLayout', () => {
  const tree: Record<string, string[]> = {
    'p/AWSLogs/': ['o-abc123defg', '333333333333', 'notes'],
    'p/AWSLogs/o-abc123defg/': ['111111111111', '222222222222', 'o-other'],
    'p/AWSLogs/o-abc123defg/111111111111/': ['CloudTrail', 'CloudTrail-Digest', 'CloudTrail-Insight', 'Config'],
    'p/AWSLogs/o-abc123defg/111111111111/CloudTrail/': ['us-east-1', 'eu-west-1'],
    'p/AWSLogs/o-abc123defg/111111111111/CloudTrail-Insight/': ['us-east-1'],
    'p/AWSLogs/o-abc123defg/222222222222/': ['Config'],
    'p/AWSLogs/333333333333/': ['CloudTrail'],
    'p/AWSLogs/333333333333/CloudTrail/': ['ap-south-1', 'not-a-region'],
  }
  const listed: string[] = []
  const list = async (prefix: string) => (listed.push(prefix), tree[prefix] ?? [])

  it('finds organizations, accounts, regions and trail kinds one level at a time', async () => {
    const layout = await walkLayout(list, 'p')
    expect(layout).toMatchObject({
      orgIds: ['o-abc123defg'],
      accounts: ['111111111111', '333333333333'], // 222222222222 has no CloudTrail folders
      regions: ['ap-south-1', 'eu-west-1', 'us-east-1'],
      hasInsight: true,
      hasDigest: true,
      basePrefixes: ['p/AWSLogs/333333333333/', 'p/AWSLogs/o-abc123defg/111111111111/'],
    })
    expect(listed).not.toContain('p/AWSLogs/o-abc123defg/111111111111/CloudTrail-Digest/')
    expect(listed).not.toContain('p/AWSLogs/o-abc123defg/111111111111/Config/')
    const days = dayPrefixes(layout, { from: t('2024-03-10T00:00:00Z'), to: t('2024-03-11T00:00:00Z'), includeInsight: false, regions: ['us-east-1', 'ap-south-1'] })
    expect(days).toEqual([
      'p/AWSLogs/333333333333/CloudTrail/ap-south-1/2024/03/10/',
      'p/AWSLogs/333333333333/CloudTrail/ap-south-1/2024/03/11/',
      'p/AWSLogs/o-abc123defg/111111111111/CloudTrail/us-east-1/2024/03/10/',
      'p/AWSLogs/o-abc123defg/111111111111/CloudTrail/us-east-1/2024/03/11/',
    ])
    expect(dayPrefixes(layout, { from: 0, to: 1, includeInsight: true, accounts: ['111111111111'], regions: ['us-east-1'] })).toHaveLength(4)
  })

  it('does not list what the prefix pins', async () => {
    listed.length = 0
    const layout = await walkLayout(list, 'p/AWSLogs/333333333333/CloudTrail/')
    expect(layout.folders).toEqual([{ prefix: 'p/AWSLogs/333333333333/CloudTrail/', orgId: undefined, account: '333333333333', kind: 'CloudTrail', regions: ['ap-south-1'] }])
    expect(listed).toEqual(['p/AWSLogs/333333333333/CloudTrail/'])
  })
})
