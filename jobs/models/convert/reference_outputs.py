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
  * "iris": "mediapipe" = the irises of mp.solutions.face_mesh with refine_landmarks=True (the
    attention mesh, MediaPipe's own iris: points 468 and 473), each [x, y, radius] in pixels,
    the image's left eye first, radius = mean distance of its four edge points; "raw" = the 5
    iris points (x, y, z; crop px) of iris_landmark.tflite run with tflite-runtime on
    models/reference/astronaut_eye.png, which this script writes: the image's left eye cut
    from the "mesh" points as src/vision/iris.rs cuts it (a square of 2.3 x the distance
    between corners 33 and 133, centred between them, turned to their line; bilinear, pixel
    centres at integer coordinates), 64x64, rounded to 8 bits, scaled to [0, 1].
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

    with mp.solutions.face_mesh.FaceMesh(static_image_mode=True, max_num_faces=1,
                                         refine_landmarks=True) as fm:
        res = fm.process(img)
    att = res.multi_face_landmarks[0].landmark
    xy = lambda p: np.array([p.x * w, p.y * h])
    irises = []
    for c in (468, 473):
        centre = xy(att[c])
        radius = np.mean([np.linalg.norm(xy(att[c + k]) - centre) for k in range(1, 5)])
        irises.append(r([centre[0], centre[1], radius], 3))
    a, b = xy(lms[33]), xy(lms[133])
    d = b - a
    size, ang, centre = 2.3 * np.linalg.norm(d), np.arctan2(d[1], d[0]), (a + b) / 2
    v, u = np.mgrid[0:64, 0:64].astype(np.float64)
    ca, sa = np.cos(ang), np.sin(ang)
    du, dv = (u / 64 - 0.5) * size, (v / 64 - 0.5) * size
    x, y = centre[0] + du * ca - dv * sa, centre[1] + du * sa + dv * ca
    x0, y0 = np.floor(x).astype(int), np.floor(y).astype(int)
    fx, fy = (x - x0)[..., None], (y - y0)[..., None]
    px = lambda yy, xx: img[np.clip(yy, 0, h - 1), np.clip(xx, 0, w - 1)].astype(np.float64)
    eye = ((1 - fx) * (1 - fy) * px(y0, x0) + fx * (1 - fy) * px(y0, x0 + 1)
           + (1 - fx) * fy * px(y0 + 1, x0) + fx * fy * px(y0 + 1, x0 + 1))
    eye = np.clip(np.round(eye), 0, 255).astype(np.uint8)
    os.makedirs(os.path.join(ROOT, "models", "reference"), exist_ok=True)
    Image.fromarray(eye).save(os.path.join(ROOT, "models", "reference", "astronaut_eye.png"))
    o = raw("modules/iris_landmark/iris_landmark.tflite", eye.astype(np.float32) / 255.0)
    out["iris"] = {"mediapipe": irises, "raw": r(o["output_iris"].reshape(-1), 4)}

    with open(os.path.join(ROOT, "models", "reference", "astronaut.json"), "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print("detections:", dets)
    print("mesh bbox:", np.min(np.array(out["mesh"])[:, :2], 0), np.max(np.array(out["mesh"])[:, :2], 0))


if __name__ == "__main__":
    main()
