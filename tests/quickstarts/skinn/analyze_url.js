const params = new URLSearchParams({
  image_url: "https://example.com/patient.jpg",
  language: "en"
});

const res = await fetch(
  `https://skinnai-worker.london800800.workers.dev/api/v1/analyze?${params}`,
  { headers: { "X-API-Key": "sk_live_your_api_key_here" } }
);

const { analysis } = await res.json();
console.log(`Score: ${analysis.skinScore}/100`);
