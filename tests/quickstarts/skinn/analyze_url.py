import requests

response = requests.get(
    "https://skinnai-worker.london800800.workers.dev/api/v1/analyze",
    headers={"X-API-Key": "sk_live_your_api_key_here"},
    params={
        "image_url": "https://example.com/patient.jpg",
        "language": "en"
    }
)
data = response.json()
print(f"Skin Score: {data['analysis']['skinScore']}/100")
print(f"Skin Age: {data['analysis']['skinAge']}")
