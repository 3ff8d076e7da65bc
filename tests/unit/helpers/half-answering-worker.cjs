// A parse worker that answers a job's first file and then dies, as a worker killed by the OS
// (out of memory on its second file) would: for the pool's crash accounting test.
const { parentPort } = require('node:worker_threads')
parentPort.on('message', (job) => {
  const first = job.files[0]
  parentPort.postMessage({ jobId: job.jobId, last: job.files.length === 1, results: [{ fileIndex: first.fileIndex, reason: 'answered' }], dictionaryAdded: [], bytesRead: 0 })
  if (job.files.length > 1) process.exit(3)
})
