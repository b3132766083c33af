#!/usr/bin/env python3
"""Convert MediaPipe's face .tflite models to safetensors + a JSON op list for the candle port.

Requirements (install once; this script installs nothing itself):

    pip install mediapipe==0.10.18 tflite numpy safetensors

It reads the .tflite files bundled in the installed `mediapipe` wheel:
  mediapipe/modules/face_detection/face_detection_short_range.tflite  (BlazeFace, 128x128)
  mediapipe/modules/face_landmark/face_landmark.tflite                (468-point mesh, 192x192)
  mediapipe/modules/selfie_segmentation/selfie_segmentation.tflite    (person mask, 256x256)
  mediapipe/modules/iris_landmark/iris_landmark.tflite                (eye contour + iris, 64x64)

and writes, next to this folder (models/):
  <name>.safetensors   every constant tensor of the graph, keyed "t<tensor index>", in its
                       TFLite layout (CONV_2D [O,H,W,I], DEPTHWISE_CONV_2D [1,H,W,C]).
                       float16 weights behind DEQUANTIZE ops are stored as the DEQUANTIZE
                       *output* index, still float16 (bit-exact to the original).
  <name>.graph.json    the operators in execution order with their options (strides,
                       padding, fused activation, axis, ...) and tensor shapes.

The Rust side (src/vision/tflite_graph.rs) executes exactly this op list with candle.
"""
import hashlib
import json
import os
import sys

import numpy as np
import tflite
from safetensors.numpy import save_file

import mediapipe

MODELS = {
    "face_detection_short_range": "modules/face_detection/face_detection_short_range.tflite",
    "face_landmark": "modules/face_landmark/face_landmark.tflite",
    "selfie_segmentation": "modules/selfie_segmentation/selfie_segmentation.tflite",
    "iris_landmark": "modules/iris_landmark/iris_landmark.tflite",
}

OUT_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))

OPNAMES = {v: k for k, v in tflite.BuiltinOperator.__dict__.items() if not k.startswith("_")}
ACT = {v: k for k, v in tflite.ActivationFunctionType.__dict__.items() if not k.startswith("_")}
PAD = {v: k for k, v in tflite.Padding.__dict__.items() if not k.startswith("_")}
TYPES = {
    tflite.TensorType.FLOAT32: np.float32,
    tflite.TensorType.FLOAT16: np.float16,
    tflite.TensorType.INT32: np.int32,
    tflite.TensorType.INT64: np.int64,
}


def opcode_name(model, op):
    code = model.OperatorCodes(op.OpcodeIndex())
    b = max(code.BuiltinCode(), code.DeprecatedBuiltinCode())
    if OPNAMES[b] == "CUSTOM":
        return code.CustomCode().decode()
    return OPNAMES[b]


def options(op, cls):
    o = cls()
    t = op.BuiltinOptions()
    o.Init(t.Bytes, t.Pos)
    return o


def tensor_data(model, sub, idx):
    t = sub.Tensors(idx)
    buf = model.Buffers(t.Buffer())
    if buf.DataLength() == 0:
        return None
    raw = buf.DataAsNumpy().tobytes()
    shape = [int(s) for s in t.ShapeAsNumpy()] if t.ShapeLength() else []
    return np.frombuffer(raw, dtype=TYPES[t.Type()]).reshape(shape)


