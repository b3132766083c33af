#!/usr/bin/env python3
"""Reference outputs of the ORIGINAL MediaPipe runtimes, for the candle port's tests.

    pip install mediapipe==0.10.18 tflite-runtime==2.14.0 numpy pillow

Writes models/reference/astronaut.json with
  * "detection": mp.solutions.face_detection (model_selection=0 = short range) on
    fixtures/astronaut.png: score, box [x, y, w, h] in pixels, 6 keypoints in pixels;
  * "mesh": mp.solutions.face_mesh (static_image_mode, refine_landmarks=False): 468 points
    (x, y in pixels, z in MediaPipe's relative unit);
  * "raw_detector" / "raw_mesh": raw tensors of the .tflite files run with tflite-runtime on
    inputs that the Rust test rebuilds bit-exactly without any resampling library:
      detector input = astronaut[2::4, 2::4] (128x128), scaled to [-1, 1];
      mesh input     = astronaut[40:232, 130:322] (192x192), scaled to [0, 1];
  * "selfie": mp.solutions.selfie_segmentation (model_selection=0, the square 256x256 model)
    on astronaut[::2, ::2], which is already the model's size, so the runtime neither resizes
    its input nor its output: the mask is the model's own output tensor (tflite-runtime cannot
    run this model alone: its last layer is MediaPipe's custom Convolution2DTransposeBias).
    Stored at every 4th pixel (64x64, row-major).
"""
import json
import os

import mediapipe as mp
import numpy as np
from PIL import Image
from tflite_runtime.interpreter import Interpreter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
MP_DIR = os.path.dirname(mp.__file__)


def raw(model_rel, x):
    it = Interpreter(model_path=os.path.join(MP_DIR, model_rel))
    it.allocate_tensors()
    it.set_tensor(it.get_input_details()[0]["index"], x[None].astype(np.float32))
    it.invoke()
    return {d["name"]: it.get_tensor(d["index"]) for d in it.get_output_details()}


def r(v, n=4):
    return [round(float(a), n) for a in v]


def main():
    img = np.asarray(Image.open(os.path.join(ROOT, "fixtures", "astronaut.png")).convert("RGB"))
    h, w = img.shape[:2]
    out = {"image": "fixtures/astronaut.png", "mediapipe": mp.__version__}

    with mp.solutions.face_detection.FaceDetection(model_selection=0, min_detection_confidence=0.5) as fd:
        res = fd.process(img)
    dets = []
    for d in res.detections or []:
        bb = d.location_data.relative_bounding_box
        dets.append({
            "score": round(float(d.score[0]), 4),
            "box_xywh": r([bb.xmin * w, bb.ymin * h, bb.width * w, bb.height * h], 2),
            "keypoints": [r([k.x * w, k.y * h], 2) for k in d.location_data.relative_keypoints],
        })
    out["detection"] = dets

    with mp.solutions.face_mesh.FaceMesh(static_image_mode=True, max_num_faces=1,
                                         refine_landmarks=False) as fm:
        res = fm.process(img)
    lms = res.multi_face_landmarks[0].landmark
    out["mesh"] = [r([p.x * w, p.y * h, p.z], 3) for p in lms]

    det_in = img[2::4, 2::4].astype(np.float32) / 127.5 - 1.0
    o = raw("modules/face_detection/face_detection_short_range.tflite", det_in)
    scores = o["classificators"][0, :, 0]
    top = np.argsort(-scores)[:5]
    out["raw_detector"] = {
        "top_anchors": [int(i) for i in top],
        "scores": r(scores[top], 5),
        "regressors": [r(o["regressors"][0, i], 4) for i in top],
    }

    mesh_in = img[40:232, 130:322].astype(np.float32) / 255.0
    o = raw("modules/face_landmark/face_landmark.tflite", mesh_in)
    out["raw_mesh"] = {
        "landmarks": r(o["conv2d_21"].reshape(-1), 3),
        "face_flag": round(float(o["conv2d_31"].reshape(-1)[0]), 4),
    }

    half = np.ascontiguousarray(img[::2, ::2])
    with mp.solutions.selfie_segmentation.SelfieSegmentation(model_selection=0) as ss:
        res = ss.process(half)
    out["selfie"] = r(res.segmentation_mask[::4, ::4].reshape(-1), 4)

    os.makedirs(os.path.join(ROOT, "models", "reference"), exist_ok=True)
    with open(os.path.join(ROOT, "models", "reference", "astronaut.json"), "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print("detections:", dets)
    print("mesh bbox:", np.min(np.array(out["mesh"])[:, :2], 0), np.max(np.array(out["mesh"])[:, :2], 0))


if __name__ == "__main__":
    main()
