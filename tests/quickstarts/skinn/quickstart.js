// Node.js 18+ (native fetch)
const fs = require('fs');

const API_KEY = 'sk_live_your_api_key_here';
const b64 = fs.readFileSync('patient.jpg').toString('base64');

const res = await fetch(
  'https://skinnai-worker.london800800.workers.dev/api/v1/analyze',
  {
    method: 'POST',
    headers: {
      'Authorization': `Bearer ${API_KEY}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ image_base64: b64, mime_type: 'image/jpeg' }),
  }
);

const { analysis } = await res.json();
console.log(`Skin Score: ${analysis.skinScore}/100`);
console.log(`Summary: ${analysis.summary}`);
