#!/usr/bin/env node
/*
 * Convert face-api's age/gender network (npm `@vladmandic/face-api` 1.7.15, MIT) to safetensors
 * for the candle port (src/vision/age_gender.rs). Dependency-free: plain Node >= 18.
 *
 *     mkdir -p /tmp/face-api && cd /tmp/face-api
 *     npm pack @vladmandic/face-api@1.7.15 && tar xzf vladmandic-face-api-1.7.15.tgz
 *     node <repo>/jobs/models/convert/convert_face_api_age_gender.js /tmp/face-api/package
 *
 * Input: package/model/age_gender_model-weights_manifest.json + age_gender_model.bin (tfjs
 * weights format: one shard, tensors back to back in manifest order). The kernels are
 * uint8-quantized per tensor (value = q * scale + min); the biases are plain float32 (the
 * manifest gives them no `quantization` entry). The dequantisation below is the one of
 * @tensorflow/tfjs-core's `io.decodeWeights` (`v * scale + min` in double, stored as float32),
 * so the float32 values are bit-identical to what face-api runs with.
 *
 * Output (next to this folder, models/):
 *   age_gender.safetensors   51 float32 tensors under their tfjs names, in their TF layout
 *                            (conv [kh,kw,cin,cout], depthwise [kh,kw,c,1], pointwise
 *                            [1,1,cin,cout], fc [in,out]); provenance in __metadata__.
 *   LICENSE-face-api-MIT.txt the package's licence, which must travel with the weights.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const VERSION = '1.7.15';
const OUT_DIR = path.resolve(__dirname, '..');

function main() {
  const pkgDir = path.resolve(process.argv[2] || 'package');
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.name !== '@vladmandic/face-api' || pkg.version !== VERSION) {
    throw new Error(`expected @vladmandic/face-api@${VERSION} in ${pkgDir}, found ${pkg.name}@${pkg.version}`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'model', 'age_gender_model-weights_manifest.json'), 'utf8'));
  if (manifest.length !== 1 || manifest[0].paths.length !== 1) throw new Error('expected one weight group with one shard');
  const binPath = path.join(pkgDir, 'model', manifest[0].paths[0]);
  const bin = fs.readFileSync(binPath);

  const tensors = [];
  let offset = 0;
  for (const spec of manifest[0].weights) {
    if (spec.dtype !== 'float32') throw new Error(`${spec.name}: unexpected dtype ${spec.dtype}`);
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(size);
    const q = spec.quantization;
    if (q) {
      if (q.dtype !== 'uint8') throw new Error(`${spec.name}: unexpected quantization ${q.dtype}`);
      for (let i = 0; i < size; i += 1) values[i] = bin[offset + i] * q.scale + q.min;
      offset += size;
    } else {
      for (let i = 0; i < size; i += 1) values[i] = bin.readFloatLE(offset + 4 * i);
      offset += 4 * size;
    }
    tensors.push({ name: spec.name, shape: spec.shape, values });
  }
  if (offset !== bin.length) throw new Error(`read ${offset} of ${bin.length} bytes`);

  const metadata = {
    source: `npm @vladmandic/face-api@${VERSION} model/${manifest[0].paths[0]}`,
    source_sha256: crypto.createHash('sha256').update(bin).digest('hex'),
    license: 'MIT, Copyright (c) Vladimir Mandic; see LICENSE-face-api-MIT.txt',
    layout: 'TF: conv [kh,kw,cin,cout], depthwise [kh,kw,c,1], fc [in,out]; uint8 dequantized to float32',
  };
  const out = path.join(OUT_DIR, 'age_gender.safetensors');
  fs.writeFileSync(out, safetensors(tensors, metadata));
  fs.copyFileSync(path.join(pkgDir, 'LICENSE'), path.join(OUT_DIR, 'LICENSE-face-api-MIT.txt'));
  console.log(`wrote ${out}: ${tensors.length} tensors, source sha256 ${metadata.source_sha256}`);
}

/** safetensors: u64 LE header length, JSON header (space-padded to 8 bytes), raw LE data. */
function safetensors(tensors, metadata) {
  const header = { __metadata__: metadata };
  let pos = 0;
  for (const t of tensors) {
    header[t.name] = { dtype: 'F32', shape: t.shape, data_offsets: [pos, pos + 4 * t.values.length] };
    pos += 4 * t.values.length;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
  const data = Buffer.concat(tensors.map((t) => Buffer.from(t.values.buffer, t.values.byteOffset, t.values.byteLength)));
  return Buffer.concat([len, Buffer.from(json), data]);
}

main();
