# pip install requests
import requests, base64, sys

API_KEY = "sk_live_your_api_key_here"
IMAGE_PATH = "patient.jpg"

with open(IMAGE_PATH, "rb") as f:
    b64 = base64.b64encode(f.read()).decode()

res = requests.post(
    "https://skinnai-worker.london800800.workers.dev/api/v1/analyze",
    headers={"Authorization": f"Bearer {API_KEY}"},
    json={"image_base64": b64, "mime_type": "image/jpeg"},
    timeout=30
)
res.raise_for_status()
data = res.json()["analysis"]

print(f"Skin Score: {data['skinScore']}/100")
print(f"Skin Age: {data['skinAge']}")
print(f"UV Damage: {data['uvDamage']}")
print(f"Hydration: {data['hydration']}")
print(f"Summary: {data['summary']}")