def convert(name, rel):
    path = os.path.join(os.path.dirname(mediapipe.__file__), rel)
    data = open(path, "rb").read()
    model = tflite.Model.GetRootAsModel(data, 0)
    sub = model.Subgraphs(0)
    consts, ops, shapes = {}, [], {}
    for i in range(sub.TensorsLength()):
        t = sub.Tensors(i)
        shapes[i] = [int(s) for s in t.ShapeAsNumpy()] if t.ShapeLength() else []
    for i in range(sub.OperatorsLength()):
        op = sub.Operators(i)
        kind = opcode_name(model, op)
        ins = [int(x) for x in op.InputsAsNumpy()]
        outs = [int(x) for x in op.OutputsAsNumpy()]
        rec = {"op": kind, "in": ins, "out": outs}
        if kind == "DEQUANTIZE":
            # Fold: the f16 constant becomes the op's output tensor.
            consts[outs[0]] = tensor_data(model, sub, ins[0])
            continue
        for j in ins:
            if j >= 0 and j not in consts:
                d = tensor_data(model, sub, j)
                if d is not None:
                    consts[j] = d
        if kind in ("CONV_2D", "DEPTHWISE_CONV_2D"):
            cls = tflite.Conv2DOptions if kind == "CONV_2D" else tflite.DepthwiseConv2DOptions
            o = options(op, cls)
            rec.update(stride=[o.StrideH(), o.StrideW()], padding=PAD[o.Padding()],
                       act=ACT[o.FusedActivationFunction()],
                       dilation=[o.DilationHFactor(), o.DilationWFactor()])
        elif kind == "Convolution2DTransposeBias":
            # MediaPipe's custom op; its options are a TfLiteTransposeConvParams struct:
            # int32 padding (1 SAME, 2 VALID), stride_width, stride_height.
            pad, sw, sh = np.frombuffer(op.CustomOptionsAsNumpy().tobytes(), dtype="<i4")[:3]
            rec.update(stride=[int(sh), int(sw)], padding={1: "SAME", 2: "VALID"}[int(pad)])
        elif kind == "RESIZE_BILINEAR":
            o = options(op, tflite.ResizeBilinearOptions)
            if o.AlignCorners() or not o.HalfPixelCenters():
                raise SystemExit("RESIZE_BILINEAR: only half_pixel_centers is supported")
            rec.update(shape=tensor_data(model, sub, ins[1]).tolist())
        elif kind == "MUL":
            o = options(op, tflite.MulOptions)
            rec.update(act=ACT[o.FusedActivationFunction()])
        elif kind in ("MAX_POOL_2D", "AVERAGE_POOL_2D"):
            o = options(op, tflite.Pool2DOptions)
            rec.update(stride=[o.StrideH(), o.StrideW()], padding=PAD[o.Padding()],
                       filter=[o.FilterHeight(), o.FilterWidth()],
                       act=ACT[o.FusedActivationFunction()])
        elif kind == "ADD":
            o = options(op, tflite.AddOptions)
            rec.update(act=ACT[o.FusedActivationFunction()])
        elif kind == "CONCATENATION":
            o = options(op, tflite.ConcatenationOptions)
            rec.update(axis=o.Axis(), act=ACT[o.FusedActivationFunction()])
        elif kind == "PAD":
            rec.update(paddings=tensor_data(model, sub, ins[1]).tolist())
        elif kind == "RESHAPE":
            rec.update(shape=shapes[outs[0]])
        ops.append(rec)
    inputs = [int(x) for x in sub.InputsAsNumpy()]
    outputs = [int(x) for x in sub.OutputsAsNumpy()]
    # Only float constants that an op actually reads are weights; int32 (pad/reshape
    # parameters) are recorded in the op list instead.
    used = {j for r in ops for j in r["in"]}
    weights = {f"t{k}": np.ascontiguousarray(v) for k, v in consts.items()
               if k in used and v.dtype in (np.float16, np.float32)}
    graph = {
        "source": f"mediapipe=={mediapipe.__version__} {rel}",
        "sha256": hashlib.sha256(data).hexdigest(),
        "inputs": inputs,
        "outputs": outputs,
        "output_names": [sub.Tensors(o).Name().decode() for o in outputs],
        "shapes": {str(k): v for k, v in shapes.items()},
        "ops": ops,
    }
    save_file(weights, os.path.join(OUT_DIR, f"{name}.safetensors"))
    with open(os.path.join(OUT_DIR, f"{name}.graph.json"), "w") as f:
        json.dump(graph, f, separators=(",", ":"))
    kinds = sorted({r["op"] for r in ops})
    print(f"{name}: {len(ops)} ops {kinds}, {len(weights)} weights, in {inputs} out {outputs}",
          file=sys.stderr)


if __name__ == "__main__":
    for n, r in MODELS.items():
        convert(n, r)
