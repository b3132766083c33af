curl \
  -H "X-API-Key: sk_live_your_api_key_here" \
  "https://skinnai-worker.london800800.workers.dev/api/v1/analyze?image_url=https%3A%2F%2Fexample.com%2Fpatient.jpg&language=en"
