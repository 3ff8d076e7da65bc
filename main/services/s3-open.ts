// An S3 open as the service runs it: the range's objects download (main/s3, through S3Service)
// and each is loaded as it arrives (events outside [from, to) dropped), on the service's load
// queue. Returns at once; s3Progress follows, failed objects come as fileReports named
// s3://bucket/key, and a last s3Progress (done) once the last object has been read.
// Only types of the SDK side are imported: the SDK loads with S3Service, on first use.

import type { AshiatoPushes, LoadStarted, S3OpenRequest } from '../../common/ipc-contract'
import type { LoadQueue } from './load-queue'
import type { S3Service } from './s3-service'
import { S3OpenTracker } from './s3-open-progress'
import { CallError } from '../../common/call-errors'
import { s3CallError, S3OpenError } from '../s3/s3-errors'

type Push = <K extends 's3Progress'>(name: K, payload: AshiatoPushes[K]) => void

export function openS3Trail(s3: S3Service, request: S3OpenRequest, loads: LoadQueue, push: Push): LoadStarted {
  const download = new AbortController()
  const tracker = new S3OpenTracker((progress) => push('s3Progress', progress))
  const stream = s3.open(request, {
    signal: download.signal,
    onProgress: (p) => tracker.download(p),
    onError: ({ file, reason }) => loads.report({ file, events: 0, kind: 'error', reason }),
  })
  const load = loads.start(stream.inputs, { timeRange: stream.timeRange }, { download, onFileReport: (r) => tracker.fileRead(r), source: { kind: 's3', label: `s3://${request.bucket}/${request.prefix ?? ''}`, inputs: 1, s3: request } })
  tracker.loadId = load.loadId
  void Promise.allSettled([stream.summary, load.done]).then(([summary, loaded]) => {
    const cancelled = download.signal.aborted || (loaded.status === 'fulfilled' && loaded.value?.cancelled === true)
    if (summary.status === 'fulfilled') {
      // Offline and "nothing in the range" are read from the counts (offline, objectsTotal) by
      // the dialog, in its language; openTrail already reported the offline reason as a problem.
      tracker.finish({ cancelled })
    } else {
      const error = summary.reason instanceof Error ? summary.reason.message : String(summary.reason)
      loads.report({ file: `s3://${request.bucket}/${request.prefix ?? ''}`, events: 0, kind: 'error', reason: error })
      // The failures a user can act on (credentials, permissions, a bucket name) carry a code.
      const coded = summary.reason instanceof S3OpenError ? s3CallError(summary.reason.kind, error, { action: 's3:ListBucket', bucket: request.bucket, profile: request.profile }) : summary.reason
      tracker.finish({ cancelled, error, ...(coded instanceof CallError ? { errorCode: coded.code, errorValues: coded.values } : {}) })
    }
  })
  return { loadId: load.loadId }
}
