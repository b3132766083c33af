curl https://skinnai-worker.london800800.workers.dev/api/v1/status
