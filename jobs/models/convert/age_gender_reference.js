#!/usr/bin/env node
/*
 * Reference outputs of the ORIGINAL face-api runtime for the candle age/gender port.
 *
 * Runs the published bundle `@vladmandic/face-api/dist/face-api.node-wasm.js` (1.7.15) on
 * @tensorflow/tfjs 4.22.0 with tfjs's pure-JS "cpu" backend (the native tfjs-node backend needs a
 * download at install time; the wasm one is not needed, only required by the bundle). Set up a
 * scratch folder once and run from it (modules are resolved from the working directory):
 *
 *     mkdir -p /tmp/face-api && cd /tmp/face-api && npm init -y >/dev/null
 *     npm install @vladmandic/face-api@1.7.15 @tensorflow/tfjs@4.22.0 \
 *         @tensorflow/tfjs-backend-wasm@4.22.0 pngjs@7.0.0
 *     node <repo>/jobs/models/convert/age_gender_reference.js
 *
 * Writes models/reference/age_gender_astronaut.json:
 *   "weights_max_abs_diff": committed age_gender.safetensors vs tf.io.decodeWeights (must be 0);
 *   "raw":       the network alone on astronaut[y0:y0+112, x0:x0+112] (already 112x112, so
 *                face-api neither pads nor resizes): age, [p_male, p_female], and the 512
 *                pooled features (avgPool of the TinyXception output) for debugging a port;
 *   "crop":      predictAgeAndGender on the integer face crop face-api itself cuts from the
 *                fixture (alignedRect, clipped and floored as extractFaceTensors does), which
 *                exercises padToSquare + resizeBilinear(112);
 *   "pipeline":  detectSingleFace(TinyFaceDetector 416) + 68 landmarks + age/gender, end to end;
 *   "crop_jitter": the "crop" case with the box moved by ±2 px and resized by ±4 px — face-api's
 *                own sensitivity to framing, against which a port's different crop is judged.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const req = createRequire(path.join(process.cwd(), 'noop.js'));
const faceapi = req('@vladmandic/face-api/dist/face-api.node-wasm.js');
const { PNG } = req('pngjs');

const { tf } = faceapi;
const MODELS = path.resolve(__dirname, '..');
const ROOT = path.resolve(MODELS, '..');
const RAW_XY = [168, 76];

const round = (v, n = 5) => Number(v.toFixed(n));

function loadRgb(file) {
  const png = PNG.sync.read(fs.readFileSync(file));
  const rgb = new Int32Array(png.width * png.height * 3);
  for (let i = 0; i < png.width * png.height; i += 1) {
    for (let c = 0; c < 3; c += 1) rgb[i * 3 + c] = png.data[i * 4 + c];
  }
  return tf.tensor3d(rgb, [png.height, png.width, 3], 'int32');
}

function readSafetensors(file) {
  const buf = fs.readFileSync(file);
  const n = Number(buf.readBigUInt64LE(0));
  const header = JSON.parse(buf.subarray(8, 8 + n).toString());
  const out = {};
  for (const [name, t] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const [a, b] = t.data_offsets;
    const bytes = buf.subarray(8 + n + a, 8 + n + b);
    out[name] = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  }
  return out;
}

async function weightsDiff(modelDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, 'age_gender_model-weights_manifest.json')));
  const bin = fs.readFileSync(path.join(modelDir, 'age_gender_model.bin'));
  const decoded = tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length), manifest[0].weights);
  const ours = readSafetensors(path.join(MODELS, 'age_gender.safetensors'));
  let max = 0;
  for (const [name, t] of Object.entries(decoded)) {
    const a = t.dataSync();
    const b = ours[name];
    if (!b || b.length !== a.length) throw new Error(`${name} missing or resized in safetensors`);
    for (let i = 0; i < a.length; i += 1) max = Math.max(max, Math.abs(a[i] - b[i]));
  }
  if (Object.keys(ours).length !== Object.keys(decoded).length) throw new Error('tensor count differs');
  return max;
}

async function predict(face) {
  const net = faceapi.nets.ageGenderNet;
  const input = await faceapi.toNetInput(face);
  const { age, gender } = net.forwardInput(input);
  const features = tf.tidy(() => tf.avgPool(net.faceFeatureExtractor.forwardInput(input), [7, 7], [2, 2], 'valid'));
  const out = {
    age: round(age.dataSync()[0]),
    gender_probs: Array.from(gender.dataSync()).map((v) => round(v, 6)),
    features: Array.from(features.dataSync()).map((v) => round(v)),
  };
  tf.dispose([age, gender, features]);
  return out;
}

async function main() {
  await tf.setBackend('cpu');
  await tf.ready();
  const modelDir = path.join(path.dirname(req.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.ageGenderNet.loadFromDisk(modelDir);

  const img = loadRgb(path.join(ROOT, 'fixtures', 'astronaut.png'));
  const out = {
    image: 'fixtures/astronaut.png',
    face_api: faceapi.version,
    tfjs: tf.version_core,
    backend: tf.getBackend(),
    weights_max_abs_diff: await weightsDiff(modelDir),
  };

  const rawCrop = tf.slice3d(img, [RAW_XY[1], RAW_XY[0], 0], [112, 112, 3]);
  out.raw = { x: RAW_XY[0], y: RAW_XY[1], size: 112, ...(await predict(rawCrop)) };

  const r = await faceapi.detectSingleFace(img, new faceapi.TinyFaceDetectorOptions({ inputSize: 416 }))
    .withFaceLandmarks().withAgeAndGender();
  const box = (b) => [b.x, b.y, b.width, b.height].map((v) => round(v, 3));
  out.pipeline = {
    detector: 'tiny_face_detector, inputSize 416',
    score: round(r.detection.score, 4),
    box_xywh: box(r.detection.box),
    landmarks68: r.landmarks.positions.map((p) => [round(p.x, 2), round(p.y, 2)]),
    aligned_box_xywh: box(r.alignedRect.box),
    age: round(r.age),
    gender: r.gender,
    gender_probability: round(r.genderProbability, 6),
  };

  const [face] = await faceapi.extractFaceTensors(img, [r.alignedRect]);
  const [h, w] = face.shape;
  const c = r.alignedRect.box.clipAtImageBorders(img.shape[1], img.shape[0]);
  const crop = await predict(face);
  out.crop = { x: c.x, y: c.y, width: w, height: h, age: crop.age, gender_probs: crop.gender_probs };

  // How much face-api itself moves when its crop moves by 2 px or grows/shrinks by 4 px: the
  // spread a port with a slightly different crop has to be judged against.
  const jitter = [];
  for (const [dx, dy, dw] of [[0, 0, 0], [-2, 0, 0], [2, 0, 0], [0, -2, 0], [0, 2, 0], [-2, -2, 0],
    [2, 2, 0], [-2, 2, 0], [2, -2, 0], [2, 2, -4], [-2, -2, 4]]) {
    const x = c.x + dx;
    const y = c.y + dy;
    const face2 = tf.slice3d(img, [y, x, 0], [h + dw, w + dw, 3]);
    const p = await predict(face2);
    jitter.push({ x, y, width: w + dw, height: h + dw, age: p.age, gender_probs: p.gender_probs });
    tf.dispose(face2);
  }
  out.crop_jitter = jitter;

  const file = path.join(MODELS, 'reference', 'age_gender_astronaut.json');
  fs.writeFileSync(file, `${JSON.stringify(out)}\n`);
  console.log(`wrote ${file}: weights diff ${out.weights_max_abs_diff}; raw age ${out.raw.age}, `
    + `p ${out.raw.gender_probs}; crop ${w}x${h} age ${out.crop.age}; pipeline age ${out.pipeline.age} `
    + `${out.pipeline.gender} ${out.pipeline.gender_probability}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
