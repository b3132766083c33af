#!/usr/bin/env python3
"""Extract MediaPipe's canonical face model (the 3-D face the head pose is fitted to) to safetensors.

MediaPipe's face geometry pipeline estimates a head pose by fitting its canonical face model
(468 vertices, centimetres) to the face mesh's landmarks with a weighted Procrustes on 33 of
them. The model and the weights ship as `geometry_pipeline_metadata_landmarks.binarypb` inside
the npm package `@mediapipe/face_mesh` (Apache-2.0), packed into
`face_mesh_solution_packed_assets.data` at the offsets its loader script lists. The protobuf's
schema ships as `*_pb2.py` in the PyPI wheel `mediapipe==0.10.18` (the wheel the other
MediaPipe weights come from; it does not carry the model itself).

Requirements (this script installs nothing itself):

    pip install "protobuf>=4.25,<5" numpy safetensors
    pip download mediapipe==0.10.18 --no-deps            # -> mediapipe-0.10.18-*.whl
    npm pack @mediapipe/face_mesh@0.4.1657299874         # -> mediapipe-face_mesh-*.tgz

Usage:

    python3 convert_face_geometry.py mediapipe-0.10.18-*.whl mediapipe-face_mesh-*.tgz

Writes models/face_geometry.safetensors:
  canonical_vertices    f32 [468, 3]  x, y, z in cm; +x toward the subject's left (the image's
                                      right in a frontal photo), +y up, +z out of the face
  procrustes_landmarks  u32 [33]      the mesh landmarks the pose is fitted on
  procrustes_weights    f32 [33]      their weights
with the binarypb's sha256 and both package versions in the file's metadata.
"""
import hashlib
import json
import os
import re
import sys
import tarfile
import tempfile
import zipfile

import numpy as np
from safetensors.numpy import save_file

ASSET = "/third_party/mediapipe/modules/face_geometry/data/geometry_pipeline_metadata_landmarks.binarypb"
PROTOS = "mediapipe/modules/face_geometry/protos/"
OUT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "face_geometry.safetensors"))


def main(wheel, tgz):
    with tarfile.open(tgz) as tar:
        loader = tar.extractfile("package/face_mesh_solution_packed_assets_loader.js").read().decode()
        packed = tar.extractfile("package/face_mesh_solution_packed_assets.data").read()
        package = json.loads(tar.extractfile("package/package.json").read())
    m = re.search(r'"filename": "%s", "start": (\d+), "end": (\d+)' % re.escape(ASSET), loader)
    start, end = int(m.group(1)), int(m.group(2))
    blob = packed[start:end]

    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(wheel) as whl:
            for name in whl.namelist():
                if name.startswith(PROTOS) and name.endswith("_pb2.py"):
                    whl.extract(name, tmp)
        sys.path.insert(0, tmp)
        from mediapipe.modules.face_geometry.protos import geometry_pipeline_metadata_pb2 as g

        meta = g.GeometryPipelineMetadata()
        meta.ParseFromString(blob)

    mesh = meta.canonical_mesh
    assert mesh.vertex_type == 0, "VERTEX_PT: x, y, z, u, v per vertex"
    vertices = np.array(mesh.vertex_buffer, dtype=np.float32).reshape(-1, 5)[:, :3]
    assert vertices.shape == (468, 3), vertices.shape
    ids = np.array([b.landmark_id for b in meta.procrustes_landmark_basis], dtype=np.uint32)
    weights = np.array([b.weight for b in meta.procrustes_landmark_basis], dtype=np.float32)
    save_file(
        {
            "canonical_vertices": np.ascontiguousarray(vertices),
            "procrustes_landmarks": ids,
            "procrustes_weights": weights,
        },
        OUT,
        metadata={
            "source": f"npm {package['name']}@{package['version']} {ASSET}",
            "schema": f"PyPI {os.path.basename(wheel)} {PROTOS}geometry_pipeline_metadata_pb2.py",
            "sha256": hashlib.sha256(blob).hexdigest(),
            "license": "Apache-2.0",
        },
    )
    print(f"{OUT}: {len(vertices)} vertices, {len(ids)} Procrustes landmarks "
          f"(weights sum {weights.sum():.3f}), sha256 {hashlib.sha256(blob).hexdigest()}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
