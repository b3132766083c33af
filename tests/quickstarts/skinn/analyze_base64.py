import requests, base64

with open("patient_photo.jpg", "rb") as f:
    b64 = base64.b64encode(f.read()).decode()

response = requests.post(
    "https://skinnai-worker.london800800.workers.dev/api/v1/analyze",
    headers={
        "Authorization": "Bearer sk_live_your_api_key_here",
        "Content-Type": "application/json",
    },
    json={
        "image_base64": b64,
        "mime_type": "image/jpeg",
        "email": "[email protected]",
        "language": "en",
        "patient_ref": "PAT-00142",
    }
)
data = response.json()
print(data["analysis"]["summary"])
