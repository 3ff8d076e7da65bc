// The detection service behind the (coming) Detections panel: per-rule summary sorted by level
// then count, with ATT&CK tactics/techniques and the author; a rule's events; an event's rules;
// the per-event level column; incremental refreshes as batches arrive; user rule folders.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DetectService } from '../../main/services/detect-service'
import { EventStore } from '../../main/store/event-store'
import { batchOfTexts } from './helpers/make-store'
import { attackOf } from '../../common/detections'

const event = (name: string, second: number, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ eventTime: `2024-08-01T12:00:${String(second).padStart(2, '0')}Z`, eventSource: name === 'StopLogging' ? 'cloudtrail.amazonaws.com' : 'ec2.amazonaws.com', eventName: name, userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::1:user/a', userName: 'a' }, eventID: `e-${name}-${second}`, recipientAccountId: '1', ...extra })

describe('DetectService', () => {
  it('summarises, indexes and refreshes incrementally', async () => {
    const store = new EventStore()
    const service = new DetectService(store, { workers: 0 })
    try {
      store.addBatch(batchOfTexts([event('StopLogging', 1), event('DescribeInstances', 2)]), store.addFile('a.json'))
      await service.refresh()
      expect(service.summary().rules.map((r) => r.title)).toEqual(['CloudTrail logging stopped'])
      expect(service.summary().eventsChecked).toBe(2)
      // A second batch: only its events are matched, the summary grows.
      store.addBatch(batchOfTexts([event('GetPasswordData', 3), event('GetPasswordData', 4), event('StopLogging', 5)]), store.addFile('b.json'))
      await service.refresh()
      const summary = service.summary()
      expect(summary.rules.map((r) => [r.title, r.level, r.count, r.author])).toEqual([
        ['CloudTrail logging stopped', 'high', 2, 'Ashiato'],
        ['EC2 Windows password data read', 'medium', 2, 'Ashiato'],
      ])
      expect(summary.rules[0]).toMatchObject({ tactics: ['defense-evasion'], techniques: ['T1562.008'], firstTime: Date.UTC(2024, 7, 1, 12, 0, 1), lastTime: Date.UTC(2024, 7, 1, 12, 0, 5) })
      const stopId = summary.rules[0].ruleId
      expect(service.eventIdsOfRule(stopId)).toEqual([0, 4])
      expect(service.rulesOfEvent(0).map((r) => [r.title, r.author])).toEqual([['CloudTrail logging stopped', 'Ashiato']])
      expect(service.rulesOfEvent(1)).toEqual([])
      expect(Array.from(service.levelColumn)).toEqual([4, 0, 3, 3, 4])
    } finally {
      await service.close()
    }
  })

  it('reloads with the user rule folders, listing rules it cannot run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ashiato-rules-'))
    writeFileSync(path.join(dir, 'r.yml'), 'title: Any describe\nid: r1\nauthor: Jane\nlevel: low\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  selection: {eventName: Describe*}\n  condition: selection\n---\ntitle: Broken\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  selection: {a: 1}\n  condition: selection | count() > 2\n')
    const store = new EventStore()
    store.addBatch(batchOfTexts([event('DescribeInstances', 2)]), store.addFile('a.json'))
    const service = new DetectService(store, { workers: 0 })
    try {
      await service.refresh()
      expect(service.summary().rules).toEqual([])
      await service.reload({ ruleFolders: [dir] })
      const summary = service.summary()
      expect(summary.rules.map((r) => [r.title, r.author, r.source])).toEqual([['Any describe', 'Jane', path.join(dir, 'r.yml')]])
      expect(summary.unsupported.map((u) => u.title)).toEqual(['Broken'])
    } finally {
      await service.close()
    }
  })

  it('reads ATT&CK tactics and techniques from tags', () => {
    expect(attackOf(['attack.privilege_escalation', 'attack.t1098.003', 'attack.g0016', 'cve.2021'])).toEqual({ tactics: ['privilege-escalation'], techniques: ['T1098.003'] })
  })
})
